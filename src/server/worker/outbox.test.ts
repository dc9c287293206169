import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/connect.ts';
import { enqueue } from '../modules/notifications/service.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { startReceiver, type Receiver } from '../testing/webhook-receiver.ts';
import { createWorker } from './outbox.ts';

const BASE_DELAY_MS = 1000;
const MAX_ATTEMPTS = 4;

describe.each(DIALECTS)('the outbox worker on %s', (dialect) => {
  let h: Harness;
  let admin: string;
  let receiver: Receiver;
  let seq = 0;
  const extraDbs: Db[] = [];

  const outboxRow = (deliveryId: string) => h.deps.db.kysely.selectFrom('outbox').selectAll().where('delivery_id', '=', deliveryId).executeTakeFirstOrThrow();
  /** A dispatch as the task flow writes it (src/server/modules/tasks/flow.ts), in its own transaction. */
  const dispatch = async (department = 'wsjk', item = 'wsjk-birth-medical-certificate') => {
    const caseId = `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;
    const taskId = `${caseId}:${item}`;
    const deliveryId = `dispatch:${taskId}`;
    await h.deps.db.kysely.transaction().execute((trx) => enqueue(trx, 'dispatch', deliveryId, {
      taskId, caseId, caseNumber: `YJS2025${String(seq).padStart(7, '0')}`, item, department, dueDate: '2025-10-20',
    }, h.clock.now().toISOString()));
    return { caseId, item, deliveryId };
  };
  const receivedFor = (deliveryId: string) => receiver.requests.filter((r) => r.deliveryId === deliveryId);

  beforeAll(async () => {
    h = await startHarness(dialect, { ONETHING_WEBHOOK_ATTEMPTS: String(MAX_ATTEMPTS), ONETHING_WEBHOOK_BASE_DELAY_MS: String(BASE_DELAY_MS) });
    receiver = await startReceiver({ now: () => Math.floor(h.clock.now().getTime() / 1000), path: '/hooks/onething?dept=wsjk' });
    admin = await h.login('admin');
    const r = await h.request('POST', '/api/admin/api-clients', { cookie: admin, body: { department: 'wsjk', name: '卫健委出生医学证明系统', webhookUrl: receiver.url } });
    expect(r.statusCode, r.body).toBe(201);
    receiver.setSecret(r.json().secret);
    // Nothing else should be waiting: the tests below count what the worker claims.
    await h.deps.db.kysely.deleteFrom('outbox').execute();
  });
  afterAll(async () => {
    for (const db of extraDbs) await db.close();
    await receiver?.close();
    await h?.close();
  });

  it('delivers a dispatch to the department webhook, signed with the client secret, carrying x-onething-delivery', async () => {
    const { caseId, item, deliveryId } = await dispatch();
    const worker = createWorker(h.deps);
    expect(await worker.runOnce()).toBe(1);
    const got = receivedFor(deliveryId);
    expect(got).toHaveLength(1);
    expect(got[0]?.verify).toEqual({ ok: true });
    expect(got[0]?.status).toBe(200);
    expect(got[0]?.timestamp).toBe(Math.floor(h.clock.now().getTime() / 1000));
    expect(got[0]?.body).toMatchObject({
      deliveryId, kind: 'task.dispatched', department: 'wsjk', caseId, item, taskId: `${caseId}:${item}`,
      links: { task: `${h.config.publicUrl}/api/department/tasks/${caseId}/${item}` },
    });
    expect(receiver.processed).toContain(deliveryId);
    expect(await outboxRow(deliveryId)).toMatchObject({ status: 'delivered', attempts: 1, delivered_at: h.clock.now().toISOString(), locked_by: null, locked_until: null, last_error: null });
    // Delivered is delivered: no second request.
    h.clock.advance(3_600_000);
    expect(await worker.runOnce()).toBe(0);
    expect(receivedFor(deliveryId)).toHaveLength(1);
  });

  it('a receiver holding a different secret rejects the request, and the entry is retried', async () => {
    const { deliveryId } = await dispatch();
    const worker = createWorker(h.deps);
    receiver.setSecret('a-secret-that-is-not-the-clients-secret');
    try {
      expect(await worker.runOnce()).toBe(1);
    } finally {
      const r = await h.deps.db.kysely.selectFrom('api_clients').select('secret_enc').where('department', '=', 'wsjk').executeTakeFirstOrThrow();
      receiver.setSecret(h.deps.cipher.decrypt(r.secret_enc));
    }
    expect(receivedFor(deliveryId)[0]).toMatchObject({ status: 401, verify: { ok: false, code: 'bad-signature' } });
    expect(await outboxRow(deliveryId)).toMatchObject({ status: 'pending', attempts: 1, last_error: '部门系统返回 401' });
    h.clock.advance(BASE_DELAY_MS);
    expect(await worker.runOnce()).toBe(1);
    expect(receivedFor(deliveryId).map((r) => r.status)).toEqual([401, 200]);
    expect(await outboxRow(deliveryId)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('hands a dispatch for a department without a webhook to the built-in workbench, without any request', async () => {
    const before = receiver.requests.length;
    const { deliveryId } = await dispatch('jk', 'jk-vaccination-certificate');
    expect(await createWorker(h.deps).runOnce()).toBe(1);
    expect(receiver.requests.length).toBe(before);
    expect(await outboxRow(deliveryId)).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  let deadId = '';

  it('retries a failing webhook with growing delays, then lists it among the dead letters', async () => {
    const { deliveryId } = await dispatch();
    deadId = deliveryId;
    receiver.setBehaviour((r) => (r.deliveryId === deliveryId ? 'fail' : 'ok'));
    const worker = createWorker(h.deps);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await worker.runOnce(), `attempt ${attempt}`).toBe(1);
      expect(receivedFor(deliveryId)).toHaveLength(attempt);
      const row = await outboxRow(deliveryId);
      expect(row.attempts).toBe(attempt);
      expect(row.last_error).toBe('部门系统返回 500');
      expect(row.locked_by).toBeNull();
      if (attempt === MAX_ATTEMPTS) {
        expect(row.status).toBe('dead');
        break;
      }
      expect(row.status).toBe('pending');
      const delay = new Date(row.next_attempt_at).getTime() - h.clock.now().getTime();
      delays.push(delay);
      // Not a moment early...
      h.clock.advance(delay - 1);
      expect(await worker.runOnce()).toBe(0);
      // ...and due exactly on time.
      h.clock.advance(1);
    }
    expect(delays).toEqual([BASE_DELAY_MS, 2 * BASE_DELAY_MS, 4 * BASE_DELAY_MS]);
    // Dead stays dead, however long we wait.
    h.clock.advance(24 * 3_600_000);
    expect(await worker.runOnce()).toBe(0);
    expect(receivedFor(deliveryId)).toHaveLength(MAX_ATTEMPTS);
    expect(receiver.processed).not.toContain(deliveryId);

    admin = await h.login('admin');
    const dead = (await h.request('GET', '/api/admin/dead-letters', { cookie: admin })).json().deadLetters as { id: number; deliveryId: string }[];
    expect(dead.find((d) => d.deliveryId === deliveryId)).toMatchObject({ id: expect.any(Number), kind: 'dispatch', attempts: MAX_ATTEMPTS, lastError: '部门系统返回 500' });
    expect((await h.request('GET', '/api/admin/dead-letters', { cookie: await h.login('wangfang') })).statusCode).toBe(403);
  });

  it('sends a dead letter again when an admin retries it', async () => {
    expect(deadId).not.toBe('');
    receiver.setBehaviour(() => 'ok');
    admin = await h.login('admin');
    const dead = (await h.request('GET', '/api/admin/dead-letters', { cookie: admin })).json().deadLetters as { id: number; deliveryId: string }[];
    const letter = dead.find((d) => d.deliveryId === deadId);
    expect(letter).toBeDefined();
    const retried = await h.request('POST', `/api/admin/dead-letters/${letter?.id}/retry`, { cookie: admin });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(await outboxRow(deadId)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await createWorker(h.deps).runOnce()).toBe(1);
    expect(receivedFor(deadId).map((r) => r.status)).toEqual([500, 500, 500, 500, 200]);
    expect(receiver.processed).toContain(deadId);
    expect(await outboxRow(deadId)).toMatchObject({ status: 'delivered', attempts: 1 });
    const after = (await h.request('GET', '/api/admin/dead-letters', { cookie: admin })).json().deadLetters as { deliveryId: string }[];
    expect(after.map((d) => d.deliveryId)).not.toContain(deadId);
    // Only a dead letter can be retried.
    expect((await h.request('POST', `/api/admin/dead-letters/${letter?.id}/retry`, { cookie: admin })).statusCode).toBe(404);
  });

  it('treats a dropped connection as a failure to retry, not as a delivery', async () => {
    const { deliveryId } = await dispatch();
    receiver.setBehaviour((r) => (r.deliveryId === deliveryId && r.attempt === 1 ? 'reset' : 'ok'));
    const worker = createWorker(h.deps);
    try {
      expect(await worker.runOnce()).toBe(1);
      const row = await outboxRow(deliveryId);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, locked_by: null });
      expect(row.last_error).toBeTruthy();
      h.clock.advance(BASE_DELAY_MS);
      expect(await worker.runOnce()).toBe(1);
      expect(await outboxRow(deliveryId)).toMatchObject({ status: 'delivered', attempts: 2 });
    } finally {
      receiver.setBehaviour(() => 'ok');
    }
  });

  it('does not count a redirect as a delivery: the department system never got the POST', async () => {
    // A webhook that moved: it answers 302, and the page it points to answers a GET with 200.
    const seen: string[] = [];
    const moved = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      req.resume();
      if (req.url === '/hook') res.writeHead(302, { location: '/welcome' }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>欢迎</p>');
    });
    await new Promise<void>((resolve) => moved.listen(0, '127.0.0.1', () => resolve()));
    const { port } = moved.address() as AddressInfo;
    const client = await h.deps.db.kysely.selectFrom('api_clients').select('id').where('department', '=', 'wsjk').executeTakeFirstOrThrow();
    try {
      await h.deps.db.kysely.updateTable('api_clients').set({ webhook_url: `http://127.0.0.1:${port}/hook` }).where('id', '=', client.id).execute();
      const { deliveryId } = await dispatch();
      expect(await createWorker(h.deps).runOnce()).toBe(1);
      expect(seen[0]).toBe('POST /hook');
      const row = await outboxRow(deliveryId);
      expect(row.status, JSON.stringify(seen)).toBe('pending');
      expect(row.last_error).toBe('部门系统返回 302');
    } finally {
      await h.deps.db.kysely.updateTable('api_clients').set({ webhook_url: receiver.url }).where('id', '=', client.id).execute();
      moved.closeAllConnections();
      await new Promise((resolve) => moved.close(resolve));
    }
    // Back at the right address, the entry goes out on its next attempt.
    h.clock.advance(BASE_DELAY_MS);
    expect(await createWorker(h.deps).runOnce()).toBe(1);
  });

  it('delivers each of 200 entries exactly once with 4 workers racing', { timeout: 60_000 }, async () => {
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) ids.push((await dispatch()).deliveryId);
    const before = receiver.requests.length;
    // On PostgreSQL each worker has its own connection pool, as separate processes would.
    const workerDeps = Array.from({ length: 4 }, () => {
      if (dialect !== 'postgres') return h.deps;
      const db = openDatabase({ databaseUrl: h.config.databaseUrl, poolSize: 3 });
      extraDbs.push(db);
      return { ...h.deps, db };
    });
    const sent = [0, 0, 0, 0];
    const workers = workerDeps.map((deps, i) => createWorker(deps, (url, init) => {
      sent[i] = (sent[i] ?? 0) + 1;
      return fetch(url, init);
    }));
    const drain = async (w: (typeof workers)[number]) => {
      let claimed = 0;
      for (let round = 0; round < 100; round++) {
        const n = await w.runOnce(5);
        claimed += n;
        if (n === 0) break;
      }
      return claimed;
    };
    const claimed = await Promise.all(workers.map(drain)).finally(async () => {
      // Closed here, well before the test database is dropped (pool.end() does not wait for the sockets).
      for (const db of extraDbs.splice(0)) await db.close();
    });
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(200);
    const got = receiver.requests.slice(before);
    expect(got).toHaveLength(200);
    expect(got.every((r) => r.status === 200 && r.verify.ok)).toBe(true);
    const counts = new Map<string, number>();
    for (const r of got) counts.set(r.deliveryId, (counts.get(r.deliveryId) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...ids].sort());
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    // The work was shared, not done by one worker while the others idled.
    expect(sent.filter((s) => s > 0).length).toBeGreaterThan(1);
    const rows = await h.deps.db.kysely.selectFrom('outbox').select(['status', 'attempts']).where('delivery_id', 'in', ids).execute();
    expect(rows.every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
  });

  it('does not deliver an entry twice when a slow batch outlives the claim lease and another worker looks for work', async () => {
    const entries = [];
    for (let i = 0; i < 5; i++) entries.push(await dispatch());
    const other = createWorker(h.deps);
    const race: { claimed: number | null } = { claimed: null };
    let calls = 0;
    // Every request takes 8 s (inside the 10 s request timeout) — the batch of 5 takes 40 s, longer
    // than the 30 s lease. After the 4th request, another worker looks for due work.
    const slow = createWorker(h.deps, async (url, init) => {
      const res = await fetch(url, init);
      h.clock.advance(8_000);
      if (++calls === 4) race.claimed = await other.runOnce();
      return res;
    });
    expect(await slow.runOnce()).toBe(5);
    // The other worker took the one entry whose claim-time lease had run out, and only that.
    expect(race.claimed).toBe(1);
    for (const e of entries) {
      expect(receivedFor(e.deliveryId), e.deliveryId).toHaveLength(1);
      expect(await outboxRow(e.deliveryId)).toMatchObject({ status: 'delivered', attempts: 1 });
    }
  });

  /** A notice's SMS (and e-mail) entry, as notify() writes it. */
  const message = async (accountId: string, text: string) => {
    const deliveryId = `message:test-${++seq}`;
    await h.deps.db.kysely.transaction().execute((trx) => enqueue(trx, 'message', deliveryId, { accountId, text }, h.clock.now().toISOString()));
    return deliveryId;
  };
  const withPhone = async () => (await h.deps.db.kysely.selectFrom('accounts').select('id').where('phone_enc', 'is not', null).limit(2).execute()).map((a) => a.id);
  const logged = (text: string) => h.deps.db.kysely.selectFrom('message_log').select(['channel', 'recipient', 'body']).where('body', '=', text).execute();

  it('sends a batch of notices to the message log together: each to its account, masked, and each entry marked delivered', async () => {
    const [a, b] = await withPhone();
    expect(b).toBeDefined();
    const ids = [await message(a as string, '批量一'), await message(b as string, '批量二'), await message(a as string, '批量三')];
    expect(await createWorker(h.deps).runOnce()).toBe(3);
    for (const [i, text] of ['批量一', '批量二', '批量三'].entries()) {
      const rows = await logged(text);
      expect(rows.some((r) => r.channel === 'sms' && /^1\d{2}\*{4}\d{4}$/.test(r.recipient)), text).toBe(true);
      expect(await outboxRow(ids[i] as string)).toMatchObject({ status: 'delivered', attempts: 1, locked_by: null });
    }
  });

  it('keeps every notice of a batch for a retry when the message log refuses them, and logs none', async () => {
    const [a] = await withPhone();
    const sendAll = h.deps.sender.sendAll;
    h.deps.sender.sendAll = async () => { throw new Error('短信网关不可用'); };
    try {
      const ids = [await message(a as string, '失败一'), await message(a as string, '失败二')];
      expect(await createWorker(h.deps).runOnce()).toBe(2);
      for (const id of ids) expect(await outboxRow(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: '短信网关不可用', locked_by: null });
      expect(await logged('失败一')).toHaveLength(0);
    } finally {
      h.deps.sender.sendAll = sendAll;
    }
    h.clock.advance(BASE_DELAY_MS);
    expect(await createWorker(h.deps).runOnce()).toBe(2);
    expect(await logged('失败一')).not.toHaveLength(0);
  });
});
