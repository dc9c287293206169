import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createECDH } from 'node:crypto';
import { GX, GY, N, P, decodeDerSignature, encodeDerSignature, mod, modInv, mulAddX, onCurve, toBigInt, toBytes32 } from './sm2-math.ts';

/** x of k·G computed by OpenSSL, the independent reference. */
function opensslX(k: bigint): bigint {
  const ecdh = createECDH('SM2');
  ecdh.setPrivateKey(toBytes32(k));
  return toBigInt(ecdh.getPublicKey().subarray(1, 33));
}

function opensslPoint(k: bigint): [bigint, bigint] {
  const ecdh = createECDH('SM2');
  ecdh.setPrivateKey(toBytes32(k));
  const pub = ecdh.getPublicKey();
  return [toBigInt(pub.subarray(1, 33)), toBigInt(pub.subarray(33, 65))];
}

const scalar = fc.bigInt({ min: 1n, max: N - 1n });

describe('SM2 curve arithmetic agrees with OpenSSL', () => {
  test('the generator is on the curve; nearby and out-of-range points are not', () => {
    expect(onCurve(GX, GY)).toBe(true);
    expect(onCurve(GX, GY + 1n)).toBe(false);
    expect(onCurve(GX, P - GY)).toBe(true); // -G
    expect(onCurve(GX + P, GY)).toBe(false); // same residue, not a valid encoding
    expect(onCurve(0n, 0n)).toBe(false);
  });

  test('a·G + b·(c·G) has the x of (a + b·c)·G', () => {
    fc.assert(
      fc.property(scalar, scalar, scalar, (a, b, c) => {
        const [qx, qy] = opensslPoint(c);
        expect(onCurve(qx, qy)).toBe(true);
        const k = mod(a + b * c, N);
        const x = mulAddX(a, b, qx, qy);
        if (k === 0n) expect(x).toBeNull();
        else expect(x).toBe(opensslX(k));
      }),
      { numRuns: 40 },
    );
  });

  test('edge cases: Q = G (doubling inside the sum), Q = -G (cancels), small scalars', () => {
    expect(mulAddX(1n, 1n, GX, GY)).toBe(opensslX(2n));
    expect(mulAddX(3n, 0n, GX, GY)).toBe(opensslX(3n));
    expect(mulAddX(0n, 5n, GX, GY)).toBe(opensslX(5n));
    expect(mulAddX(1n, 1n, GX, P - GY)).toBeNull();
    expect(mulAddX(N - 1n, 0n, GX, GY)).toBe(GX); // -G
  });

  test('modInv', () => {
    fc.assert(
      fc.property(scalar, (a) => {
        expect(mod(a * modInv(a, N), N)).toBe(1n);
      }),
    );
    expect(() => modInv(0n, N)).toThrow();
  });
});

describe('DER signature codec', () => {
  test('round trip with minimal encodings', () => {
    fc.assert(
      fc.property(scalar, scalar, (r, s) => {
        const der = encodeDerSignature(r, s);
        expect(decodeDerSignature(der)).toEqual({ r, s });
        expect(der[0]).toBe(0x30);
      }),
    );
    // high bit set needs a 0x00; small values stay short
    expect(encodeDerSignature(0x80n, 1n).toString('hex')).toBe('3007020200800201' + '01');
    expect(encodeDerSignature(0x7fn, 1n).toString('hex')).toBe('30060201' + '7f' + '020101');
  });
});
