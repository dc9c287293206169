import { describe, expect, test } from 'vitest';
import { createHandoffToken, verifyHandoffToken } from './handoff.ts';
import { hmacSm3 } from './sm3.ts';

const SECRET = 'handoff-secret-0123456789abcdef';
const NOW = 1_750_000_000;
const make = (extra: { caseId?: string; ttlSeconds?: number } = {}): string =>
  createHandoffToken({ secret: SECRET, subject: 'user-42', department: '市场监管局', now: NOW, ...extra });

describe('handoff tokens (clause 6.3.1)', () => {
  test('a fresh token verifies and carries its claims', () => {
    const r = verifyHandoffToken(make({ caseId: 'C-2025-0001' }), { secret: SECRET, now: NOW + 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.claims).toMatchObject({ subject: 'user-42', department: '市场监管局', caseId: 'C-2025-0001', iat: NOW, exp: NOW + 120 });
    expect(r.claims.jti).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  test('caseId is optional', () => {
    const r = verifyHandoffToken(make(), { secret: SECRET, now: NOW });
    expect(r.ok && 'caseId' in r.claims).toBe(false);
    expect(r.ok).toBe(true);
  });

  test('token is base64url(JSON).base64url(HMAC-SM3 of the first part)', () => {
    const token = make();
    const [payload, mac] = token.split('.');
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'))).toMatchObject({ subject: 'user-42' });
    expect(mac).toBe(hmacSm3(SECRET, payload ?? '').toString('base64url'));
  });

  test('each token has a fresh jti', () => {
    expect(make()).not.toBe(make());
  });

  test('expires after the default 120 s, and after a custom ttl', () => {
    expect(verifyHandoffToken(make(), { secret: SECRET, now: NOW + 119 }).ok).toBe(true);
    const r = verifyHandoffToken(make(), { secret: SECRET, now: NOW + 120 });
    expect(r).toMatchObject({ ok: false, code: 'expired' });
    if (!r.ok) expect(r.message).toMatch(/过期/);
    expect(verifyHandoffToken(make({ ttlSeconds: 30 }), { secret: SECRET, now: NOW + 30 })).toMatchObject({ code: 'expired' });
    expect(verifyHandoffToken(make({ ttlSeconds: 600 }), { secret: SECRET, now: NOW + 599 }).ok).toBe(true);
  });

  test('a payload edited to extend its life or change its subject fails the signature', () => {
    const [payload, mac] = make().split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    for (const edit of [{ exp: NOW + 86_400 }, { subject: 'user-43' }]) {
      const forged = Buffer.from(JSON.stringify({ ...claims, ...edit })).toString('base64url');
      const r = verifyHandoffToken(`${forged}.${mac}`, { secret: SECRET, now: NOW });
      expect(r).toMatchObject({ ok: false, code: 'bad-signature' });
    }
  });

  test('a tampered MAC or another secret fails the signature', () => {
    const [payload, mac] = make().split('.');
    const bad = (mac?.[0] === 'A' ? 'B' : 'A') + (mac ?? '').slice(1);
    expect(verifyHandoffToken(`${payload}.${bad}`, { secret: SECRET, now: NOW })).toMatchObject({ code: 'bad-signature' });
    expect(verifyHandoffToken(make(), { secret: 'some-other-secret-0123456789', now: NOW })).toMatchObject({ code: 'bad-signature' });
  });

  test.each([
    ['empty', ''],
    ['no dot', 'abc'],
    ['three parts', 'a.b.c'],
    ['empty MAC', 'abc.'],
    ['bad characters', 'ab+c.de/f'],
    ['not a string', undefined as unknown as string],
  ])('a malformed token (%s) is rejected as malformed', (_name, token) => {
    expect(verifyHandoffToken(token, { secret: SECRET, now: NOW })).toMatchObject({ ok: false, code: 'malformed' });
  });

  test('correctly signed but non-conforming claims are malformed', () => {
    const payload = Buffer.from(JSON.stringify({ subject: 'x', exp: NOW + 10 })).toString('base64url');
    const token = `${payload}.${hmacSm3(SECRET, payload).toString('base64url')}`;
    expect(verifyHandoffToken(token, { secret: SECRET, now: NOW })).toMatchObject({ code: 'malformed' });
  });

  test('rejects bad inputs when creating', () => {
    expect(() => make({ ttlSeconds: 0 })).toThrow(RangeError);
    expect(() => createHandoffToken({ secret: SECRET, subject: '', department: 'd', now: NOW })).toThrow(TypeError);
    expect(() => createHandoffToken({ secret: 'short', subject: 's', department: 'd', now: NOW })).toThrow(/16 bytes/);
  });
});
