/**
 * The real server process, killed with SIGKILL in the middle of a load of applications, acceptances
 * and decisions, then started again on the same data: whatever it acknowledged with a 2xx is still
 * there, every dispatched task has exactly one outbox entry, and no process sent a delivery twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../db/connect.ts';
import { httpCall, login, newborn, NEWBORN_FIRST_STAGE, ok, type Call, type CaseView } from '../testing/api-call.ts';
import { DIALECTS, freshPostgres } from '../testing/harness.ts';
import { startServerProcess, type ServerProcess } from '../testing/server-process.ts';
import { startReceiver, type Receiver } from '../testing/webhook-receiver.ts';

const FIELD_KEY = '5e'.repeat(32);
const CASES = 48;
const LANES = 8;
/** Kill once this many operations were acknowledged (of ~9 per case), and at least a few approvals. */
const KILL_AFTER = 150;
const MIN_APPROVALS_BEFORE_KILL = 4;
const [WSJK_ITEM, JK_ITEM] = NEWBORN_FIRST_STAGE;
const REVIEWER: Record<string, string> = { [WSJK_ITEM]: 'wsjk-reviewer', [JK_ITEM]: 'jk-reviewer' };

type Op = 'create' | 'answers' | 'form' | 'submit' | 'accept' | 'claim' | 'approve';
interface Ack { op: Op; caseId: string; item?: string }

interface Reader {
  rows<T>(query: string): Promise<T[]>;
  close(): Promise<void>;
}

async function fresh(dialect: Dialect): Promise<{ url: string | null; drop: () => Promise<void> }> {
  return dialect === 'sqlite' ? { url: null, drop: async () => {} } : freshPostgres('onething_crash');
}

async function openReader(dialect: Dialect, dir: string, url: string | null): Promise<Reader> {
  if (dialect === 'sqlite') {
    const db = new SQLite(path.join(dir, 'onething.sqlite'), { readonly: true, fileMustExist: true });
    return { rows: async <T>(q: string) => db.prepare(q).all() as T[], close: async () => { db.close(); } };
  }
  const c = new pg.Client({ connectionString: url as string });
  await c.connect();
  return { rows: async <T>(q: string) => (await c.query(q)).rows as T[], close: () => c.end() };
}

const SUBMITTED_OR_LATER = ['submitted', 'accepted', 'in-progress', 'completed'];
const ACCEPTED_OR_LATER = ['accepted', 'in-progress', 'completed'];

describe.each(DIALECTS)('the real server, killed mid-load and restarted, on %s', (dialect) => {
  let dir: string;
  let db: { url: string | null; drop: () => Promise<void> };
  let env: Record<string, string>;
  let server: ServerProcess | null = null;
  let killedPid = 0;
  let receiver: Receiver;
  let call: Call;
  const cookies: Record<string, string> = {};
  const acks: Ack[] = [];
  const errorsBeforeKill: string[] = [];
  const caseIds: string[] = [];
  const onRecord: string[] = [];
  const views = new Map<string, CaseView>();
  /** Dispatch entries the killed process had recorded as delivered. */
  const deliveredAtKill = new Set<string>();

  const acked = (op: Op, item?: string) => new Set(acks.filter((a) => a.op === op && (item === undefined || a.item === item)).map((a) => a.caseId));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-crash-'));
    db = await fresh(dialect);
    env = { ONETHING_DATA_DIR: dir, ONETHING_FIELD_KEY: FIELD_KEY, ...(db.url ? { DATABASE_URL: db.url } : {}) };
    receiver = await startReceiver({ now: () => Math.floor(Date.now() / 1000) });
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await receiver?.close();
    await db?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('acknowledges applications, acceptances and approvals under load until it is killed', { timeout: 60_000 }, async () => {
    server = await startServerProcess(env);
    receiver.generation = 1;
    call = httpCall(server.base);
    for (const u of ['admin', 'wangfang', 'window', 'wsjk-reviewer', 'jk-reviewer', 'auditor']) cookies[u] = await login(call, u);
    const client = await ok<{ secret: string }>(call('POST', '/api/admin/api-clients', { cookie: cookies.admin, body: { department: 'wsjk', name: '出生医学证明管理系统', webhookUrl: receiver.url } }), 'api client');
    receiver.setSecret(client.secret);

    const parent = cookies.wangfang as string;
    const clerk = cookies.window as string;
    let next = 0;
    let killed: Promise<string> | null = null;
    const live = server;
    // The worker records a batch's deliveries after sending the batch, so the kill waits until the
    // database shows one recorded: only then can the restart prove a recorded delivery is not resent.
    let recordedDelivery = false;
    const watcher = await openReader(dialect, dir, db.url);
    const watch = setInterval(() => {
      watcher.rows<{ n: number | string }>("select count(*) as n from outbox where kind = 'dispatch' and status = 'delivered'")
        .then((r) => { if (Number(r[0]?.n ?? 0) > 0) recordedDelivery = true; }, () => {});
    }, 50);
    const record = (a: Ack) => {
      acks.push(a);
      if (killed === null && acks.length >= KILL_AFTER && acks.filter((x) => x.op === 'approve').length >= MIN_APPROVALS_BEFORE_KILL && recordedDelivery) {
        killedPid = live.pid;
        killed = live.kill('SIGKILL');
      }
    };
    const lane = async () => {
      while (killed === null && next < CASES) {
        next++;
        try {
          const id = await newborn.create(call, parent);
          caseIds.push(id);
          record({ op: 'create', caseId: id });
          const plan = await newborn.answer(call, parent, id);
          record({ op: 'answers', caseId: id });
          await newborn.fill(call, parent, id, plan, '李小宝');
          record({ op: 'form', caseId: id });
          await newborn.submit(call, parent, id);
          record({ op: 'submit', caseId: id });
          await newborn.accept(call, clerk, id);
          record({ op: 'accept', caseId: id });
          for (const item of NEWBORN_FIRST_STAGE) {
            const reviewer = cookies[REVIEWER[item] as string] as string;
            await newborn.claim(call, reviewer, id, item);
            record({ op: 'claim', caseId: id, item });
            const r = await newborn.approve(call, reviewer, id, item);
            expect(r.task.status).toBe('approved');
            record({ op: 'approve', caseId: id, item });
          }
        } catch (err) {
          if (killed === null) errorsBeforeKill.push((err as Error).message);
          return;
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: LANES }, lane));
    } finally {
      clearInterval(watch);
      await watcher.close();
    }
    expect(errorsBeforeKill).toEqual([]);
    expect(killed, 'the load ended before the kill').not.toBeNull();
    expect(await killed).toBe('SIGKILL');
    expect(acked('accept').size).toBeGreaterThan(0);
    expect(acked('approve').size).toBeGreaterThan(0);
    // Killed in the middle: some cases were still on their way.
    expect(acked('create').size).toBeGreaterThan(acked('approve', JK_ITEM).size);

    // What the dead process left on disk: a task went out if and only if its outbox entry exists.
    const reader = await openReader(dialect, dir, db.url);
    try {
      const tasks = await reader.rows<{ id: string; status: string }>('select id, status from tasks');
      const outbox = await reader.rows<{ delivery_id: string; status: string }>("select delivery_id, status from outbox where kind = 'dispatch'");
      expect(outbox.map((e) => e.delivery_id).sort()).toEqual(tasks.filter((t) => t.status !== 'waiting').map((t) => `dispatch:${t.id}`).sort());
      for (const e of outbox) if (e.status === 'delivered') deliveredAtKill.add(e.delivery_id);
    } finally {
      await reader.close();
    }
  });

  it('after a restart on the same data, everything acknowledged is still there', { timeout: 60_000 }, async () => {
    expect(killedPid).not.toBe(0);
    server = await startServerProcess(env);
    receiver.generation = 2;
    call = httpCall(server.base);
    // Sessions are data too: the cookies from before the crash still work.
    const parent = cookies.wangfang as string;
    for (const id of acked('create')) {
      const v = await newborn.view(call, parent, id);
      views.set(id, v);
    }
    for (const id of acked('form')) expect(views.get(id)?.form.newbornName, id).toBe('李小宝');
    for (const id of acked('submit')) expect(SUBMITTED_OR_LATER, id).toContain(views.get(id)?.status);
    for (const id of acked('accept')) {
      const v = views.get(id) as CaseView;
      expect(ACCEPTED_OR_LATER, id).toContain(v.status);
      expect(v.progress).toHaveLength(5);
      for (const item of NEWBORN_FIRST_STAGE) expect(v.progress.find((p) => p.item === item)?.status, `${id} ${item}`).not.toBe('waiting');
    }
    for (const a of acks.filter((x) => x.op === 'claim')) expect(['claimed', 'approved'], `${a.caseId} ${a.item}`).toContain(views.get(a.caseId)?.progress.find((p) => p.item === a.item)?.status);
    for (const a of acks.filter((x) => x.op === 'approve')) expect(views.get(a.caseId)?.progress.find((p) => p.item === a.item)?.status, `${a.caseId} ${a.item}`).toBe('approved');
    for (const id of acked('approve', JK_ITEM)) {
      if (acked('approve', WSJK_ITEM).has(id)) expect(views.get(id)?.progress.find((p) => p.item === 'ga-birth-registration')?.status, id).toBe('dispatched');
    }
    // Every acknowledged case is on record, and besides them at most the one in flight on each lane.
    const mine = (await ok<{ cases: { id: string }[] }>(call('GET', '/api/cases', { cookie: parent }), 'my cases')).cases.map((c) => c.id);
    expect(mine).toEqual(expect.arrayContaining(caseIds));
    expect(mine.length - caseIds.length).toBeLessThanOrEqual(LANES);
    onRecord.push(...mine);
  });

  it('carries on: the cases left half-way can be finished', { timeout: 60_000 }, async () => {
    const parent = cookies.wangfang as string;
    const clerk = cookies.window as string;
    let finished = 0;
    expect(onRecord.length).toBeGreaterThan(0);
    for (const id of onRecord) {
      let v = views.get(id) ?? await newborn.view(call, parent, id);
      if (v.status === 'draft') {
        if (!v.plan?.complete) await newborn.answer(call, parent, id);
        const plan = (await newborn.view(call, parent, id)).plan;
        await newborn.fill(call, parent, id, plan, '李小宝');
        await newborn.submit(call, parent, id);
        v = await newborn.view(call, parent, id);
      }
      if (v.status === 'submitted') v = await newborn.accept(call, clerk, id);
      for (const item of NEWBORN_FIRST_STAGE) {
        const reviewer = cookies[REVIEWER[item] as string] as string;
        const status = v.progress.find((p) => p.item === item)?.status;
        if (status === 'dispatched') await newborn.claim(call, reviewer, id, item);
        if (status === 'dispatched' || status === 'claimed') await newborn.approve(call, reviewer, id, item);
      }
      v = await newborn.view(call, parent, id);
      expect(v.progress.filter((p) => (NEWBORN_FIRST_STAGE as readonly string[]).includes(p.item)).map((p) => p.status), id).toEqual(['approved', 'approved']);
      finished++;
    }
    expect(finished).toBe(onRecord.length);
    const audit = await ok<{ ok: boolean }>(call('GET', '/api/audit/verify', { cookie: cookies.auditor }), 'audit');
    expect(audit.ok).toBe(true);
  });

  it('gives every dispatched task exactly one outbox entry, and no process sent a delivery twice', { timeout: 60_000 }, async () => {
    const reader = await openReader(dialect, dir, db.url);
    try {
      // Wait (bounded) until the restarted server has delivered everything it may: what the killed
      // worker held stays leased to it until the lease runs out.
      const dead = `worker-${killedPid}-%`;
      let waiting: { delivery_id: string; locked_by: string | null }[] = [];
      for (let i = 0; i < 100; i++) {
        waiting = await reader.rows(`select delivery_id, locked_by from outbox where status = 'pending' and (locked_by is null or locked_by not like '${dead}')`);
        if (waiting.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(waiting).toEqual([]);
    } finally {
      await reader.close();
    }
    expect(await server?.kill('SIGTERM')).toBe('0');
    server = null;

    const after = await openReader(dialect, dir, db.url);
    try {
      const tasks = await after.rows<{ id: string; case_id: string; department: string; status: string }>('select id, case_id, department, status from tasks');
      const outbox = await after.rows<{ delivery_id: string; status: string; locked_by: string | null; locked_until: string | null }>(
        "select delivery_id, status, locked_by, locked_until from outbox where kind = 'dispatch'");
      const entries = new Map<string, number>();
      for (const e of outbox) entries.set(e.delivery_id, (entries.get(e.delivery_id) ?? 0) + 1);
      expect([...entries.values()].every((n) => n === 1)).toBe(true);
      // The outbox entry was written with the task, in one transaction: one iff the task went out.
      const sent = tasks.filter((t) => t.status !== 'waiting').map((t) => `dispatch:${t.id}`).sort();
      expect([...entries.keys()].sort()).toEqual(sent);
      // Every acknowledged acceptance has its five tasks.
      for (const id of acked('accept')) expect(tasks.filter((t) => t.case_id === id), id).toHaveLength(5);
      expect(outbox.filter((e) => e.status === 'dead')).toEqual([]);
      // Still pending only if the killed worker held it; its lease will run out and it goes again.
      for (const e of outbox.filter((x) => x.status === 'pending')) expect(e.locked_by ?? '', e.delivery_id).toMatch(new RegExp(`^worker-${killedPid}-`));

      // The department system saw every delivered wsjk dispatch, signed, and no process sent one twice.
      expect(receiver.requests.every((r) => r.verify.ok && r.status === 200)).toBe(true);
      const wsjk = new Set(tasks.filter((t) => t.department === 'wsjk' && t.status !== 'waiting').map((t) => `dispatch:${t.id}`));
      for (const e of outbox.filter((x) => x.status === 'delivered' && wsjk.has(x.delivery_id))) expect(receiver.processed, e.delivery_id).toContain(e.delivery_id);
      for (const id of receiver.processed) expect(wsjk.has(id), id).toBe(true);
      const perProcess = new Map<string, number>();
      for (const r of receiver.requests) perProcess.set(`${r.generation} ${r.deliveryId}`, (perProcess.get(`${r.generation} ${r.deliveryId}`) ?? 0) + 1);
      expect([...perProcess.entries()].filter(([, n]) => n > 1)).toEqual([]);
      // A delivery the killed process had recorded as delivered was never sent again. (One it had sent
      // but not yet recorded may go again once its lease runs out: at least once, deduplicated by id.)
      expect(deliveredAtKill.size).toBeGreaterThan(0);
      expect(receiver.requests.filter((r) => r.generation === 2 && deliveredAtKill.has(r.deliveryId))).toEqual([]);
      expect(receiver.processed.length).toBeGreaterThan(0);
    } finally {
      await after.close();
    }
  });
});
