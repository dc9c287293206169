import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskStatus } from '../../../core/case/task.ts';
import { buildApp } from '../../app.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/connect.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

const TOKEN = 'scrape-token-0123456789';

describe.each(DIALECTS)('probes and metrics on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect, { ONETHING_METRICS_TOKEN: TOKEN, ONETHING_METRICS_ALLOW: '127.0.0.1,::1,10.8.0.0/16' });
  });
  afterAll(async () => h.close());

  const scrape = async (headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
    h.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });
  const metric = (text: string, name: string) => Number(new RegExp(`^${name.replace(/[{}"/()]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);

  it('answers /livez and /readyz with 200 while the database is migrated and a catalogue published', async () => {
    const live = await h.request('GET', '/livez');
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok', message: '服务进程运行中' });
    const ready = await h.request('GET', '/readyz');
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', checks: { database: { ok: true }, migrations: { ok: true }, catalogue: { ok: true } } });
  });

  it('answers /readyz with 503 naming the migration not yet run', async () => {
    await h.deps.db.kysely.deleteFrom('kysely_migration' as never).where('name' as never, '=', '007_prefill_masked' as never).execute();
    try {
      const r = await h.request('GET', '/readyz');
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ status: 'unavailable', checks: { database: { ok: true }, migrations: { ok: false, message: '尚未执行的迁移：007_prefill_masked' } } });
    } finally {
      await h.deps.db.kysely.insertInto('kysely_migration' as never).values({ name: '007_prefill_masked', timestamp: new Date().toISOString() } as never).execute();
    }
    expect((await h.request('GET', '/readyz')).statusCode).toBe(200);
  });

  it('counts requests by route pattern and status, not by raw address', async () => {
    for (const id of ['newborn-birth', 'retirement', 'no-such-matter']) await h.request('GET', `/api/public/matters/${id}`);
    const r = await scrape();
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain');
    expect(metric(r.body, 'onething_http_requests_total{method="GET",route="/api/public/matters/:id",status="200"}')).toBe(2);
    expect(metric(r.body, 'onething_http_requests_total{method="GET",route="/api/public/matters/:id",status="404"}')).toBe(1);
    expect(r.body).not.toContain('newborn-birth');
    expect(metric(r.body, 'onething_http_request_duration_seconds_count{method="GET",route="/api/public/matters/:id"}')).toBe(3);
  });

  it('shows the outbox backing up, dead letters and overdue tasks', async () => {
    const db = h.deps.db.kysely;
    const now = h.clock.now().toISOString();
    const before = (await scrape()).body;
    const entry = (n: number, status: 'pending' | 'dead') => ({ kind: 'message', delivery_id: `ops-test-${n}`, payload: '{}', status, attempts: 0, next_attempt_at: now, created_at: new Date(h.clock.now().getTime() - 3600_000).toISOString() });
    await db.insertInto('outbox').values([entry(1, 'pending'), entry(2, 'pending'), entry(3, 'dead')]).execute();
    const after = (await scrape()).body;
    expect(metric(after, 'onething_outbox_pending') - metric(before, 'onething_outbox_pending')).toBe(2);
    expect(metric(after, 'onething_outbox_dead') - metric(before, 'onething_outbox_dead')).toBe(1);
    expect(metric(after, 'onething_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(3600);
    await db.deleteFrom('outbox').where('delivery_id', 'like', 'ops-test-%').execute();

    // A bare case row to hang the tasks on: only the tasks' status and due date are counted.
    const applicant = await db.selectFrom('accounts').select('id').where('username', '=', 'wangfang').executeTakeFirstOrThrow();
    const id = 'ops-test-case';
    await db.insertInto('cases').values({
      id, number: 'OPS-0001', matter_id: 'newborn-birth', catalogue_version: 1, applicant_id: applicant.id, channel: 'online', assisted_by: null, assisted_authority: null,
      status: 'in-progress', record: '{}', answers: '{}', chosen_items: null, form: '{}', plan: null, on_commitment: 0, deferred: '[]', corrections: '[]',
      created_at: now, updated_at: now, submitted_at: now, accepted_at: now, accepted_by: null, closed_at: null, row_version: 0,
    }).execute();
    const task = (status: TaskStatus, due: string, item: string) => ({
      id: `${id}-${item}`, case_id: id, item_id: item, item_name: item, department: 'wsjk', status, after: '[]', due_date: due, state: '{}', updated_at: now, claimed_by: null, dispatched_on: null, decided_at: null, row_version: 0,
    });
    const overdueBefore = metric(before, 'onething_tasks_overdue');
    await db.insertInto('tasks').values([task('claimed', '2025-09-01', 'a'), task('dispatched', '2025-09-26', 'b'), task('approved', '2025-09-01', 'c'), task('supplement', '2025-09-01', 'd'), task('claimed', '2025-12-31', 'e')]).execute();
    expect(metric((await scrape()).body, 'onething_tasks_overdue') - overdueBefore).toBe(2);
  });

  it('lets a scraper in by token or allowed address, and refuses others in the standard error shape', async () => {
    expect((await scrape({}, '10.8.3.4')).statusCode).toBe(200);
    expect((await scrape({}, '::ffff:10.8.3.4')).statusCode).toBe(200);
    expect((await scrape({ authorization: `Bearer ${TOKEN}` }, '203.0.113.9')).statusCode).toBe(200);
    const missing = await scrape({}, '203.0.113.9');
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ code: 'unauthenticated', message: '读取监控指标须带令牌（Authorization: Bearer …）', details: [] });
    const wrong = await scrape({ authorization: 'Bearer not-the-token-at-all' }, '127.0.0.1');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'unauthenticated', message: '监控令牌不对' });
  });
});

describe('probes while the database is away', () => {
  it('stays live but answers /readyz with 503 naming the database', async () => {
    const h = await startHarness('sqlite');
    // Nothing listens on port 1: every query fails at once.
    const away = openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' });
    const { app } = await buildApp({ ...h.deps, db: away }, { web: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/livez' })).statusCode).toBe(200);
      const r = await app.inject({ method: 'GET', url: '/readyz' });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ status: 'unavailable', checks: { database: { ok: false, message: expect.stringMatching(/^出错：/) }, migrations: { ok: false, message: '数据库不可用，未检查' } } });
    } finally {
      await app.close();
      await away.close();
      await h.close();
    }
  });
});

describe('metrics without a token', () => {
  it('refuses an address outside the list with 403, and lets loopback in by default', async () => {
    const h = await startHarness('sqlite');
    try {
      const far = await h.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '198.51.100.7' });
      expect(far.statusCode).toBe(403);
      expect(far.json()).toMatchObject({ code: 'forbidden', message: '地址 198.51.100.7 无权读取监控指标', details: [] });
      expect((await h.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe('the operations settings', () => {
  it('reads the metrics access, the shutdown limit and their defaults, refusing what cannot be meant', () => {
    const defaults = loadConfig({});
    expect(defaults.metrics).toEqual({ token: null, allow: ['127.0.0.1', '::1'] });
    expect(defaults.shutdownSeconds).toBe(20);
    expect(loadConfig({ ONETHING_METRICS_ALLOW: 'none' }).metrics.allow).toEqual([]);
    expect(loadConfig({ ONETHING_METRICS_ALLOW: '10.0.0.0/8, fd00::/8,192.0.2.7' }).metrics.allow).toEqual(['10.0.0.0/8', 'fd00::/8', '192.0.2.7']);
    expect(() => loadConfig({ ONETHING_METRICS_ALLOW: '10.0.0.0/33' })).toThrow(ConfigError);
    expect(() => loadConfig({ ONETHING_METRICS_ALLOW: 'prometheus.local' })).toThrow('不是地址或 CIDR 网段');
    expect(() => loadConfig({ ONETHING_METRICS_TOKEN: 'short' })).toThrow('至少应有 16 个字符');
    expect(() => loadConfig({ ONETHING_SHUTDOWN_SECONDS: '0' })).toThrow(ConfigError);
  });
});
