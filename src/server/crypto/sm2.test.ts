import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign, ECDH } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { DEFAULT_SM2_USER_ID, generateSealKeyPair, sm2Sign, sm2Verify } from './sm2.ts';

const { sm2 } = smCrypto;
const ORACLE = { hash: true, der: true } as const; // sm-crypto: Z_A with the default user id, DER

/** d as hex from Node's PKCS#8 PEM (fixed layout). Re-read SM2 keys must not be exported as sec1: Node aborts. */
function privateHex(pem: string): string {
  const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
  const prefix = '308187020100301306072a8648ce3d020106082a811ccf5501822d046d306b0201010420';
  expect(der.subarray(0, 36).toString('hex')).toBe(prefix);
  return der.subarray(36, 68).toString('hex');
}

const b64ToHex = (s: string): string => Buffer.from(s, 'base64url').toString('hex');
const hexToB64 = (s: string): string => Buffer.from(s, 'hex').toString('base64url');

const kp = generateSealKeyPair();
const other = generateSealKeyPair();

describe('generateSealKeyPair', () => {
  test('PEM pair on the SM2 curve and a matching 04‖x‖y hex key', () => {
    expect(kp.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(kp.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(kp.publicKeyHex).toMatch(/^04[0-9a-f]{128}$/);
    const spki = createPublicKey(kp.publicKeyPem).export({ format: 'der', type: 'spki' });
    expect(spki.subarray(-65).toString('hex')).toBe(kp.publicKeyHex);
    // the private key really belongs to that public key (sm-crypto derives d·G)
    const derive = (sm2 as unknown as { getPublicKeyFromPrivateKey(d: string): string }).getPublicKeyFromPrivateKey;
    expect(derive(privateHex(kp.privateKeyPem))).toBe(kp.publicKeyHex);
    expect(other.publicKeyHex).not.toBe(kp.publicKeyHex);
  });
});

describe("node's own crypto.sign is not GB/T 32918 SM2 (why sm2.ts implements it)", () => {
  // If this ever fails, Node/OpenSSL started producing real SM2: revisit sm2.ts.
  test('neither a generated KeyObject nor a PEM-read key gives a signature sm-crypto accepts', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const pubHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-65).toString('hex');
    const msg = '办成一件事';
    const fromKeyObject = nodeSign('sm3', Buffer.from(msg), privateKey); // ECDSA over the SM2 curve
    const fromPem = nodeSign('sm3', Buffer.from(msg), createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' })));
    expect(sm2.doVerifySignature(msg, fromKeyObject.toString('hex'), pubHex, ORACLE)).toBe(false);
    expect(sm2.doVerifySignature(msg, fromPem.toString('hex'), pubHex, ORACLE)).toBe(false);
    // The PEM-read one is SM2 with an EMPTY user id, which Node gives no way to change.
    expect(sm2.doVerifySignature(msg, fromPem.toString('hex'), pubHex, { ...ORACLE, userId: '' })).toBe(true);
  });
});

describe('sm2Sign / sm2Verify cross-checked with sm-crypto', () => {
  test('our signature verifies in sm-crypto (default user id) and in ours', () => {
    const sig = sm2Sign(kp.privateKeyPem, '电子印章：同意');
    expect(sig).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sm2.doVerifySignature('电子印章：同意', b64ToHex(sig), kp.publicKeyHex, ORACLE)).toBe(true);
    expect(sm2Verify(kp.publicKeyPem, '电子印章：同意', sig)).toBe(true);
  });

  test('sm-crypto signature verifies in ours', () => {
    const sigHex = sm2.doSignature('电子印章：同意', privateHex(kp.privateKeyPem), ORACLE);
    expect(sm2Verify(kp.publicKeyPem, '电子印章：同意', hexToB64(sigHex))).toBe(true);
    expect(sm2Verify(kp.publicKeyHex, '电子印章：同意', hexToB64(sigHex))).toBe(true);
  });

  test('both directions on arbitrary bytes and strings, fresh keys', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 200 })), (msg) => {
        const k = generateSealKeyPair();
        const oracleMsg = typeof msg === 'string' ? msg : Array.from(msg);
        const ours = sm2Sign(k.privateKeyPem, msg);
        expect(sm2.doVerifySignature(oracleMsg, b64ToHex(ours), k.publicKeyHex, ORACLE)).toBe(true);
        const theirs = sm2.doSignature(oracleMsg, privateHex(k.privateKeyPem), ORACLE);
        expect(sm2Verify(k.publicKeyPem, msg, hexToB64(theirs))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  test('a custom user id is honoured and must match', () => {
    const sig = sm2Sign(kp.privateKeyPem, 'm', { userId: 'ALICE123@YAHOO.COM' });
    expect(sm2.doVerifySignature('m', b64ToHex(sig), kp.publicKeyHex, { ...ORACLE, userId: 'ALICE123@YAHOO.COM' })).toBe(true);
    expect(sm2Verify(kp.publicKeyPem, 'm', sig, { userId: 'ALICE123@YAHOO.COM' })).toBe(true);
    expect(sm2Verify(kp.publicKeyPem, 'm', sig)).toBe(false);
    expect(sm2Verify(kp.publicKeyPem, 'm', sig, { userId: DEFAULT_SM2_USER_ID })).toBe(false);
  });

  test('signatures are randomised (fresh k) yet all verify', () => {
    const a = sm2Sign(kp.privateKeyPem, 'same');
    const b = sm2Sign(kp.privateKeyPem, 'same');
    expect(a).not.toBe(b);
    expect(sm2Verify(kp.publicKeyPem, 'same', a) && sm2Verify(kp.publicKeyPem, 'same', b)).toBe(true);
  });

  test('nonces made ahead in the thread pool, and those made on the spot, each serve one signature that sm-crypto accepts', async () => {
    sm2Sign(kp.privateKeyPem, 'start the pool');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // More than the pool keeps: some signatures take a nonce made ahead, the rest compute their own.
    const sigs = Array.from({ length: 40 }, () => sm2Sign(kp.privateKeyPem, 'same'));
    const rs = sigs.map((s) => b64ToHex(s).slice(0, 72));
    expect(new Set(rs).size).toBe(sigs.length);
    for (const s of sigs) expect(sm2.doVerifySignature('same', b64ToHex(s), kp.publicKeyHex, ORACLE)).toBe(true);
  });
});

describe('sm2Verify rejects', () => {
  const sig = sm2Sign(kp.privateKeyPem, 'original');

  test('tampered data', () => {
    expect(sm2Verify(kp.publicKeyPem, 'originaL', sig)).toBe(false);
    expect(sm2Verify(kp.publicKeyPem, 'original ', sig)).toBe(false);
  });

  test('every single-bit flip of the signature', () => {
    const raw = Buffer.from(sig, 'base64url');
    for (let i = 0; i < raw.length * 8; i++) {
      const t = Buffer.from(raw);
      t[i >> 3] = (t[i >> 3] ?? 0) ^ (1 << (i & 7));
      expect(sm2Verify(kp.publicKeyPem, 'original', t.toString('base64url'))).toBe(false);
    }
  });

  test('the wrong public key', () => {
    expect(sm2Verify(other.publicKeyPem, 'original', sig)).toBe(false);
  });

  describe('non-canonical DER of a valid (r, s)', () => {
    // Find a signature whose r is a 32-byte INTEGER (high bit clear: padding it is merely
    // non-minimal) and whose s needs its 0x00 (33 bytes: dropping it makes it negative).
    let raw = Buffer.alloc(0);
    let msg = '';
    for (let i = 0; raw[3] !== 32 || (raw[4] ?? 0) >= 0x80 || raw[4 + 32 + 1] !== 33; i++) {
      msg = `m${i}`;
      raw = Buffer.from(sm2Sign(kp.privateKeyPem, msg), 'base64url');
    }
    const rLen = raw[3] ?? 0;
    const r = raw.subarray(4, 4 + rLen);
    const sPart = raw.subarray(4 + rLen);
    const seq = (...parts: Buffer[]): string => {
      const body = Buffer.concat(parts);
      return Buffer.concat([Buffer.of(0x30, body.length), body]).toString('base64url');
    };

    test('the canonical form verifies (control)', () => {
      expect(sm2Verify(kp.publicKeyPem, msg, seq(Buffer.of(0x02, rLen), r, sPart))).toBe(true);
    });

    test('a byte after the SEQUENCE', () => {
      expect(sm2Verify(kp.publicKeyPem, msg, Buffer.concat([raw, Buffer.of(0)]).toString('base64url'))).toBe(false);
    });

    test('an extra element inside the SEQUENCE', () => {
      // needs a 70-byte signature (r, s both 32 bytes) so the result stays within the length cap
      let short = Buffer.alloc(0);
      let m = '';
      for (let i = 0; short.length !== 70; i++) {
        m = `n${i}`;
        short = Buffer.from(sm2Sign(kp.privateKeyPem, m), 'base64url');
      }
      expect(sm2Verify(kp.publicKeyPem, m, seq(short.subarray(2)))).toBe(true);
      expect(sm2Verify(kp.publicKeyPem, m, seq(short.subarray(2), Buffer.of(0x05, 0)))).toBe(false);
    });

    test('r with a redundant leading zero', () => {
      expect(sm2Verify(kp.publicKeyPem, msg, seq(Buffer.of(0x02, rLen + 1, 0), r, sPart))).toBe(false);
    });

    test('s without the zero byte its high bit needs (a negative INTEGER of the same bytes)', () => {
      expect(sPart[1]).toBe(33);
      const sNeg = Buffer.concat([Buffer.of(0x02, 32), sPart.subarray(3)]);
      expect(sm2Verify(kp.publicKeyPem, msg, seq(Buffer.of(0x02, rLen), r, sNeg))).toBe(false);
    });
  });

  test('garbage in any argument returns false instead of throwing', () => {
    const bad: [string, string | Uint8Array, string][] = [
      [kp.publicKeyPem, 'original', ''],
      [kp.publicKeyPem, 'original', 'not base64url!'],
      [kp.publicKeyPem, 'original', 'AAAA'],
      [kp.publicKeyPem, 'original', Buffer.from('30060201000201' + '00', 'hex').toString('base64url')],
      ['', 'original', sig],
      ['-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', 'original', sig],
      [kp.privateKeyPem, 'original', sig],
      ['04' + '00'.repeat(64), 'original', sig], // not on the curve
      [null as unknown as string, 'original', sig],
      [kp.publicKeyPem, 'original', 42 as unknown as string],
    ];
    for (const [key, data, s] of bad) expect(sm2Verify(key, data, s)).toBe(false);
  });

  test('arbitrary signature strings never throw and never verify', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(sm2Verify(kp.publicKeyPem, 'original', s)).toBe(false);
      }),
    );
  });

  test('keys on other curves', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const p256Pub = p256.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const p256Priv = p256.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(sm2Verify(p256Pub, 'original', sig)).toBe(false);
    expect(() => sm2Sign(p256Priv, 'x')).toThrow(/SM2/);
  });
});

describe('key formats', () => {
  test('SEC1 "EC PRIVATE KEY" and compressed public keys are accepted', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const sec1 = privateKey.export({ format: 'pem', type: 'sec1' }).toString();
    const point = publicKey.export({ format: 'der', type: 'spki' }).subarray(-65);
    const compressed = ECDH.convertKey(point, 'SM2', undefined, 'hex', 'compressed') as string;
    const sig = sm2Sign(sec1, 'x');
    expect(sm2Verify(compressed, 'x', sig)).toBe(true);
    expect(sm2.doVerifySignature('x', b64ToHex(sig), point.toString('hex'), ORACLE)).toBe(true);
  });

  test('sm2Sign throws on a non-key', () => {
    expect(() => sm2Sign('nope', 'x')).toThrow();
    expect(() => sm2Sign(kp.publicKeyPem, 'x')).toThrow(/unsupported private key/);
  });
});
