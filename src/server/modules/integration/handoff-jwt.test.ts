/**
 * The hand-off as a standard token (C6.3.1, C6.4.1): a JWS signed with the platform's SM2 key that a
 * department system verifies with nothing but the published key set, and the verify route for those
 * that prefer to ask.
 */
import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import smCrypto from 'sm-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm2Verify } from '../../crypto/sm2.ts';
import { encodeDerSignature, toBigInt } from '../../crypto/sm2-math.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { fillForm } from '../../testing/fill.ts';
import { DEMO_PEOPLE } from '../shareddata/demo.ts';
import { signedHeaders, type ClientCredentials } from './client.ts';
import { verifyHandoffJws } from './jws.ts';

const NEWBORN = {
  bornInProvinceInstitution: true, birthCertificateFirstIssue: true, babyUnderOneYear: true, applicantParent: 'mother',
  joinHousehold: 'mother', hukouLocation: 'both-in-province', fertilityRegistered: true, motherMaternityInsured: false,
};
const CHINESE = /[\u4e00-\u9fff]/;
type Jwk = { kid: string; kty: string; crv: string; x: string; y: string; alg: string };

const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * A verifier that knows only the JWKS document and an SM2 library: what a department writes itself.
 * sm-crypto (the JavaScript SM2 most Chinese systems use) takes r ‖ s as hex, hashing Z_A with the default ID;
 * the project's sm2Verify must agree with it.
 */
function independentlyValid(token: string, jwks: { keys: Jwk[] }): boolean {
  const [h, p, s] = token.split('.') as [string, string, string];
  const header = json(h);
  const key = jwks.keys.find((k) => k.kid === header.kid);
  if (!key || header.alg !== 'SM2') return false;
  const hex = `04${Buffer.from(key.x, 'base64url').toString('hex')}${Buffer.from(key.y, 'base64url').toString('hex')}`;
  const raw = Buffer.from(s, 'base64url');
  const der = encodeDerSignature(toBigInt(raw.subarray(0, 32)), toBigInt(raw.subarray(32))).toString('base64url');
  const theirs = smCrypto.sm2.doVerifySignature(`${h}.${p}`, raw.toString('hex'), hex, { hash: true });
  expect(sm2Verify(hex, `${h}.${p}`, der)).toBe(theirs);
  return theirs;
}

describe.each(DIALECTS)('hand-off JWT on %s', (dialect) => {
  let h: Harness;
  let applicant: string;
  let wsjk: ClientCredentials;
  let ga: ClientCredentials;
  let kase: { id: string; number: string };
  let jwks: { keys: Jwk[] };
  let issuer: string;
  const unix = () => Math.floor(h.clock.now().getTime() / 1000);

  const call = (client: ClientCredentials, token: string): Promise<LightMyRequestResponse> => {
    const url = '/api/integration/handoff/verify';
    const body = JSON.stringify({ token });
    return h.app.inject({ method: 'POST', url, payload: body, headers: { ...signedHeaders(client, { method: 'POST', url, body, timestamp: unix() }), 'content-type': 'application/json' } });
  };
  const link = async (department: string, cookie = applicant, format: 'jwt' | 'hmac' | null = 'jwt') => {
    const r = await h.request('POST', `/api/cases/${kase.id}/handoff`, { cookie, body: { department, ...(format ? { format } : {}) } });
    expect(r.statusCode, r.body).toBe(200);
    return new URL(r.json().url as string).searchParams.get('token') as string;
  };
  const offline = (token: string, audience = 'wsjk', seen?: Set<string>) => verifyHandoffJws(token, { jwks, issuer, audience, now: unix(), ...(seen ? { seen } : {}) });

  beforeAll(async () => {
    h = await startHarness(dialect, { ONETHING_PUBLIC_URL: 'https://yiwang.example.gov.cn' });
    const admin = await h.login('admin');
    const register = async (department: string, webhookUrl: string) => {
      const r = await h.request('POST', '/api/admin/api-clients', { cookie: admin, body: { department, name: `${department} 业务系统`, webhookUrl } });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as ClientCredentials;
    };
    wsjk = await register('wsjk', 'https://wsjk.example.gov.cn/onething/webhook');
    ga = await register('ga', 'https://ga.example.gov.cn/hooks/onething');
    applicant = await h.login('wangfang');
    const created = await h.request('POST', '/api/cases', { cookie: applicant, body: { matterId: 'newborn-birth' } });
    const id = created.json().id as string;
    const answered = await h.request('PUT', `/api/cases/${id}/answers`, { cookie: applicant, body: { answers: NEWBORN, chosenItems: [] } });
    await h.request('PUT', `/api/cases/${id}/form`, { cookie: applicant, body: { values: fillForm(answered.json().plan, { newbornName: '李小宝' }) } });
    expect((await h.request('POST', `/api/cases/${id}/submit`, { cookie: applicant })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: await h.login('window') })).statusCode).toBe(200);
    kase = { id, number: created.json().number as string };
  });
  afterAll(async () => h.close());

  it('publishes the configuration and the key set to anyone, without logging in', async () => {
    const conf = await h.request('GET', '/.well-known/onething-configuration');
    expect(conf.statusCode, conf.body).toBe(200);
    expect(conf.json()).toMatchObject({
      issuer: 'https://yiwang.example.gov.cn', jwks_uri: 'https://yiwang.example.gov.cn/.well-known/jwks.json',
      id_token_signing_alg_values_supported: ['SM2'], sm2_user_id: '1234567812345678',
    });
    issuer = conf.json().issuer as string;
    const keys = await h.request('GET', new URL(conf.json().jwks_uri as string).pathname);
    expect(keys.statusCode, keys.body).toBe(200);
    expect(keys.headers['cache-control']).toMatch(/^public/);
    jwks = keys.json() as { keys: Jwk[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'SM2', alg: 'SM2', use: 'sig', kid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(JSON.stringify(jwks)).not.toMatch(/"d"|PRIVATE/);
  });

  it('a token verifies with only the published keys, and carries who arrives, for which case, briefly', async () => {
    const token = await link('wsjk');
    expect(independentlyValid(token, jwks)).toBe(true);
    const v = offline(token);
    expect(v.ok).toBe(true);
    const [h64, p64] = token.split('.') as [string, string];
    expect(json(h64)).toEqual({ alg: 'SM2', typ: 'JWT', kid: jwks.keys[0]?.kid });
    const claims = json(p64);
    expect(claims).toMatchObject({ iss: issuer, aud: 'wsjk', name: '王*', role: 'applicant', case_id: kase.id, case_number: kase.number, iat: unix(), exp: unix() + 120 });
    expect(claims.sub).toMatch(/^[0-9a-f]{64}$/);
    expect(claims).not.toHaveProperty('realname_level'); // a password log-in has no 实名等级
  });

  it('never carries the ID number, the full name or the account id; sub is stable per department, different across them', async () => {
    const account = await h.deps.db.kysely.selectFrom('accounts').select('id').where('username', '=', 'wangfang').executeTakeFirstOrThrow();
    const wang = DEMO_PEOPLE[0];
    const a = await link('wsjk');
    const b = await link('wsjk');
    const c = await link('ga');
    for (const t of [a, b, c]) {
      const text = Buffer.from(t.split('.')[1] as string, 'base64url').toString('utf8');
      expect(text).not.toContain(wang?.idNumber as string);
      expect(text).not.toContain(wang?.name as string);
      expect(text).not.toContain(account.id);
    }
    const sub = (t: string) => json(t.split('.')[1] as string).sub;
    expect(sub(a)).toBe(sub(b));
    expect(sub(c)).not.toBe(sub(a));
    expect(json(a.split('.')[1] as string).jti).not.toBe(json(b.split('.')[1] as string).jti);
  });

  it('the verify route still serves systems that prefer to ask: once, with the pseudonymous subject', async () => {
    const token = await link('wsjk');
    const r = await call(wsjk, token);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ subject: { id: json(token.split('.')[1] as string).sub, name: '王*', role: 'applicant', roleName: expect.stringMatching(CHINESE) }, caseId: kase.id, caseNumber: kase.number, department: 'wsjk' });
    const again = await call(wsjk, token);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'handoff-used', message: expect.stringMatching(CHINESE) });
  });

  it('refuses a replay offline too, when the department keeps the jtis it has seen', async () => {
    const token = await link('wsjk');
    const seen = new Set<string>();
    expect(offline(token, 'wsjk', seen).ok).toBe(true);
    expect(offline(token, 'wsjk', seen)).toEqual({ ok: false, code: 'replayed' });
  });

  it('refuses another department\'s token (wrong audience), which the right one can still use', async () => {
    const token = await link('wsjk');
    expect(offline(token, 'ga')).toEqual({ ok: false, code: 'wrong-audience' });
    const wrong = await call(ga, token);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'handoff-wrong-department', message: expect.stringMatching(CHINESE) });
    expect((await call(wsjk, token)).statusCode).toBe(200);
  });

  it('refuses an expired token (three minutes on), without using it up', async () => {
    const token = await link('wsjk');
    h.clock.advance(3 * 60_000);
    expect(offline(token)).toEqual({ ok: false, code: 'expired' });
    const r = await call(wsjk, token);
    expect(r.statusCode).toBe(410);
    expect(r.json()).toMatchObject({ code: 'handoff-expired', message: expect.stringMatching(CHINESE) });
    const jti = json(token.split('.')[1] as string).jti as string;
    expect(await h.deps.db.kysely.selectFrom('nonces').select('nonce').where('scope', '=', 'handoff').where('nonce', '=', jti).executeTakeFirst()).toBeUndefined();
  });

  it('refuses a tampered token: changed claims, "alg":"none", an unknown key', async () => {
    const token = await link('wsjk');
    const [h64, p64, sig] = token.split('.') as [string, string, string];
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const otherCase = `${h64}.${b64({ ...json(p64), case_number: 'XXXX' })}.${sig}`;
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${p64}.${sig}`;
    const unknownKey = `${b64({ ...json(h64), kid: 'old-key' })}.${p64}.${sig}`;
    for (const forged of [otherCase, none, unknownKey]) {
      expect(independentlyValid(forged, jwks)).toBe(false);
      expect(offline(forged)).toEqual({ ok: false, code: 'bad-signature' });
      const r = await call(wsjk, forged);
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'handoff-bad-signature', message: expect.stringMatching(CHINESE) });
    }
    expect((await call(wsjk, token)).statusCode).toBe(200);
  });

  it('carries the 实名等级 when the session came through the unified identity provider', async () => {
    // The row the OIDC log-in writes beside its session (oidc/service.ts); here beside a fresh session.
    const cookie = await h.login('wangfang');
    const token = cookie.split('=')[1] as string;
    const account = await h.deps.db.kysely.selectFrom('accounts').select('id').where('username', '=', 'wangfang').executeTakeFirstOrThrow();
    await h.deps.db.kysely.insertInto('oidc_sessions').values({
      token_hash: createHash('sm3').update(token).digest('hex'), audience: 'applicant', issuer: 'https://uias.example.gov.cn', subject: 'p-1',
      person_account_id: account.id, enterprises: '[]', level: 3, expires_at: new Date(h.clock.now().getTime() + 3_600_000).toISOString(),
    }).execute();
    const jwt = await link('wsjk', cookie);
    expect(offline(jwt).ok).toBe(true);
    expect(json(jwt.split('.')[1] as string)).toMatchObject({ realname_level: 3, name: '王*' });
  });

  it('gives the standard token without a format, and the token under the department system\'s secret when asked', async () => {
    const standard = await link('wsjk', applicant, null);
    expect(standard.split('.')).toHaveLength(3);
    expect(offline(standard).ok).toBe(true);
    const token = await link('wsjk', applicant, 'hmac');
    expect(token.split('.')).toHaveLength(2);
    expect((await call(wsjk, token)).statusCode).toBe(200);
  });
});
