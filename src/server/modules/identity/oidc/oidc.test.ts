/**
 * Log-in through a real OpenID Connect provider (oidc-provider on 127.0.0.1) into the real onething
 * server listening on its own port: every step over HTTP, redirects followed by hand, cookies carried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../../../core/fields/validators.ts';
import { DEMO_ENTERPRISES, DEMO_PEOPLE } from '../../shareddata/demo.ts';
import { DIALECTS, startHarness, type Harness } from '../../../testing/harness.ts';
import { Numbers, scanDatabase } from '../../../testing/plaintext.ts';
import { freePort } from '../../../testing/server-process.ts';
import { Jar, logInThrough } from './test-login.ts';
import { startTestProvider, type TestProvider } from './test-provider.ts';

const numbers = new Numbers();
const LI_NA_ID = numbers.idNumber();
const LI_NA_MOBILE = numbers.mobile();
const shop = { uscc: `91990100MA01TX7K3${usccCheckChar('91990100MA01TX7K3')}`, name: '示例市李记小吃店有限公司' };
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  'li-na': { name: '李娜', id_number: LI_NA_ID, loa: 'L3', phone_number: LI_NA_MOBILE, enterprises: [shop] },
  'wang-fang': { name: '王芳', id_number: DEMO_PEOPLE[0]?.idNumber, loa: 3 },
  'chen-for-haowei': { name: '陈晓梅', id_number: DEMO_PEOPLE[3]?.idNumber, loa: 3, uscc: DEMO_ENTERPRISES[0]?.uscc, enterprise_name: DEMO_ENTERPRISES[0]?.name },
  'low-level': { name: '赵低', id_number: numbers.idNumber(), loa: 'L1' },
  'bad-number': { name: '钱错', id_number: '123456', loa: 3 },
  'liu-min': { name: '刘敏', preferred_username: 'window' },
  'stranger': { name: '不相识', preferred_username: 'nobody-here' },
  'applicant-as-staff': { name: '王芳', preferred_username: 'wangfang' },
};

describe.each(DIALECTS)('log-in through the unified identity service on %s', (dialect) => {
  let h: Harness;
  let op: TestProvider;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    op = await startTestProvider(ACCOUNTS, [`${base}/api/auth/oidc/applicant/callback`, `${base}/api/auth/oidc/staff/callback`], [`${base}/login`]);
    const common = (prefix: string) => ({ [`${prefix}ISSUER`]: op.issuer, [`${prefix}CLIENT_ID`]: op.clientId, [`${prefix}CLIENT_SECRET`]: op.clientSecret, [`${prefix}SCOPES`]: 'openid profile identity' });
    h = await startHarness(dialect, { ONETHING_PUBLIC_URL: base, ...common('ONETHING_OIDC_'), ONETHING_OIDC_MIN_LEVEL: '2', ...common('ONETHING_STAFF_OIDC_') });
    await h.app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await h?.close();
    await op?.close();
  });

  const call = (path: string, jar: Jar, init: RequestInit = {}) => fetch(`${base}${path}`, { redirect: 'manual', ...init, headers: { cookie: jar.header(), ...(init.headers ?? {}) } });

  /** Start at onething, sign in at the provider as `login`, and stop at onething's callback answer. */
  const logIn = (audience: 'applicant' | 'staff', login: string, returnTo = '/cases/new?matter=newborn-birth', jar = new Jar()) => logInThrough(base, op, audience, login, returnTo, jar);

  const me = async (jar: Jar) => (await call('/api/auth/me', jar)).json() as Promise<{ account?: { username: string; role: string; displayName: string; subject: string } }>;

  it('tells the web which log-ins are on', async () => {
    const r = await call('/api/auth/providers', new Jar());
    expect(await r.json()).toEqual({ applicant: true, staff: true });
  });

  it('logs a new person in, back where they were, with the same session a password log-in gets; log-out ends both', async () => {
    const { answer, jar } = await logIn('applicant', 'li-na');
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/cases/new?matter=newborn-birth');
    expect(answer.headers.getSetCookie().find((c) => c.startsWith('onething_session='))).toMatch(/HttpOnly/i);
    expect((await me(jar)).account).toMatchObject({ role: 'applicant', displayName: '李娜', subject: 'person' });
    expect((await call('/api/cases', jar)).status).toBe(200);
    // The same person again: the same account, not a second one.
    const again = await logIn('applicant', 'li-na');
    expect((await me(again.jar)).account?.username).toBe((await me(jar)).account?.username);
    const out = await call('/api/auth/logout', jar, { method: 'POST' });
    const body = await out.json() as { ok: boolean; endSessionUrl?: string };
    expect(body.ok).toBe(true);
    expect(body.endSessionUrl?.startsWith(`${op.issuer}/session/end?`)).toBe(true);
    expect(new URL(body.endSessionUrl as string).searchParams.get('post_logout_redirect_uri')).toBe(`${base}/login`);
    // The provider's own log-out page answers the address onething gave.
    expect((await fetch(body.endSessionUrl as string, { redirect: 'manual' })).status).toBe(200);
    expect((await call('/api/cases', jar)).status).toBe(401);
  });

  it('links a person to the account already holding their ID number, and an enterprise by its credit code', async () => {
    const wang = await logIn('applicant', 'wang-fang');
    expect((await me(wang.jar)).account).toMatchObject({ username: 'wangfang', displayName: '王芳' });
    const chen = await logIn('applicant', 'chen-for-haowei');
    expect((await me(chen.jar)).account).toMatchObject({ username: 'haowei', subject: 'enterprise' });
  });

  it('never keeps the ID number or mobile from the claims in plaintext', async () => {
    await logIn('applicant', 'li-na');
    const { findings, cells } = await scanDatabase(h.deps.db, numbers.all);
    expect(cells).toBeGreaterThan(0);
    expect(findings).toEqual([]);
  });

  it('switches an agent to the enterprise they act for and back (法人切换), audited; others are refused', async () => {
    const { jar } = await logIn('applicant', 'li-na');
    const self = (await me(jar)).account;
    const post = (body: unknown) => call('/api/auth/act-as', jar, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify(body) });
    const other = `91990100MA01TX7K4${usccCheckChar('91990100MA01TX7K4')}`;
    const refused = await post({ uscc: other });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'act-as-not-allowed', message: '统一身份认证未授权您代表该企业办理' });
    const switched = await post({ uscc: shop.uscc });
    expect(switched.status).toBe(200);
    const answer = await switched.json() as { account: { subject: string; displayName: string }; actingFor: unknown; enterprises: unknown[] };
    expect(answer).toMatchObject({ account: { subject: 'enterprise', displayName: '李娜' }, actingFor: shop, enterprises: [shop] });
    jar.take(switched);
    expect((await me(jar)).account).toMatchObject({ subject: 'enterprise', displayName: '李娜' });
    expect((await call('/api/me/facts', jar)).status).toBe(200);
    const back = await post({ uscc: null });
    jar.take(back);
    expect((await me(jar)).account?.username).toBe(self?.username);
    const audit = await h.deps.db.kysely.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'account.act-as').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    // A password session cannot switch.
    const password = await h.request('POST', '/api/auth/act-as', { cookie: await h.login('wangfang'), body: { uscc: shop.uscc } });
    expect(password.statusCode).toBe(403);
    expect(password.json()).toMatchObject({ code: 'act-as-not-allowed' });
  });

  it('lets staff in only to an account that exists, and never an applicant as staff', async () => {
    const liu = await logIn('staff', 'liu-min', '/window');
    expect(liu.answer.status).toBe(302);
    expect((await me(liu.jar)).account).toMatchObject({ username: 'window', role: 'window' });
    const stranger = await logIn('staff', 'stranger');
    expect(stranger.answer.status).toBe(403);
    expect(await stranger.answer.json()).toMatchObject({ code: 'oidc-staff-unknown', message: '您在本平台还没有工作人员账号，请联系系统管理员开通后再登录' });
    expect(stranger.jar.cookies.has('onething_session')).toBe(false);
    const applicant = await logIn('staff', 'applicant-as-staff');
    expect(applicant.answer.status).toBe(403);
    expect(await applicant.answer.json()).toMatchObject({ code: 'oidc-staff-unknown' });
  });

  it('refuses a tampered, re-signed, wrong-nonce or expired ID token, and keeps no session', async () => {
    for (const how of ['payload', 'wrong-key', 'nonce', 'expired'] as const) {
      op.tamper = how;
      try {
        const { answer, jar } = await logIn('applicant', 'li-na');
        expect(answer.status, how).toBe(401);
        expect(await answer.json(), how).toMatchObject({ code: 'oidc-token-invalid', message: expect.stringContaining('身份令牌无效') });
        expect(jar.cookies.has('onething_session'), how).toBe(false);
      } finally {
        op.tamper = null;
      }
    }
  });

  it('refuses a too low 实名等级 and a malformed ID number, with Chinese messages', async () => {
    const low = await logIn('applicant', 'low-level');
    expect(low.answer.status).toBe(403);
    expect(await low.answer.json()).toMatchObject({ code: 'oidc-level-too-low', message: expect.stringContaining('实名等级不足') });
    const bad = await logIn('applicant', 'bad-number');
    expect(bad.answer.status).toBe(400);
    expect(await bad.answer.json()).toMatchObject({ code: 'oidc-claims-invalid', details: [{ path: 'claims.id_number', message: expect.stringContaining('公民身份号码') }] });
  });

  it('refuses a callback without its log-in, a replayed one, and a state that does not match', async () => {
    const noCookie = await call('/api/auth/oidc/applicant/callback?code=x&state=y', new Jar());
    expect(noCookie.status).toBe(400);
    expect(await noCookie.json()).toMatchObject({ code: 'oidc-state-invalid', message: expect.stringContaining('重新登录') });
    // A browser is sent back to the log-in page, which words the reason itself.
    const page = await call('/api/auth/oidc/applicant/callback?code=x&state=y', new Jar(), { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/login?oidcError=oidc-state-invalid');
    const jar = new Jar();
    jar.take(await call('/api/auth/oidc/applicant/start', jar));
    const handle = jar.cookies.get('onething_oidc') as string;
    const wrongState = await call('/api/auth/oidc/applicant/callback?code=x&state=not-the-state', jar);
    expect(await wrongState.json()).toMatchObject({ code: 'oidc-state-invalid' });
    // The log-in was used up by that attempt: the same cookie again is refused too.
    const replay = await fetch(`${base}/api/auth/oidc/applicant/callback?code=x&state=y`, { redirect: 'manual', headers: { cookie: `onething_oidc=${handle}` } });
    expect(await replay.json()).toMatchObject({ code: 'oidc-state-invalid' });
  });

  it('ends a session from the identity service after the same hours as a password one', async () => {
    const { jar } = await logIn('applicant', 'li-na');
    expect((await call('/api/cases', jar)).status).toBe(200);
    h.clock.advance((h.config.sessionHours + 1) * 3_600_000);
    expect((await call('/api/cases', jar)).status).toBe(401);
  });

  it('goes back only to a page of this site', async () => {
    const { answer } = await logIn('applicant', 'li-na', 'https://evil.example/steal');
    expect(answer.headers.get('location')).toBe('/cases');
    const twice = await logIn('applicant', 'li-na', '//evil.example/');
    expect(twice.answer.headers.get('location')).toBe('/cases');
  });
});
