import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

describe.each(DIALECTS)('identity on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect, { ONETHING_LOCKOUT_FAILURES: '3' });
  });
  afterAll(async () => h.close());

  it('logs in with a secure HTTP-only session cookie, tells who is logged in, and logs out', async () => {
    const r = await h.request('POST', '/api/auth/login', { body: { username: 'wangfang', password: 'Demo@2026' } });
    expect(r.statusCode).toBe(200);
    const cookie = r.cookies.find((c) => c.name === 'onething_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    const session = `onething_session=${cookie?.value}`;
    const me = await h.request('GET', '/api/auth/me', { cookie: session });
    expect(me.json()).toMatchObject({ account: { username: 'wangfang', role: 'applicant', roleName: '申请人', displayName: '王芳' } });
    await h.request('POST', '/api/auth/logout', { cookie: session });
    expect((await h.request('GET', '/api/auth/me', { cookie: session })).statusCode).toBe(401);
  });

  it('stores passwords as argon2 hashes and ID numbers only encrypted', async () => {
    const row = await h.deps.db.kysely.selectFrom('accounts').selectAll().where('username', '=', 'wangfang').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.id_number_enc).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('990102199203150');
  });

  it('refuses a wrong password with one message, and locks the account after repeated failures', async () => {
    const refusal = { code: 'invalid-credentials', message: '用户名或密码不正确。连续输错 3 次将锁定 15 分钟', details: [], requestId: expect.any(String) };
    const wrong = () => h.request('POST', '/api/auth/login', { body: { username: 'zhangjianguo', password: 'nope-nope' } });
    const first = await wrong();
    expect(first.statusCode).toBe(401);
    expect(first.json()).toEqual(refusal);
    expect((await h.request('POST', '/api/auth/login', { body: { username: 'no-such-user', password: 'x' } })).json()).toEqual(refusal);
    await wrong();
    // The third failure locks, with the same answer as any other (no 423 that would confirm the account exists).
    const third = await wrong();
    expect(third.statusCode).toBe(401);
    expect(third.json()).toEqual(refusal);
    const right = await h.request('POST', '/api/auth/login', { body: { username: 'zhangjianguo', password: 'Demo@2026' } });
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual(refusal);
    h.clock.advance(16 * 60_000);
    expect((await h.request('POST', '/api/auth/login', { body: { username: 'zhangjianguo', password: 'Demo@2026' } })).statusCode).toBe(200);
  });

  it('answers malformed and invalid requests with a 4xx, a stable code and Chinese details', async () => {
    const malformed = await h.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'malformed-json', message: '请求内容不是合法的 JSON' });
    const missing = await h.request('POST', '/api/auth/login', { body: { username: 'x', colour: 1 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'body.password', message: '缺少必填项「password」' }),
      expect.objectContaining({ path: 'body.colour', message: '不认识的字段「colour」' }),
    ]));
    expect((await h.request('GET', '/api/nowhere')).json()).toMatchObject({ code: 'route-not-found' });
  });
});
