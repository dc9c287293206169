/**
 * Rotating the platform's hand-off signing key: the first key is the platform seal (the kid
 * departments already hold); after a rotation the newest signs, the older one stays in
 * /.well-known/jwks.json and its tokens verify until its grace ends or it is retired; the private
 * keys are stored only SM4-sealed; audit checkpoints keep verifying; every rotation is audited.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireAnchor } from '../modules/audit/anchor.ts';
import { verifyAudit } from '../modules/audit/audit.ts';
import { signedHeaders, type ClientCredentials } from '../modules/integration/client.ts';
import { sm2Jwk, verifyHandoffJws } from '../modules/integration/jws.ts';
import { handoffKeyStore } from '../modules/integration/keys.ts';
import { applyOnline } from '../testing/decide.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { SigningKeyError } from './signing-keys.ts';

const NEWBORN = {
  bornInProvinceInstitution: true, birthCertificateFirstIssue: true, babyUnderOneYear: true, applicantParent: 'mother',
  joinHousehold: 'mother', hukouLocation: 'both-in-province', fertilityRegistered: true, motherMaternityInsured: false,
};
type Jwks = { keys: { kid: string; kty: string; crv: string; x: string; y: string }[] };
const kidOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString('utf8')) as { kid: string }).kid;

describe.each(DIALECTS)('hand-off key rotation on %s', (dialect) => {
  let h: Harness;
  let applicant: string;
  let wsjk: ClientCredentials;
  let caseId: string;
  const unix = () => Math.floor(h.clock.now().getTime() / 1000);
  const keys = () => handoffKeyStore(h.deps);
  const jwks = async () => (await h.request('GET', '/.well-known/jwks.json')).json() as Jwks;
  const link = async () => {
    const r = await h.request('POST', `/api/cases/${caseId}/handoff`, { cookie: applicant, body: { department: 'wsjk', format: 'jwt' } });
    expect(r.statusCode, r.body).toBe(200);
    return new URL(r.json().url as string).searchParams.get('token') as string;
  };
  const verify = (token: string): Promise<LightMyRequestResponse> => {
    const url = '/api/integration/handoff/verify';
    const body = JSON.stringify({ token });
    return h.app.inject({ method: 'POST', url, payload: body, headers: { ...signedHeaders(wsjk, { method: 'POST', url, body, timestamp: unix() }), 'content-type': 'application/json' } });
  };
  const offline = (token: string, set: Jwks) => verifyHandoffJws(token, { jwks: set, issuer: h.config.publicUrl, audience: 'wsjk', now: unix() }).ok;

  beforeAll(async () => {
    h = await startHarness(dialect);
    const r = await h.request('POST', '/api/admin/api-clients', { cookie: await h.login('admin'), body: { department: 'wsjk', name: 'wsjk 业务系统', webhookUrl: 'https://wsjk.example.gov.cn/onething/webhook' } });
    expect(r.statusCode, r.body).toBe(201);
    wsjk = r.json() as ClientCredentials;
    applicant = await h.login('wangfang');
    caseId = await applyOnline(h, applicant, 'newborn-birth', NEWBORN, { newbornName: '李小宝' });
  });
  afterAll(async () => h?.close());

  let first = '';
  it('starts from the platform seal, so the kid departments already hold stays valid', async () => {
    const seal = await requireAnchor(h.deps.db.kysely).platformSeal();
    const set = await jwks();
    expect(set.keys.map((k) => k.kid)).toEqual([sm2Jwk(seal.publicKeyPem).kid]);
    first = set.keys[0]?.kid as string;
    expect(kidOf(await link())).toBe(first);
  });

  it('signs with the new key after a rotation, and still verifies a token of the previous key within the grace period', async () => {
    const before = await link();
    const rotated = await keys().rotate(2);
    expect(rotated.retiring).toEqual([{ kid: first, retiresAt: new Date(h.clock.now().getTime() + 2 * 3_600_000).toISOString() }]);
    const set = await jwks();
    expect(set.keys.map((k) => k.kid)).toEqual([rotated.kid, first]);
    const after = await link();
    expect(kidOf(after)).toBe(rotated.kid);
    // A department with the fresh key set verifies both offline; the platform verifies both too.
    expect(offline(before, set)).toBe(true);
    expect(offline(after, set)).toBe(true);
    expect((await verify(before)).statusCode).toBe(200);
    expect((await verify(after)).statusCode).toBe(200);
    // One holding only the old set refuses the new kid until it fetches the set again.
    expect(offline(await link(), { keys: set.keys.filter((k) => k.kid === first) })).toBe(false);
    const listed = await keys().list();
    expect(listed.map((k) => [k.kid, k.current, k.retired])).toEqual([[rotated.kid, true, false], [first, false, false]]);
  });

  it('stops publishing and verifying the previous key once its grace has passed', async () => {
    const old = (await keys().list())[1]?.kid;
    h.clock.advance(2 * 3_600_000 + 1000);
    const set = await jwks();
    expect(set.keys.map((k) => k.kid)).not.toContain(old);
    expect(set.keys).toHaveLength(1);
    expect((await keys().list()).find((k) => k.kid === old)?.retired).toBe(true);
  });

  it('retires an older key at once on demand, refusing its fresh tokens, but never the key that signs', async () => {
    const current = (await keys().signing()).kid;
    const beforeSecond = await link();
    const second = await keys().rotate(24);
    expect(second.retiring.map((k) => k.kid)).toEqual([current]);
    expect((await verify(await link())).statusCode).toBe(200);
    await keys().retire(current);
    expect((await jwks()).keys.map((k) => k.kid)).toEqual([second.kid]);
    const refused = await verify(beforeSecond);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'handoff-bad-signature' });
    await expect(keys().retire(second.kid)).rejects.toThrow(new SigningKeyError('这是正在签名的密钥，不能停用；请先轮换（onething keys rotate）'));
    await expect(keys().retire('no-such-kid')).rejects.toThrow(SigningKeyError);
  });

  it('keeps private keys only SM4-sealed, audits each rotation, and leaves the audit checkpoints verifying', async () => {
    const rows = await h.deps.db.kysely.selectFrom('signing_keys').selectAll().execute();
    expect(rows.length).toBe(3);
    for (const r of rows) {
      expect(r.private_enc).not.toMatch(/PRIVATE KEY|BEGIN/);
      expect(h.deps.cipher.decrypt(r.private_enc)).toMatch(/PRIVATE KEY/);
    }
    const audit = await h.deps.db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'signing-key.%').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['signing-key.rotate', 'signing-key.rotate', 'signing-key.retire']);
    expect((await verifyAudit(h.deps.db.kysely)).ok).toBe(true);
  });
});
