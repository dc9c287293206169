/**
 * Lock-out under attack: a burst of wrong passwords tries no more than the allowed number before the
 * account locks, and the answers (and their time) do not tell unknown, wrong and locked apart.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

const MAX = 5;
const LOCK_MS = 15 * 60_000;

describe.each(DIALECTS)('lock-out on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h.close());

  const login = (username: string, password: string) => h.request('POST', '/api/auth/login', { body: { username, password } });
  const idOf = async (username: string) => (await h.deps.db.kysely.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const audited = async (username: string, action: string) => {
    const rows = await h.deps.db.kysely.selectFrom('audit_log').selectAll().where('entity', '=', 'account').where('entity_id', '=', await idOf(username)).where('action', '=', action).execute();
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  };
  // Every answer has its own request id (of one length); the rest must not tell the three apart.
  const answer = (r: LightMyRequestResponse) => ({ status: r.statusCode, body: r.body.replace(/"requestId":"[^"]*"/, '') });

  it(`tries at most ${MAX} of 100 wrong passwords sent at once, then refuses even the right one until the lock runs out`, async () => {
    expect(h.config.lockout).toEqual({ maxFailures: MAX, minutes: 15 });
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => login('haowei', `Wrong@${1000 + i}`)));
    expect(new Set(burst.map((r) => r.statusCode))).toEqual(new Set([401]));
    // Each password actually checked and found wrong is audited: exactly the allowed number, and one lock.
    const failures = await audited('haowei', 'account.login-failed');
    expect(failures).toHaveLength(MAX);
    expect(failures.map((f) => f.detail.failures).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await audited('haowei', 'account.locked')).toHaveLength(1);

    expect((await login('haowei', DEMO_PASSWORD)).statusCode).toBe(401);
    h.clock.advance(LOCK_MS - 1000);
    expect((await login('haowei', DEMO_PASSWORD)).statusCode).toBe(401);
    h.clock.advance(2000);
    expect((await login('haowei', DEMO_PASSWORD)).statusCode).toBe(200);
    // The refusals while locked were not checked, so nothing more was audited.
    expect(await audited('haowei', 'account.login-failed')).toHaveLength(MAX);
  });

  it('starts the count afresh once a lock has run out, and a right password clears it', async () => {
    for (let i = 0; i < MAX; i++) await login('window', 'Wrong@2026');
    expect((await login('window', DEMO_PASSWORD)).statusCode).toBe(401);
    h.clock.advance(LOCK_MS + 1000);
    // A new round of attempts after the lock: four wrong, then the right one, then four wrong again.
    for (let i = 0; i < MAX - 1; i++) expect((await login('window', 'Wrong@2026')).statusCode).toBe(401);
    expect((await login('window', DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < MAX - 1; i++) await login('window', 'Wrong@2026');
    expect((await login('window', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown account, a wrong password and a locked account byte for byte alike', async () => {
    const unknown = await login('no-such-user', 'Wrong@2026');
    const wrong = await login('zhangjianguo', 'Wrong@2026');
    for (let i = 1; i < MAX; i++) await login('zhangjianguo', 'Wrong@2026');
    const locked = await login('zhangjianguo', DEMO_PASSWORD);
    expect(answer(wrong)).toEqual(answer(unknown));
    expect(answer(locked)).toEqual(answer(unknown));
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual({ code: 'invalid-credentials', message: '用户名或密码不正确。连续输错 5 次将锁定 15 分钟', details: [], requestId: expect.any(String) });
    expect(unknown.headers['content-length']).toBe(locked.headers['content-length']);
  });

  it('ends every session of an account when it locks', async () => {
    const session = await h.login('wangfang');
    const other = await h.login('wangfang');
    expect((await h.request('GET', '/api/auth/me', { cookie: session })).statusCode).toBe(200);
    for (let i = 0; i < MAX; i++) await login('wangfang', 'Wrong@2026');
    expect((await h.request('GET', '/api/auth/me', { cookie: session })).statusCode).toBe(401);
    expect((await h.request('GET', '/api/auth/me', { cookie: other })).statusCode).toBe(401);
    const [lock] = await audited('wangfang', 'account.locked');
    expect(lock?.detail).toMatchObject({ sessionsEnded: 2, failures: MAX });
  });
});
