import { describe, expect, test, vi } from 'vitest';
import smCrypto from 'sm-crypto';
import { signRequest, stringToSign, verifyRequest, type RequestParts } from './hmac-request.ts';

const SECRET = 'dept-secret-0123456789abcdef';
const BASE: RequestParts = {
  secret: SECRET,
  method: 'POST',
  path: '/api/v1/cases?dept=公安',
  timestamp: 1_750_000_000,
  nonce: 'n-7f3a9c',
  body: '{"caseId":"C-1","status":"accepted"}',
};
const signature = signRequest(BASE);
const neverSeen = (): boolean => false;

describe('signRequest', () => {
  test('is hex HMAC-SM3 over method, path, timestamp, nonce and SM3(body) joined by \\n (sm-crypto oracle)', () => {
    const text = `POST\n/api/v1/cases?dept=公安\n1750000000\nn-7f3a9c\n${smCrypto.sm3(BASE.body as string)}`;
    expect(stringToSign(BASE)).toBe(text);
    expect(signature).toBe(smCrypto.sm3(text, { key: Buffer.from(SECRET).toString('hex') }));
  });

  test('string and byte bodies with the same content sign the same', () => {
    expect(signRequest({ ...BASE, body: Buffer.from(BASE.body as string) })).toBe(signature);
  });

  test('refuses fields that could blur the field boundaries, and short secrets', () => {
    expect(() => signRequest({ ...BASE, path: '/a\nb' })).toThrow(TypeError);
    expect(() => signRequest({ ...BASE, nonce: '' })).toThrow(TypeError);
    expect(() => signRequest({ ...BASE, timestamp: 1.5 })).toThrow(TypeError);
    expect(() => signRequest({ ...BASE, secret: '' })).toThrow(/16 bytes/);
  });
});

describe('verifyRequest', () => {
  const at = (extra: Partial<Parameters<typeof verifyRequest>[0]>) =>
    verifyRequest({ ...BASE, signature, now: BASE.timestamp, seenNonce: neverSeen, ...extra });

  test('accepts a good request', () => {
    expect(at({})).toEqual({ ok: true });
  });

  test.each([
    ['body', { body: '{"caseId":"C-1","status":"rejected"}' }],
    ['path', { path: '/api/v1/cases?dept=民政' }],
    ['method', { method: 'PUT' }],
    ['nonce', { nonce: 'n-7f3a9d' }],
    ['timestamp', { timestamp: BASE.timestamp + 1 }],
    ['secret', { secret: 'another-secret-0123456789' }],
  ])('rejects a tampered %s as bad-signature', (_name, change) => {
    const r = at(change);
    expect(r).toMatchObject({ ok: false, code: 'bad-signature' });
    if (!r.ok) expect(r.message).toMatch(/签名/);
  });

  test.each([
    ['empty', ''],
    ['not hex', 'zz'.repeat(32)],
    ['truncated', signature.slice(0, 62)],
    ['one digit changed', (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1)],
  ])('rejects a signature that is %s', (_name, sig) => {
    expect(at({ signature: sig })).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  test('accepts upper-case hex signatures', () => {
    expect(at({ signature: signature.toUpperCase() })).toEqual({ ok: true });
  });

  test('stale when |now - timestamp| exceeds the skew, both directions; the bound itself is fine', () => {
    expect(at({ now: BASE.timestamp + 300 })).toEqual({ ok: true });
    expect(at({ now: BASE.timestamp - 300 })).toEqual({ ok: true });
    const late = at({ now: BASE.timestamp + 301 });
    expect(late).toMatchObject({ ok: false, code: 'stale' });
    if (!late.ok) expect(late.message).toMatch(/时间戳/);
    expect(at({ now: BASE.timestamp - 301 })).toMatchObject({ ok: false, code: 'stale' });
    expect(at({ now: BASE.timestamp + 61, maxSkewSeconds: 60 })).toMatchObject({ ok: false, code: 'stale' });
  });

  test('replayed when the nonce was seen', () => {
    const seen = new Set<string>();
    const seenNonce = (n: string): boolean => (seen.has(n) ? true : (seen.add(n), false));
    expect(at({ seenNonce })).toEqual({ ok: true });
    const again = at({ seenNonce });
    expect(again).toMatchObject({ ok: false, code: 'replayed' });
    if (!again.ok) expect(again.message).toMatch(/重放/);
  });

  test('forged or stale requests never reach the nonce store', () => {
    const seenNonce = vi.fn(() => false);
    at({ signature: '0'.repeat(64), seenNonce });
    at({ now: BASE.timestamp + 10_000, seenNonce });
    expect(seenNonce).not.toHaveBeenCalled();
    at({ seenNonce });
    expect(seenNonce).toHaveBeenCalledWith(BASE.nonce);
  });

  test('an empty configured secret throws instead of accepting forgeries signed with it', () => {
    expect(() => at({ secret: '' })).toThrow(/16 bytes/);
  });
});
