import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createCipheriv, randomBytes } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { createFieldCipher, maskIdNumber, maskName, maskPhone, openKeyMaterial } from './sm4.ts';
import { hmacSm3 } from './sm3.ts';

const MASTER = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const cipher = createFieldCipher(MASTER);

describe("node's sm4 is GB/T 32907 SM4", () => {
  const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');

  test('single-block ECB example', () => {
    const c = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    const out = Buffer.concat([c.update(key), c.final()]);
    expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  test('the 1,000,000-fold iterated example', () => {
    // CBC with a zero IV over P ‖ 0…0 chains C_i = E(C_{i-1}), so the last block is E^1000000(P).
    const input = Buffer.alloc(16 * 1_000_000);
    key.copy(input);
    const c = createCipheriv('sm4-cbc', key, Buffer.alloc(16)).setAutoPadding(false);
    const out = c.update(input);
    expect(out.subarray(-16).toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  });
});

describe('createFieldCipher', () => {
  test('round trip, including Chinese text and the empty string', () => {
    for (const v of ['11010519491231002X', '13800138000', '张三丰', '']) {
      expect(cipher.decrypt(cipher.encrypt(v))).toBe(v);
    }
  });

  test('property: round trip for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (v) => {
        expect(cipher.decrypt(cipher.encrypt(v))).toBe(v);
      }),
    );
  });

  test('token format v1.<iv>.<ct>.<mac> with a 16-byte IV and 32-byte MAC', () => {
    const [v, iv, ct, mac, ...rest] = cipher.encrypt('11010519491231002X').split('.');
    expect(rest).toEqual([]);
    expect(v).toBe('v1');
    expect(Buffer.from(iv ?? '', 'base64url')).toHaveLength(16);
    expect(Buffer.from(ct ?? '', 'base64url')).toHaveLength(32); // 18 bytes padded to 2 blocks
    expect(Buffer.from(mac ?? '', 'base64url')).toHaveLength(32);
  });

  test('random IV: encrypting the same value twice gives different tokens', () => {
    const a = cipher.encrypt('13800138000');
    const b = cipher.encrypt('13800138000');
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  test('ciphertext is SM4-CBC under HMAC-SM3(master, "enc") and MAC is HMAC-SM3(master, "mac") (sm-crypto oracle)', () => {
    const [, ivB, ctB, macB] = cipher.encrypt('身份证 11010519491231002X').split('.');
    const iv = Buffer.from(ivB ?? '', 'base64url');
    const ct = Buffer.from(ctB ?? '', 'base64url');
    const master = Buffer.from(MASTER, 'hex');
    const encKey = hmacSm3(master, 'enc').subarray(0, 16).toString('hex');
    const plain = smCrypto.sm4.decrypt(ct.toString('hex'), encKey, { mode: 'cbc', iv: iv.toString('hex') });
    expect(plain).toBe('身份证 11010519491231002X');
    const macKey = hmacSm3(master, 'mac').toString('hex');
    const macInput = Buffer.concat([Buffer.from('v1'), iv, ct]);
    expect(smCrypto.sm3(Array.from(macInput), { key: macKey })).toBe(Buffer.from(macB ?? '', 'base64url').toString('hex'));
  });

  describe('tamper detection', () => {
    const token = cipher.encrypt('11010519491231002X');
    const parts = token.split('.');
    const flip = (b64: string, at: number): string => {
      const b = Buffer.from(b64, 'base64url');
      b[at] = (b[at] ?? 0) ^ 0x01;
      return b.toString('base64url');
    };
    const withPart = (i: number, value: string): string => parts.map((p, j) => (j === i ? value : p)).join('.');

    test.each([
      ['IV', 1],
      ['ciphertext', 2],
      ['MAC', 3],
    ])('a flipped bit in the %s is detected', (_name, i) => {
      expect(() => cipher.decrypt(withPart(i, flip(parts[i] ?? '', 0)))).toThrow(/authentication failed/);
    });

    test('every single-bit flip anywhere in the binary parts is detected', () => {
      for (const i of [1, 2, 3]) {
        const len = Buffer.from(parts[i] ?? '', 'base64url').length;
        for (let at = 0; at < len; at++) {
          expect(() => cipher.decrypt(withPart(i, flip(parts[i] ?? '', at)))).toThrow(/authentication failed/);
        }
      }
    });

    test('truncated or spliced ciphertext is detected', () => {
      const ct = Buffer.from(parts[2] ?? '', 'base64url');
      expect(() => cipher.decrypt(withPart(2, ct.subarray(16).toString('base64url')))).toThrow(/authentication failed/);
      const other = cipher.encrypt('11010519491231002Y').split('.');
      expect(() => cipher.decrypt(withPart(2, other[2] ?? ''))).toThrow(/authentication failed/);
    });

    test('a token from another master key is rejected', () => {
      const foreign = createFieldCipher(randomBytes(32).toString('hex')).encrypt('11010519491231002X');
      expect(() => cipher.decrypt(foreign)).toThrow(/authentication failed/);
    });

    test.each([
      ['empty', ''],
      ['wrong version', withPart(0, 'v2')],
      ['too few parts', parts.slice(0, 3).join('.')],
      ['too many parts', `${token}.x`],
      ['non-base64url', withPart(2, 'ab+/')],
      ['not a string', 42 as unknown as string],
    ])('malformed token (%s) throws', (_name, bad) => {
      expect(() => cipher.decrypt(bad)).toThrow(/field cipher/);
    });
  });

  test('blind index: equal values match, different values and keys do not', () => {
    const idx = cipher.blindIndex('11010519491231002X');
    expect(idx).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.blindIndex('11010519491231002X')).toBe(idx);
    expect(createFieldCipher(MASTER).blindIndex('11010519491231002X')).toBe(idx);
    expect(cipher.blindIndex('11010519491231002x')).not.toBe(idx);
    expect(createFieldCipher(randomBytes(32).toString('hex')).blindIndex('11010519491231002X')).not.toBe(idx);
    // derived with its own key, not the MAC or encryption key, and not a bare hash
    const master = Buffer.from(MASTER, 'hex');
    expect(idx).toBe(hmacSm3(hmacSm3(master, 'idx'), '11010519491231002X').toString('hex'));
    expect(idx).not.toBe(hmacSm3(hmacSm3(master, 'mac'), '11010519491231002X').toString('hex'));
  });

  test.each([
    ['too short', '00'.repeat(16)],
    ['too long', '00'.repeat(33)],
    ['not hex', 'zz'.repeat(32)],
    ['empty', ''],
  ])('rejects a master key that is %s', (_name, key) => {
    expect(() => createFieldCipher(key)).toThrow(/32 bytes/);
  });
});

describe('masks', () => {
  test('ID number keeps the first 6 and last 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002'); // 15-digit legacy number
    expect(maskIdNumber('1234567890')).toBe('**********'); // too short to reveal anything
  });

  test('phone keeps the first 3 and last 4', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('1380013')).toBe('*******');
  });

  test('name keeps only the first character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('𠮷野家')).toBe('𠮷**'); // non-BMP first character stays whole
    expect(maskName('王')).toBe('*');
    expect(maskName('')).toBe('');
  });
});

describe('openKeyMaterial', () => {
  test('opens what the cipher sealed, and never serves one key holder what only another could open', () => {
    const a = createFieldCipher('11'.repeat(32));
    const b = createFieldCipher('22'.repeat(32));
    const token = a.encrypt('-----BEGIN PRIVATE KEY-----');
    expect(openKeyMaterial(a, token)).toBe('-----BEGIN PRIVATE KEY-----');
    expect(openKeyMaterial(a, token)).toBe('-----BEGIN PRIVATE KEY-----');
    expect(() => openKeyMaterial(b, token)).toThrow(/authentication failed/);
    // One bit of the MAC flipped (the last base64url character carries padding bits, so edit the bytes).
    const [v, iv, ct, mac] = token.split('.') as [string, string, string, string];
    const bytes = Buffer.from(mac, 'base64url');
    bytes[0] = (bytes[0] as number) ^ 1;
    const tampered = [v, iv, ct, bytes.toString('base64url')].join('.');
    expect(() => openKeyMaterial(a, tampered)).toThrow();
  });
});
