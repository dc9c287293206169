/**
 * Three real server processes, each with a data folder of its own as on three machines, sharing one
 * PostgreSQL database, one field key and one object store (s3rver). Applicants, the window and two
 * departments (one by its signed system, one by its reviewer) work through all of them at once, each
 * step of a case on another process: every file is readable everywhere, every 2xx is on record at
 * the end, and the three outbox workers delivered each dispatch to the department system once.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../core/fields/validators.ts';
import type { Plan } from '../../core/planning/types.ts';
import { signedHeaders, type ClientCredentials } from '../modules/integration/client.ts';
import { httpCall, login, newborn, NEWBORN_ANSWERS, NEWBORN_FIRST_STAGE, ok, type Call, type CaseView } from '../testing/api-call.ts';
import { fillForm, SAMPLE_PDF } from '../testing/fill.ts';
import { DIALECTS, freshPostgres } from '../testing/harness.ts';
import { startS3Server, type S3Server } from '../testing/s3-server.ts';
import { startServerProcess, type ServerProcess } from '../testing/server-process.ts';
import { startReceiver, type Receiver } from '../testing/webhook-receiver.ts';

const FIELD_KEY = '3c'.repeat(32);
const CASES = 24;
const LANES = 6;
const [WSJK_ITEM, JK_ITEM] = NEWBORN_FIRST_STAGE;
/** Spared online by the e-licence; a visitor unknown to shared data brings it to the window. */
const MATERIAL = 'parents-id-cards';
const VISITOR_NAMES = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八', '冯九', '陈十', '褚十一', '卫十二'];
/** A visitor with no record in shared data (so with no e-licence): a valid ID number of their own. */
const visitor = (k: number) => {
  const body = `11010519900101${String(100 + k).padStart(3, '0')}`;
  return { idNumber: `${body}${residentIdCheckChar(body)}`, name: VISITOR_NAMES[k / 2] as string, phone: `138009912${String(k).padStart(2, '0')}` };
};
const sm3 = (data: Buffer) => createHash('sm3').update(data).digest('hex');
const unix = () => Math.floor(Date.now() / 1000);

interface Upload { caseId: string; fileId: string; content: Buffer }

describe.runIf(DIALECTS.includes('postgres'))('three server processes on one PostgreSQL database and one object store', () => {
  let s3: S3Server;
  let db: { url: string; drop: () => Promise<void> };
  let receiver: Receiver;
  const dirs: string[] = [];
  let servers: ServerProcess[] = [];
  let calls: Call[] = [];
  const cookies: Record<string, string> = {};
  let wsjk: ClientCredentials;
  const acked = { online: [] as string[], atWindow: [] as string[], accepted: [] as string[], approved: [] as string[] };
  const uploads: Upload[] = [];
  const errors: string[] = [];

  /** A department system's signed request to process `p`. */
  const signed = (p: number, method: string, url: string, body?: unknown) => {
    const raw = body === undefined ? '' : JSON.stringify(body);
    return fetch(`${servers[p]!.base}${url}`, {
      method, signal: AbortSignal.timeout(15_000),
      headers: { ...signedHeaders(wsjk, { method, url, body: raw, timestamp: unix() }), ...(raw ? { 'content-type': 'application/json' } : {}) },
      ...(raw ? { body: raw } : {}),
    });
  };

  const upload = async (p: number, cookie: string, caseId: string, content: Buffer): Promise<string> => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), `${MATERIAL}.pdf`);
    const r = await fetch(`${servers[p]!.base}/api/cases/${caseId}/materials/${MATERIAL}/files`, { method: 'POST', headers: { cookie }, body: form, signal: AbortSignal.timeout(15_000) });
    if (r.status !== 201) throw new Error(`upload on ${p}: ${r.status} ${await r.text()}`);
    return ((await r.json()) as { id: string }).id;
  };

  const query = async <T>(q: string): Promise<T[]> => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query(q)).rows as T[];
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    [s3, db, receiver] = await Promise.all([startS3Server(), freshPostgres('onething_multi'), startReceiver({ now: unix })]);
  });
  afterAll(async () => {
    for (const s of servers) await s.kill('SIGKILL', 2000);
    await receiver?.close();
    await s3?.close();
    await db?.drop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('start together, each with its own data folder', { timeout: 240_000 }, async () => {
    const envFor = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-machine-'));
      dirs.push(dir);
      return { ONETHING_DATA_DIR: dir, ONETHING_FIELD_KEY: FIELD_KEY, DATABASE_URL: db.url, ...s3.env };
    };
    const started = await Promise.allSettled([0, 1, 2].map(() => startServerProcess(envFor(), { readyTimeoutMs: 180_000 })));
    servers = started.filter((s): s is PromiseFulfilledResult<ServerProcess> => s.status === 'fulfilled').map((s) => s.value);
    expect(started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason).slice(0, 2000))).toEqual([]);
    calls = servers.map((s) => httpCall(s.base));
    // Sessions live in the database: logged in on one process, used on all.
    for (const [i, u] of ['admin', 'wangfang', 'window', 'jk-reviewer', 'auditor'].entries()) cookies[u] = await login(calls[i % 3]!, u);
    wsjk = await ok<ClientCredentials>(calls[1]!('POST', '/api/admin/api-clients', { cookie: cookies.admin, body: { department: 'wsjk', name: '出生医学证明管理系统', webhookUrl: receiver.url } }), 'api client');
    receiver.setSecret(wsjk.secret);
  });

  it('take applications, uploads, acceptances and decisions on any of them, all at once', { timeout: 180_000 }, async () => {
    expect(servers).toHaveLength(3);
    const parent = cookies.wangfang as string;
    const clerk = cookies.window as string;
    const reviewer = cookies['jk-reviewer'] as string;
    let next = 0;
    const lane = async () => {
      while (next < CASES) {
        const k = next++;
        const on = (step: number) => (k + step) % 3;
        try {
          let id: string;
          if (k % 2 === 1) {
            // An applicant online, each step on another process.
            id = await newborn.create(calls[on(0)]!, parent);
            acked.online.push(id);
            const plan = await newborn.answer(calls[on(1)]!, parent, id);
            await newborn.fill(calls[on(2)]!, parent, id, plan, `李小宝${k}`);
            await newborn.submit(calls[on(0)]!, parent, id);
          } else {
            // A visitor at the window, whose ID cards are scanned and uploaded on yet another process.
            id = (await ok<CaseView>(calls[on(0)]!('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'newborn-birth', applicant: visitor(k) } }), 'window case')).id;
            acked.atWindow.push(id);
            const { plan } = await ok<{ plan: Plan }>(calls[on(1)]!('PUT', `/api/cases/${id}/answers`, { cookie: clerk, body: { answers: { ...NEWBORN_ANSWERS, parentsMarried: true }, chosenItems: [] } }), 'answers');
            await ok(calls[on(2)]!('PUT', `/api/cases/${id}/form`, { cookie: clerk, body: { values: fillForm(plan, { newbornName: `李小宝${k}` }) } }), 'form');
            const content = Buffer.concat([SAMPLE_PDF, Buffer.from(`%case ${k} ${id}\n`)]);
            uploads.push({ caseId: id, fileId: await upload(on(1), clerk, id, content), content });
            await newborn.submit(calls[on(0)]!, clerk, id);
          }
          await newborn.accept(calls[on(2)]!, clerk, id);
          acked.accepted.push(id);

          // wsjk's system reads the scanned ID cards through one process and decides through another.
          const scanned = uploads.find((u) => u.caseId === id);
          if (scanned) {
            const file = await signed(on(0), 'GET', `/api/cases/${id}/files/${scanned.fileId}`);
            if (file.status !== 200 || !Buffer.from(await file.arrayBuffer()).equals(scanned.content)) throw new Error(`wsjk reads the file on ${on(0)}: ${file.status}`);
          }
          const decided = await signed(on(1), 'POST', `/api/department/tasks/${id}/${WSJK_ITEM}/approve`, {});
          if (decided.status !== 200) throw new Error(`wsjk approves on ${on(1)}: ${decided.status} ${await decided.text()}`);
          acked.approved.push(`${id}:${WSJK_ITEM}`);
          // jk's reviewer claims on one process and approves on another.
          await newborn.claim(calls[on(2)]!, reviewer, id, JK_ITEM);
          const r = await newborn.approve(calls[on(0)]!, reviewer, id, JK_ITEM);
          expect(r.task.status).toBe('approved');
          acked.approved.push(`${id}:${JK_ITEM}`);
        } catch (err) {
          errors.push(`case ${k}: ${(err as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    expect(errors).toEqual([]);
    expect(acked.accepted).toHaveLength(CASES);
  });

  it('serve every uploaded file from every process, checked, out of the shared bucket', { timeout: 60_000 }, async () => {
    expect(uploads).toHaveLength(CASES / 2);
    for (const u of uploads) {
      for (const s of servers) {
        const r = await fetch(`${s.base}/api/cases/${u.caseId}/files/${u.fileId}`, { headers: { cookie: cookies.window as string }, signal: AbortSignal.timeout(15_000) });
        expect(r.status, `${u.caseId} on ${s.base}`).toBe(200);
        expect(Buffer.from(await r.arrayBuffer()).equals(u.content)).toBe(true);
      }
      const stored = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: s3.keyOf(sm3(u.content)) }));
      expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(u.content)).toBe(true);
    }
    // Nothing went to a data folder: a file kept on one machine would be missing on the others.
    for (const d of dirs) expect(fs.existsSync(path.join(d, 'files')), d).toBe(false);
  });

  it('keep every acknowledged case, acceptance and decision', { timeout: 60_000 }, async () => {
    const mine = (await ok<{ cases: { id: string }[] }>(calls[2]!('GET', '/api/cases', { cookie: cookies.wangfang }), 'my cases')).cases.map((c) => c.id);
    expect(mine.sort()).toEqual([...acked.online].sort());
    // Each case once, none beside the acknowledged ones.
    const all = await query<{ id: string; channel: string }>('select id, channel from cases');
    expect(all.filter((c) => c.channel === 'window').map((c) => c.id).sort()).toEqual([...acked.atWindow].sort());
    expect(all).toHaveLength(CASES);
    for (const [i, id] of [...acked.online, ...acked.atWindow].entries()) {
      const v: CaseView = await newborn.view(calls[i % 3]!, (acked.online.includes(id) ? cookies.wangfang : cookies.window) as string, id);
      expect(v.form.newbornName, id).toMatch(/^李小宝\d+$/);
      expect(['accepted', 'in-progress', 'completed'], id).toContain(v.status);
      for (const item of NEWBORN_FIRST_STAGE) expect(v.progress.find((p) => p.item === item)?.status, `${id} ${item}`).toBe('approved');
      // Both first-stage items approved: the birth registration went out next.
      expect(v.progress.find((p) => p.item === 'ga-birth-registration')?.status, id).toBe('dispatched');
    }
    const approved = await query<{ id: string }>("select id from tasks where status = 'approved'");
    expect(approved.map((t) => t.id).sort()).toEqual([...acked.approved].sort());
    const audit = await ok<{ ok: boolean }>(calls[1]!('GET', '/api/audit/verify', { cookie: cookies.auditor }), 'audit');
    expect(audit.ok).toBe(true);
  });

  it('dispatch each task once: one outbox entry each, and each delivery sent once by one of the three workers', { timeout: 60_000 }, async () => {
    let pending: { delivery_id: string }[] = [];
    for (let i = 0; i < 300; i++) {
      pending = await query("select delivery_id from outbox where status <> 'delivered'");
      if (pending.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(pending).toEqual([]);
    const tasks = await query<{ id: string; department: string; status: string }>('select id, department, status from tasks');
    const outbox = await query<{ delivery_id: string }>("select delivery_id from outbox where kind = 'dispatch'");
    expect(outbox.map((e) => e.delivery_id).sort()).toEqual(tasks.filter((t) => t.status !== 'waiting').map((t) => `dispatch:${t.id}`).sort());

    const wsjkDispatches = tasks.filter((t) => t.department === 'wsjk').map((t) => `dispatch:${t.id}`).sort();
    expect(wsjkDispatches).toHaveLength(CASES);
    expect(receiver.requests.every((r) => r.verify.ok && r.status === 200)).toBe(true);
    expect([...receiver.processed].sort()).toEqual(wsjkDispatches);
    expect(receiver.requests).toHaveLength(CASES);
    expect(receiver.redeliveries).toBe(0);

    for (const s of servers) expect(await s.kill('SIGTERM'), s.output()).toBe('0');
    servers = [];
  });
});
