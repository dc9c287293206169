import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../crypto/hmac-request.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { sweep } from './housekeeping.ts';

describe.each(DIALECTS)('housekeeping on %s', (dialect) => {
  let h: Harness;
  let client: { id: string; secret: string };
  const count = async (table: 'nonces' | 'sessions' | 'idempotency') =>
    Number((await h.deps.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    h = await startHarness(dialect);
    client = (await h.request('POST', '/api/admin/api-clients', { cookie: await h.login('admin'), body: { department: 'wsjk', name: '卫健业务系统' } })).json();
  });
  afterAll(async () => h.close());

  const signedQueue = (timestamp: number, nonce: string) => h.app.inject({
    method: 'GET', url: '/api/department/tasks',
    headers: { 'x-onething-client': client.id, 'x-onething-timestamp': String(timestamp), 'x-onething-nonce': nonce, 'x-onething-signature': signRequest({ secret: client.secret, method: 'GET', path: '/api/department/tasks', timestamp, nonce, body: '' }) },
  });

  it('forgets a nonce only once its request could no longer be replayed anyway', async () => {
    const timestamp = Math.floor(h.clock.now().getTime() / 1000);
    const nonce = randomBytes(12).toString('hex');
    expect((await signedQueue(timestamp, nonce)).statusCode).toBe(200);
    expect((await signedQueue(timestamp, nonce)).json().code).toBe('replayed');
    h.clock.advance(5 * 60_000);
    expect((await sweep(h.deps)).nonces).toBe(0);
    expect((await signedQueue(timestamp, nonce)).json().code).toBe('replayed');
    h.clock.advance(6 * 60_000);
    expect((await sweep(h.deps)).nonces).toBeGreaterThanOrEqual(1);
    const replay = await signedQueue(timestamp, nonce);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('stale');
  });

  it('removes expired sessions, which no longer open anything, and keeps live ones', async () => {
    const stale = await h.login('zhangjianguo');
    h.clock.advance((h.config.sessionHours + 1) * 3_600_000);
    const live = await h.login('wangfang');
    const before = await count('sessions');
    expect((await h.request('GET', '/api/auth/me', { cookie: stale })).statusCode).toBe(401);
    expect((await sweep(h.deps)).sessions).toBeGreaterThanOrEqual(1);
    expect(await count('sessions')).toBeLessThan(before);
    expect((await h.request('GET', '/api/auth/me', { cookie: live })).statusCode).toBe(200);
  });

  it('keeps idempotency keys for a week', async () => {
    await h.deps.db.kysely.insertInto('idempotency').values({ scope: `client:${client.id}`, key: 'retry-1', response: '{}', created_at: h.clock.now().toISOString() }).execute();
    h.clock.advance(6 * 24 * 3_600_000);
    await sweep(h.deps);
    expect(await count('idempotency')).toBe(1);
    h.clock.advance(2 * 24 * 3_600_000);
    expect((await sweep(h.deps)).idempotency).toBe(1);
    expect(await count('idempotency')).toBe(0);
  });

  it('drops delivered outbox entries after a month and keeps dead letters', async () => {
    const at = h.clock.now().toISOString();
    const entry = (id: string, status: 'delivered' | 'dead') => ({ kind: 'message', delivery_id: id, payload: '{}', status, attempts: 1, next_attempt_at: at, locked_by: null, locked_until: null, last_error: null, created_at: at, delivered_at: status === 'delivered' ? at : null });
    await h.deps.db.kysely.insertInto('outbox').values([entry('old-delivered', 'delivered'), entry('old-dead', 'dead')]).execute();
    const left = async () => (await h.deps.db.kysely.selectFrom('outbox').select('delivery_id').where('delivery_id', 'in', ['old-delivered', 'old-dead']).execute()).map((r) => r.delivery_id).sort();
    h.clock.advance(29 * 24 * 3_600_000);
    await sweep(h.deps);
    expect(await left()).toEqual(['old-dead', 'old-delivered']);
    h.clock.advance(2 * 24 * 3_600_000);
    expect((await sweep(h.deps)).delivered).toBeGreaterThanOrEqual(1);
    expect(await left()).toEqual(['old-dead']);
  });
});
