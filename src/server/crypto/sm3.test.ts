import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import smCrypto from 'sm-crypto';
import { assertSecret, hmacSm3Hex, safeEqual, sm3Hex } from './sm3.ts';

describe('sm3 (GB/T 32905)', () => {
  test('standard vector: "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  test('standard vector: "abcd" x 16 (64 bytes)', () => {
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  test('strings hash as UTF-8, same as the equal bytes', () => {
    expect(sm3Hex('一网通办')).toBe(sm3Hex(new TextEncoder().encode('一网通办')));
    expect(sm3Hex('一网通办')).not.toBe(sm3Hex(Buffer.from('一网通办', 'latin1')));
  });

  test('agrees with sm-crypto on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sm3Hex(bytes)).toBe(smCrypto.sm3(Array.from(bytes)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('hmacSm3Hex', () => {
  test('agrees with sm-crypto HMAC-SM3 (keys shorter and longer than the 64-byte block)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), fc.string(), (key, msg) => {
        const expected = smCrypto.sm3(msg, { key: Buffer.from(key).toString('hex') });
        expect(hmacSm3Hex(key, msg)).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });

  test('differs from a plain hash and depends on the key', () => {
    expect(hmacSm3Hex('k'.repeat(16), 'abc')).not.toBe(sm3Hex('abc'));
    expect(hmacSm3Hex('k'.repeat(16), 'abc')).not.toBe(hmacSm3Hex('j'.repeat(16), 'abc'));
  });
});

describe('helpers', () => {
  test('safeEqual', () => {
    expect(safeEqual(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
    expect(safeEqual(Buffer.from('abc'), Buffer.from('abd'))).toBe(false);
    expect(safeEqual(Buffer.from('abc'), Buffer.from('abcd'))).toBe(false);
  });

  test('assertSecret rejects empty and short secrets', () => {
    expect(() => assertSecret('', 'x')).toThrow(TypeError);
    expect(() => assertSecret('short', 'x')).toThrow(/16 bytes/);
    expect(() => assertSecret(new Uint8Array(15), 'x')).toThrow(TypeError);
    expect(() => assertSecret('0123456789abcdef', 'x')).not.toThrow();
  });
});
