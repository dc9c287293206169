/**
 * The password policy, on new accounts and on a change, and changing one's own password: the other
 * sessions end, the current one stays, the change is audited without the password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../errors.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { DEMO_PASSWORD } from './demo.ts';

const CHINESE = /[\u4e00-\u9fff]/;

describe.each(DIALECTS)('passwords on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h.close());

  const change = (cookie: string | undefined, body: unknown) => h.request('POST', '/api/auth/password', { ...(cookie ? { cookie } : {}), body });
  const me = async (cookie: string) => (await h.request('GET', '/api/auth/me', { cookie })).statusCode;
  const loginStatus = async (username: string, password: string) => (await h.request('POST', '/api/auth/login', { body: { username, password } })).statusCode;
  const refusal = async (password: string, username = 'zhaoliu'): Promise<AppError> => {
    try {
      await h.identity.createAccount({ username, password, role: 'applicant', displayName: '赵六' });
    } catch (e) {
      return e as AppError;
    }
    throw new Error(`${password} was accepted`);
  };

  it('opens no account with a weak password, naming what is wrong in Chinese', async () => {
    const cases: [string, RegExp][] = [
      ['Ab1!xyz', /至少 8 位/],
      ['alllowercase1', /至少三类/],
      ['ALLUPPER-CASE', /至少三类/],
      ['Zhaoliu@2026', /不能包含用户名/],
      ['P@ssw0rd', /常见密码/],
      ['Admin@123', /常见密码/],
    ];
    for (const [password, why] of cases) {
      const e = await refusal(password);
      expect(e, password).toMatchObject({ code: 'weak-password', status: 400 });
      expect(e.message).toMatch(why);
      expect(e.details).toEqual([{ path: 'password', message: expect.stringMatching(why) }]);
    }
    expect(await h.deps.db.kysely.selectFrom('accounts').select('id').where('username', '=', 'zhaoliu').executeTakeFirst()).toBeUndefined();
    // The demo password meets the policy, and so does a long passphrase of three classes.
    await h.identity.createAccount({ username: 'zhaoliu', password: DEMO_PASSWORD, role: 'applicant', displayName: '赵六' });
    await h.identity.createAccount({ username: 'qianqi', password: 'correct horse battery 7', role: 'applicant', displayName: '钱七' });
    expect(await loginStatus('qianqi', 'correct horse battery 7')).toBe(200);
  });

  it('changes the password: the other sessions end, this one stays, the old password stops working', async () => {
    const here = await h.login('wangfang');
    const phone = await h.login('wangfang');
    const laptop = await h.login('wangfang');
    const elsewhere = await h.login('zhangjianguo');
    const r = await change(here, { currentPassword: DEMO_PASSWORD, newPassword: 'Xin-Mima#2026' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ ok: true, sessionsEnded: 2 });
    expect(await me(here)).toBe(200);
    expect(await me(phone)).toBe(401);
    expect(await me(laptop)).toBe(401);
    expect(await me(elsewhere)).toBe(200);
    expect(await loginStatus('wangfang', DEMO_PASSWORD)).toBe(401);
    expect(await loginStatus('wangfang', 'Xin-Mima#2026')).toBe(200);

    const id = (await h.request('GET', '/api/auth/me', { cookie: here })).json().account.id as string;
    const entries = await h.deps.db.kysely.selectFrom('audit_log').selectAll().where('entity_id', '=', id).where('action', '=', 'account.password-change').execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: `account:${id}`, entity: 'account' });
    expect(JSON.parse(entries[0]?.detail ?? '{}')).toEqual({ sessionsEnded: 2 });
    const everything = JSON.stringify(await h.deps.db.kysely.selectFrom('audit_log').selectAll().execute());
    expect(everything).not.toContain('Xin-Mima#2026');
    expect(everything).not.toContain(DEMO_PASSWORD);
  });

  it('refuses a weak new password on a change with body.newPassword, leaving the password as it was', async () => {
    const cookie = await h.login('haowei');
    for (const [newPassword, why] of [['haowei@2026A', /用户名/], ['short1A', /至少 8 位/], ['Passw0rd!', /常见密码/], [DEMO_PASSWORD, /不能与当前密码相同/]] as const) {
      const r = await change(cookie, { currentPassword: DEMO_PASSWORD, newPassword });
      expect(r.statusCode, newPassword).toBe(400);
      expect(r.json()).toMatchObject({ code: 'weak-password', message: expect.stringMatching(why) });
      expect(r.json().details).toEqual([expect.objectContaining({ path: 'body.newPassword', message: expect.stringMatching(CHINESE) })]);
    }
    expect(await loginStatus('haowei', DEMO_PASSWORD)).toBe(200);
  });

  it('counts a wrong current password as a failed log-in: the fifth locks the account and ends its sessions', async () => {
    const cookie = await h.login('window');
    const other = await h.login('window');
    for (let i = 1; i <= 4; i++) {
      const r = await change(cookie, { currentPassword: `Wrong@${i}00000`, newPassword: 'Chuangkou#2026' });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toEqual({
        code: 'wrong-password', message: '当前密码不正确。连续输错 5 次将锁定 15 分钟', details: [{ path: 'body.currentPassword', message: '当前密码不正确' }], requestId: expect.any(String),
      });
    }
    expect(await me(cookie)).toBe(200);
    // The fifth failure, on the log-in page this time, locks: both sessions end, the right password is refused.
    expect(await loginStatus('window', 'Wrong@500000')).toBe(401);
    expect(await me(cookie)).toBe(401);
    expect(await me(other)).toBe(401);
    expect(await loginStatus('window', DEMO_PASSWORD)).toBe(401);
    expect((await change(cookie, { currentPassword: DEMO_PASSWORD, newPassword: 'Chuangkou#2026' })).statusCode).toBe(401);
    h.clock.advance(16 * 60_000);
    expect(await loginStatus('window', DEMO_PASSWORD)).toBe(200);
  });

  it('wants a session and both fields', async () => {
    const anonymous = await change(undefined, { currentPassword: DEMO_PASSWORD, newPassword: 'Chuangkou#2026' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('unauthenticated');
    const missing = await change(await h.login('admin'), { currentPassword: DEMO_PASSWORD });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([expect.objectContaining({ path: 'body.newPassword', message: '缺少必填项「newPassword」' })]);
  });
});
