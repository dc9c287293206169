import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectCall, login, newborn, type Call } from '../testing/api-call.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { startReceiver, type Behaviour, type Receiver } from '../testing/webhook-receiver.ts';
import { createWorker } from '../worker/outbox.ts';

const CASES = 20;
const ITEM = 'wsjk-birth-medical-certificate';
/**
 * What the department system does with the n-th request for the k-th delivery id it sees:
 * PATTERN[(k + n - 1) % 8]. Five requests in eight fail, never more than two in a row, and the
 * starting points cycle, so every kind of failure happens, deterministically.
 */
const PATTERN: Behaviour[] = ['fail', 'ok', 'record-then-fail', 'reset', 'ok', 'fail', 'record-then-fail', 'ok'];

describe.each(DIALECTS)('a department system that fails half the time still gets every task once, on %s', (dialect) => {
  let h: Harness;
  let call: Call;
  let receiver: Receiver;
  const caseIds: string[] = [];

  beforeAll(async () => {
    h = await startHarness(dialect);
    call = injectCall(h);
    receiver = await startReceiver({ now: () => Math.floor(h.clock.now().getTime() / 1000) });
    const order = new Map<string, number>();
    receiver.setBehaviour(({ deliveryId, attempt }) => {
      if (!order.has(deliveryId)) order.set(deliveryId, order.size);
      return PATTERN[((order.get(deliveryId) ?? 0) + attempt - 1) % PATTERN.length] as Behaviour;
    });
    const admin = await login(call, 'admin');
    const r = await h.request('POST', '/api/admin/api-clients', { cookie: admin, body: { department: 'wsjk', name: '出生医学证明管理系统', webhookUrl: receiver.url } });
    expect(r.statusCode, r.body).toBe(201);
    receiver.setSecret(r.json().secret);
  });
  afterAll(async () => {
    await receiver?.close();
    await h?.close();
  });

  const pending = async () => (await h.deps.db.kysely.selectFrom('outbox').select(['next_attempt_at']).where('status', '=', 'pending').orderBy('next_attempt_at').execute()).map((r) => r.next_attempt_at);

  it(`drives ${CASES} newborn cases to acceptance while the worker delivers, retrying until nothing is pending`, { timeout: 120_000 }, async () => {
    const parent = await login(call, 'wangfang');
    const clerk = await login(call, 'window');
    const worker = createWorker(h.deps);
    for (let i = 0; i < CASES; i++) {
      const id = await newborn.create(call, parent);
      const plan = await newborn.answer(call, parent, id);
      await newborn.fill(call, parent, id, plan, '李小宝');
      await newborn.submit(call, parent, id);
      const accepted = await newborn.accept(call, clerk, id);
      expect(accepted.progress.find((p) => p.item === ITEM)?.status).toBe('dispatched');
      caseIds.push(id);
      // The worker runs while cases keep coming, as it does in the server.
      if (i % 5 === 4) await worker.runOnce();
    }
    let rounds = 0;
    for (; rounds < 40; rounds++) {
      await worker.runOnce();
      const due = await pending();
      if (due.length === 0) break;
      // Move the clock to the next entry's back-off time (never backwards).
      const next = new Date(due[0] as string).getTime();
      if (next > h.clock.now().getTime()) h.clock.set(new Date(next).toISOString());
    }
    expect(rounds).toBeLessThan(40);
    expect(await pending()).toEqual([]);
  });

  it('every dispatched task reached the department system exactly once in effect, correctly signed', async () => {
    const tasks = await h.deps.db.kysely.selectFrom('tasks').select(['id', 'status', 'case_id']).where('department', '=', 'wsjk').execute();
    expect(tasks).toHaveLength(CASES);
    expect(tasks.every((t) => t.status === 'dispatched')).toBe(true);
    const expected = tasks.map((t) => `dispatch:${t.id}`).sort();
    expect(expected).toEqual(caseIds.map((c) => `dispatch:${c}:${ITEM}`).sort());

    // Exactly once in effect: each delivery id processed once, and nothing else processed.
    expect([...receiver.processed].sort()).toEqual(expected);
    expect(new Set(receiver.processed).size).toBe(receiver.processed.length);
    // ...although the sender delivered at least once: some were processed, answered 500 and sent again.
    expect(receiver.redeliveries).toBeGreaterThan(0);
    expect(new Set(receiver.requests.map((r) => r.behaviour))).toEqual(new Set(['ok', 'fail', 'record-then-fail', 'reset']));
    const failed = receiver.requests.filter((r) => r.behaviour !== 'ok').length;
    expect(failed / receiver.requests.length).toBeGreaterThan(0.3);

    // Every request, retries included, was signed with the client's secret and a fresh nonce.
    expect(receiver.requests.every((r) => r.verify.ok)).toBe(true);
    // Every attempt the outbox counted reached the receiver, and none was given up on.
    const rows = await h.deps.db.kysely.selectFrom('outbox').select(['delivery_id', 'status', 'attempts']).where('delivery_id', 'in', expected).execute();
    expect(rows).toHaveLength(CASES);
    for (const row of rows) {
      expect(row.status, row.delivery_id).toBe('delivered');
      expect(row.attempts, row.delivery_id).toBe(receiver.requests.filter((r) => r.deliveryId === row.delivery_id).length);
      expect(row.attempts).toBeLessThanOrEqual(3);
    }
    expect(rows.some((r) => r.attempts > 1)).toBe(true);
    const dead = await h.deps.db.kysely.selectFrom('outbox').select('delivery_id').where('status', '=', 'dead').execute();
    expect(dead).toEqual([]);
  });

  it('the other department of the first stage, without a system, has its tasks on the workbench', async () => {
    const jk = await login(call, 'jk-reviewer');
    const queue = (await h.request('GET', '/api/department/tasks', { cookie: jk })).json().tasks as { caseId: string; item: string }[];
    expect(queue.filter((t) => t.item === 'jk-vaccination-certificate')).toHaveLength(CASES);
    const delivered = await h.deps.db.kysely.selectFrom('outbox').select('status').where('delivery_id', 'like', 'dispatch:%:jk-vaccination-certificate').execute();
    expect(delivered.map((d) => d.status)).toEqual(Array(CASES).fill('delivered'));
  });
});
