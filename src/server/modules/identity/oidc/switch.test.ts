/**
 * 法人切换 as the portal's switcher uses it, against a real provider: the session says whom it acts
 * for and whom it may switch to; switching changes which cases and licences the applicant sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../../../core/fields/validators.ts';
import { DIALECTS, startHarness, type Harness } from '../../../testing/harness.ts';
import { Numbers } from '../../../testing/plaintext.ts';
import { freePort } from '../../../testing/server-process.ts';
import { Jar, logInThrough } from './test-login.ts';
import { startTestProvider, type TestProvider } from './test-provider.ts';

const numbers = new Numbers();
const shop = { uscc: `91990100MA01TX7K3${usccCheckChar('91990100MA01TX7K3')}`, name: '示例市李记小吃店有限公司' };
const farm = { uscc: `91990100MA01TX8K3${usccCheckChar('91990100MA01TX8K3')}`, name: '示例市李家农场有限公司' };
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  'li-na': { name: '李娜', id_number: numbers.idNumber(), loa: 3, enterprises: [shop, farm] },
  'solo': { name: '周一', id_number: numbers.idNumber(), loa: 3 },
};

describe.each(DIALECTS)('the portal\'s 法人切换 on %s', (dialect) => {
  let h: Harness;
  let op: TestProvider;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    op = await startTestProvider(ACCOUNTS, [`${base}/api/auth/oidc/applicant/callback`], [`${base}/login`]);
    h = await startHarness(dialect, { ONETHING_PUBLIC_URL: base, ONETHING_OIDC_ISSUER: op.issuer, ONETHING_OIDC_CLIENT_ID: op.clientId, ONETHING_OIDC_CLIENT_SECRET: op.clientSecret, ONETHING_OIDC_SCOPES: 'openid profile identity' });
    await h.app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await h?.close();
    await op?.close();
  });

  const call = (path: string, jar: Jar, init: RequestInit = {}) => fetch(`${base}${path}`, { redirect: 'manual', ...init, headers: { cookie: jar.header(), ...(init.headers ?? {}) } });
  const acting = async (jar: Jar) => (await call('/api/auth/act-as', jar)).json() as Promise<{ actingFor: unknown; enterprises: unknown[] }>;
  const switchTo = async (jar: Jar, uscc: string | null) => {
    const r = await call('/api/auth/act-as', jar, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ uscc }) });
    expect(r.status, await r.clone().text()).toBe(200);
    jar.take(r);
  };
  const caseIds = async (jar: Jar) => ((await (await call('/api/cases', jar)).json()) as { cases: { id: string }[] }).cases.map((c) => c.id);
  const newCase = async (jar: Jar, matterId: string) => {
    const r = await call('/api/cases', jar, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ matterId }) });
    expect(r.status, await r.clone().text()).toBe(201);
    return ((await r.json()) as { id: string }).id;
  };

  it('tells the person whom they act for now and whom they may switch to', async () => {
    const { jar } = await logInThrough(base, op, 'applicant', 'li-na', '/cases');
    expect(await acting(jar)).toEqual({ actingFor: null, enterprises: [shop, farm] });
    await switchTo(jar, farm.uscc);
    expect(await acting(jar)).toEqual({ actingFor: farm, enterprises: [shop, farm] });
    await switchTo(jar, null);
    expect(await acting(jar)).toEqual({ actingFor: null, enterprises: [shop, farm] });
  });

  it('shows each subject only its own cases and licences, and the person\'s again after switching back', async () => {
    const { jar } = await logInThrough(base, op, 'applicant', 'li-na', '/cases');
    const own = await newCase(jar, 'newborn-birth');
    expect(await caseIds(jar)).toContain(own);
    await switchTo(jar, shop.uscc);
    expect(await caseIds(jar)).not.toContain(own);
    const forShop = await newCase(jar, 'restaurant-opening');
    expect(await caseIds(jar)).toEqual([forShop]);
    expect((await call('/api/wallet', jar)).status).toBe(200);
    await switchTo(jar, farm.uscc);
    expect(await caseIds(jar)).toEqual([]);
    await switchTo(jar, null);
    const mine = await caseIds(jar);
    expect(mine).toContain(own);
    expect(mine).not.toContain(forShop);
    // Switching to the shop again finds its case, on the same agent account as before.
    await switchTo(jar, shop.uscc);
    expect(await caseIds(jar)).toEqual([forShop]);
  });

  it('has nothing to switch to for a person without enterprises, or for a password log-in; staff are refused', async () => {
    const { jar } = await logInThrough(base, op, 'applicant', 'solo', '/cases');
    expect(await acting(jar)).toEqual({ actingFor: null, enterprises: [] });
    const password = await h.request('GET', '/api/auth/act-as', { cookie: await h.login('haowei') });
    expect(password.statusCode).toBe(200);
    expect(password.json()).toEqual({ actingFor: null, enterprises: [] });
    const staff = await h.request('GET', '/api/auth/act-as', { cookie: await h.login('window') });
    expect(staff.statusCode).toBe(403);
    expect((await h.request('GET', '/api/auth/act-as')).statusCode).toBe(401);
  });
});
