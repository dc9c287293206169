/** Turning the unified identity service on per deployment, and what a person sees when it cannot be reached. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config.ts';
import { startHarness, type Harness } from '../../../testing/harness.ts';
import { freePort } from '../../../testing/server-process.ts';

const on = { ONETHING_OIDC_ISSUER: 'https://uias.example.gov.cn/oidc', ONETHING_OIDC_CLIENT_ID: 'onething', ONETHING_OIDC_CLIENT_SECRET: 's3cret-s3cret' };

describe('OpenID Connect configuration', () => {
  it('is off unless an issuer is set, and derives the callback from the public address', () => {
    expect(loadConfig({}).oidc).toEqual({ applicant: null, staff: null });
    const c = loadConfig({ ...on, ONETHING_PUBLIC_URL: 'https://onething.example.gov.cn/', ONETHING_OIDC_CLAIMS: '{"idNumber":"sfzh","level":"smdj"}' }).oidc.applicant;
    expect(c).toMatchObject({
      issuer: 'https://uias.example.gov.cn/oidc', redirectUri: 'https://onething.example.gov.cn/api/auth/oidc/applicant/callback',
      postLogoutRedirectUri: 'https://onething.example.gov.cn/login', scopes: 'openid profile', minLevel: 0,
      claims: { idNumber: 'sfzh', level: 'smdj', name: 'name', enterprises: 'enterprises' },
    });
    expect(loadConfig(on).oidc.staff).toBeNull();
  });

  it('refuses a half or unsafe setting with a Chinese message naming the variable', () => {
    const refuse = (env: Record<string, string>, text: RegExp) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(text);
    };
    refuse({ ONETHING_OIDC_ISSUER: 'https://uias.example.gov.cn' }, /须同时设置 ONETHING_OIDC_CLIENT_ID/);
    refuse({ ...on, ONETHING_OIDC_ISSUER: 'http://uias.example.gov.cn' }, /ONETHING_OIDC_ISSUER 应为 https/);
    refuse({ ...on, ONETHING_OIDC_CLAIMS: '{idNumber' }, /ONETHING_OIDC_CLAIMS 应为 JSON 对象/);
    refuse({ ...on, ONETHING_OIDC_CLAIMS: '{"colour":"x"}' }, /「colour」不对/);
    refuse({ ONETHING_STAFF_OIDC_ISSUER: 'https://sso.example.gov.cn', ONETHING_STAFF_OIDC_CLIENT_ID: 'x' }, /ONETHING_STAFF_OIDC_CLIENT_SECRET/);
  });
});

describe('an identity service that cannot be reached', () => {
  let h: Harness;
  beforeAll(async () => {
    // A port nobody listens on.
    h = await startHarness('sqlite', { ...on, ONETHING_OIDC_ISSUER: `http://127.0.0.1:${await freePort()}` });
  });
  afterAll(async () => h?.close());

  it('answers 502 with a Chinese message, and 404 for the audience that is off', async () => {
    expect((await h.request('GET', '/api/auth/providers')).json()).toEqual({ applicant: true, staff: false });
    const down = await h.request('GET', '/api/auth/oidc/applicant/start?returnTo=/cases');
    expect(down.statusCode).toBe(502);
    expect(down.json()).toMatchObject({ code: 'oidc-provider-unavailable', message: '统一身份认证服务暂时无法访问，请稍后再试' });
    expect(down.cookies.find((c) => c.name === 'onething_oidc')).toBeUndefined();
    const off = await h.request('GET', '/api/auth/oidc/staff/start');
    expect(off.statusCode).toBe(404);
    expect(off.json()).toMatchObject({ code: 'oidc-not-configured', message: '本平台未启用工作人员统一身份认证登录' });
    expect((await h.request('GET', '/api/auth/oidc/nobody/start')).statusCode).toBe(400);
  });
});
