// Known-answer test: the SM2 signature example on the recommended curve from GM/T 0003.5
// (the GB/T 32918.2 annex uses a test curve), as also used by OpenSSL, GmSSL and openHiTLS.
// randomBytes is stubbed once so sm2Sign draws the example's k.
import { describe, expect, test, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sm2Sign, sm2Verify } from './sm2.ts';

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, randomBytes: vi.fn(real.randomBytes) };
});

const D = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';
const PUB = '04' + '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
  'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13';
const K = '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21';
const MSG = 'message digest'; // user id: the default 1234567812345678
const R = 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3';
const S = 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa';
const SIG_DER = '3046022100' + R + '022100' + S;

const pemOf = (label: string, hex: string): string =>
  `-----BEGIN ${label}-----\n${Buffer.from(hex, 'hex').toString('base64')}\n-----END ${label}-----\n`;
// SEC1 ECPrivateKey { 1, d, [0] sm2 } and SPKI { {ecPublicKey, sm2}, point }
const PRIV_PEM = pemOf('EC PRIVATE KEY', '30310201010420' + D + 'a00a06082a811ccf5501822d');
const PUB_PEM = pemOf('PUBLIC KEY', '3059301306072a8648ce3d020106082a811ccf5501822d034200' + PUB);

describe('SM2 known answer (GM/T 0003.5 example, recommended curve)', () => {
  test('signing with the example k gives exactly the example (r, s)', () => {
    vi.mocked(randomBytes).mockReturnValueOnce(Buffer.from(K, 'hex') as never);
    const sig = sm2Sign(PRIV_PEM, MSG);
    expect(Buffer.from(sig, 'base64url').toString('hex')).toBe(SIG_DER);
  });

  test('the example signature verifies, via PEM and via hex', () => {
    const sig = Buffer.from(SIG_DER, 'hex').toString('base64url');
    expect(sm2Verify(PUB_PEM, MSG, sig)).toBe(true);
    expect(sm2Verify(PUB, MSG, sig)).toBe(true);
    expect(sm2Verify(PUB, 'message digesT', sig)).toBe(false);
    expect(sm2Verify(PUB, MSG, sig, { userId: 'ALICE123@YAHOO.COM' })).toBe(false);
  });
});
