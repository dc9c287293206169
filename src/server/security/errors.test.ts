/**
 * Bad input and wrong moves: each answered with a 4xx, its code and a Chinese message, never a 5xx,
 * and nothing half-written left behind.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/planning/types.ts';
import type { Database } from '../db/schema.ts';
import { signedHeaders, type ClientCredentials } from '../modules/integration/client.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../testing/fill.ts';

const CHINESE = /[\u4e00-\u9fff]/;
const MAX_UPLOAD = 4096;
const OUTSIDE = 'outside-parent-documents';
const WSJK_ITEM = 'wsjk-birth-medical-certificate';
const ANSWERS = {
  bornInProvinceInstitution: true, birthCertificateFirstIssue: true, babyUnderOneYear: true, applicantParent: 'mother',
  joinHousehold: 'mother', hukouLocation: 'other-outside', fertilityRegistered: true, motherMaternityInsured: false,
};
/** Tables whose row counts must not move when a request fails. */
const TABLES = ['cases', 'tasks', 'case_files', 'audit_log', 'notifications', 'outbox', 'licenses', 'circulation', 'idempotency', 'counters', 'accounts'] as const satisfies readonly (keyof Database)[];

/** A 4xx with a stable code and a message in Chinese. */
function expectRefusal(r: LightMyRequestResponse, status: number, code: string): Record<string, unknown> {
  expect(r.statusCode, r.body).toBe(status);
  const body = r.json() as { code: string; message: string; details: unknown[] };
  expect(body.code).toBe(code);
  expect(body.message).toMatch(CHINESE);
  expect(Array.isArray(body.details)).toBe(true);
  return body;
}

describe.each(DIALECTS)('errors on %s', (dialect) => {
  let h: Harness;
  let owner: string;
  let clerk: string;
  let wsjkClient: ClientCredentials;
  let plan: Plan;

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const t of TABLES) {
      const r = await h.deps.db.kysely.selectFrom(t).select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      out[t] = Number(r.n);
    }
    return out;
  };
  const caseState = async (id: string) => {
    const row = await h.deps.db.kysely.selectFrom('cases').select(['status', 'row_version', 'record', 'form', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
    const tasks = await h.deps.db.kysely.selectFrom('tasks').selectAll().where('case_id', '=', id).orderBy('id').execute();
    const files = await h.deps.db.kysely.selectFrom('case_files').select(['id', 'status']).where('case_id', '=', id).orderBy('id').execute();
    return { row, tasks, files };
  };
  const blobs = () => {
    const dir = path.join(h.config.dataDir, 'files');
    return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).length : 0;
  };
  /** Runs a failing call and checks nothing changed: row counts, the case, the stored files. */
  const unchanged = async (caseId: string | null, run: () => Promise<void>) => {
    const before = { counts: await counts(), state: caseId ? await caseState(caseId) : null, blobs: blobs() };
    await run();
    expect({ counts: await counts(), state: caseId ? await caseState(caseId) : null, blobs: blobs() }).toEqual(before);
  };

  const draft = async (cookie = owner): Promise<string> => {
    const created = await h.request('POST', '/api/cases', { cookie, body: { matterId: 'newborn-birth' } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const answered = await h.request('PUT', `/api/cases/${id}/answers`, { cookie, body: { answers: ANSWERS, chosenItems: [] } });
    expect(answered.statusCode, answered.body).toBe(200);
    plan = answered.json().plan;
    expect((await h.request('PUT', `/api/cases/${id}/form`, { cookie, body: { values: fillForm(plan, { newbornName: '李小宝' }) } })).statusCode).toBe(200);
    return id;
  };
  const upload = (id: string, material: string, name: string, mime: string, data: Buffer, cookie = owner) => {
    const m = multipart('file', name, mime, data);
    return h.app.inject({ method: 'POST', url: `/api/cases/${id}/materials/${material}/files`, headers: { ...m.headers, cookie }, payload: m.payload });
  };
  const submitted = async (): Promise<string> => {
    const id = await draft();
    expect((await upload(id, OUTSIDE, '户口簿.pdf', 'application/pdf', SAMPLE_PDF)).statusCode).toBe(201);
    const r = await h.request('POST', `/api/cases/${id}/submit`, { cookie: owner });
    expect(r.statusCode, r.body).toBe(200);
    return id;
  };
  const accepted = async (): Promise<string> => {
    const id = await submitted();
    const r = await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: clerk });
    expect(r.statusCode, r.body).toBe(200);
    return id;
  };
  const decide = async (caseId: string, username: string, item: string) => {
    const cookie = await h.login(username);
    expect((await h.request('POST', `/api/department/tasks/${caseId}/${item}/claim`, { cookie })).statusCode).toBe(200);
    const r = await h.request('POST', `/api/department/tasks/${caseId}/${item}/approve`, { cookie, body: {} });
    expect(r.statusCode, r.body).toBe(200);
  };
  const signed = (client: ClientCredentials, method: string, url: string, body?: unknown) => {
    const raw = body === undefined ? '' : JSON.stringify(body);
    const headers = signedHeaders(client, { method, url, body: raw, timestamp: Math.floor(h.clock.now().getTime() / 1000) });
    return h.app.inject({ method: method as 'POST', url, headers: { ...headers, ...(raw ? { 'content-type': 'application/json' } : {}) }, ...(raw ? { payload: raw } : {}) });
  };
  const raw = (method: string, url: string, payload: string | Buffer, contentType: string, cookie = owner) =>
    h.app.inject({ method: method as 'POST', url, headers: { cookie, 'content-type': contentType }, payload });

  beforeAll(async () => {
    h = await startHarness(dialect, { ONETHING_UPLOAD_MAX_BYTES: String(MAX_UPLOAD) });
    owner = await h.login('wangfang');
    clerk = await h.login('window');
    const r = await h.request('POST', '/api/admin/api-clients', { cookie: await h.login('admin'), body: { department: 'wsjk', name: '出生医学证明管理系统' } });
    wsjkClient = r.json();
  });
  afterAll(async () => h.close());

  describe('malformed requests', () => {
    it('refuses malformed JSON with 400 malformed-json, creating nothing', async () => {
      const id = await draft();
      await unchanged(id, async () => {
        expectRefusal(await raw('POST', '/api/cases', '{"matterId":', 'application/json'), 400, 'malformed-json');
        expectRefusal(await raw('PUT', `/api/cases/${id}/form`, '{"values": {"newbornName": "李"', 'application/json'), 400, 'malformed-json');
        expectRefusal(await raw('POST', '/api/auth/login', "{'username':'admin'}", 'application/json; charset=utf-8'), 400, 'malformed-json');
      });
    });

    it('refuses wrong types, missing and unknown fields, naming each in Chinese', async () => {
      const id = await draft();
      await unchanged(id, async () => {
        const typed = expectRefusal(await h.request('POST', '/api/cases', { cookie: owner, body: { matterId: 42 } }), 400, 'invalid-request');
        expect(typed.details).toEqual([{ path: 'body.matterId', message: '类型不对，应为文本', code: 'type' }]);
        const missing = expectRefusal(await h.request('POST', '/api/cases', { cookie: owner, body: {} }), 400, 'invalid-request');
        expect(missing.details).toEqual([{ path: 'body.matterId', message: '缺少必填项「matterId」', code: 'required' }]);
        const extra = expectRefusal(await h.request('POST', '/api/cases', { cookie: owner, body: { matterId: 'newborn-birth', admin: true } }), 400, 'invalid-request');
        expect(extra.details).toEqual([{ path: 'body.admin', message: '不认识的字段「admin」', code: 'additionalProperties' }]);
        expectRefusal(await h.request('PUT', `/api/cases/${id}/answers`, { cookie: owner, body: { answers: 'yes' } }), 400, 'invalid-request');
        expectRefusal(await h.request('PUT', `/api/cases/${id}/form`, { cookie: owner, body: { values: ['x'] } }), 400, 'invalid-request');
        expectRefusal(await raw('POST', '/api/cases', 'matterId=newborn-birth', 'text/plain'), 415, 'unsupported-media-type');
        expectRefusal(await raw('POST', '/api/cases', '<case/>', 'application/xml'), 415, 'unsupported-media-type');
        const query = expectRefusal(await h.request('GET', '/api/department/tasks?status=bogus', { cookie: await h.login('wsjk-reviewer') }), 400, 'invalid-request');
        expect((query.details as { path: string }[])[0]?.path).toBe('querystring.status');
        // A field of the form that is filled in wrongly: the whole save is refused.
        const form = expectRefusal(await h.request('PUT', `/api/cases/${id}/form`, { cookie: owner, body: { values: { newbornName: '王小宝', applicantMobile: '12345' } } }), 400, 'invalid-form');
        expect(form.details).toEqual([expect.objectContaining({ path: 'form.applicantMobile', message: expect.stringMatching(CHINESE) })]);
        expectRefusal(await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'newborn-birth', applicant: { idNumber: '110105198001010010', name: '某人' } } }), 400, 'invalid-id-number');
      });
    });

    it('answers unknown ids and routes with 404 (or 400 for ids that cannot be ids)', async () => {
      const id = await draft();
      await unchanged(id, async () => {
        expectRefusal(await h.request('GET', `/api/cases/${randomUUID()}`, { cookie: owner }), 404, 'not-found');
        expectRefusal(await h.request('POST', `/api/window/cases/${randomUUID()}/accept`, { cookie: clerk }), 404, 'not-found');
        expectRefusal(await h.request('GET', `/api/department/tasks/${randomUUID()}/${WSJK_ITEM}`, { cookie: await h.login('wsjk-reviewer') }), 404, 'not-found');
        expectRefusal(await h.request('POST', `/api/department/tasks/${id}/no-such-item/approve`, { cookie: await h.login('wsjk-reviewer'), body: {} }), 404, 'not-found');
        expectRefusal(await h.request('POST', '/api/cases', { cookie: owner, body: { matterId: 'no-such-matter' } }), 404, 'not-found');
        expectRefusal(await h.request('GET', '/api/public/matters/no-such-matter'), 404, 'not-found');
        expectRefusal(await h.request('GET', '/api/public/items/no-such-item'), 404, 'not-found');
        expectRefusal(await h.request('GET', `/api/cases/${id}/files/${randomUUID()}`, { cookie: owner }), 404, 'not-found');
        expectRefusal(await h.request('GET', '/api/cases/not-a-uuid', { cookie: owner }), 400, 'invalid-request');
        expectRefusal(await h.request('GET', '/api/no-such-route', { cookie: owner }), 404, 'route-not-found');
      });
    });

    it('refuses an upload for a material not on the case\'s list, or once the case is submitted, writing no row', async () => {
      const id = await draft();
      const other = Buffer.concat([SAMPLE_PDF, Buffer.from(`% ${randomUUID()}\n`)]);
      const rows = { counts: await counts(), state: await caseState(id) };
      expectRefusal(await upload(id, 'no-such-material', '材料.pdf', 'application/pdf', other), 400, 'unknown-material');
      expectRefusal(await upload(id, 'parents-id-cards', '身份证.pdf', 'application/pdf', other), 409, 'material-exempt');
      expect({ counts: await counts(), state: await caseState(id) }).toEqual(rows);
      const sent = await submitted();
      const before = { counts: await counts(), state: await caseState(sent) };
      expectRefusal(await upload(sent, OUTSIDE, '补充.pdf', 'application/pdf', other), 409, 'case-not-editable');
      expect({ counts: await counts(), state: await caseState(sent) }).toEqual(before);
    });

    // BUG (src/server/modules/cases/service.ts, addFile): the file is put in the store before the
    // material and the case's state are checked, so a refused upload leaves its content on disk.
    it('keeps no stored file of an upload refused for its material', async () => {
      const id = await draft();
      const before = blobs();
      expectRefusal(await upload(id, 'no-such-material', '材料.pdf', 'application/pdf', Buffer.concat([SAMPLE_PDF, Buffer.from(randomUUID())])), 400, 'unknown-material');
      expect(blobs()).toBe(before);
    });

    it('never answers a 5xx to garbage sent to any documented route', async () => {
      const doc = (await h.request('GET', '/openapi.json')).json() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
      const callers = [owner, clerk, await h.login('wsjk-reviewer'), await h.login('admin')];
      const failures: string[] = [];
      for (const [template, ops] of Object.entries(doc.paths)) {
        const url = template.replace(/\{(\w+)\}/g, () => randomUUID());
        for (const [method, op] of Object.entries(ops)) {
          if (method === 'get' || method === 'head' || url === '/api/auth/logout') continue;
          const payloads = ['{"broken": ', ...(op.requestBody ? ['[]', '"text"', '{"__proto__": {"polluted": true}}', JSON.stringify({ x: 'y'.repeat(5000) })] : [])];
          for (const cookie of callers) {
            for (const payload of payloads) {
              const r = await raw(method.toUpperCase(), url, payload, 'application/json', cookie);
              if (r.statusCode < 400 || r.statusCode >= 500 || !CHINESE.test(String(r.json().message))) failures.push(`${method} ${template} ${payload.slice(0, 20)} → ${r.statusCode} ${r.body.slice(0, 120)}`);
            }
          }
          const forged = await signed(wsjkClient, method.toUpperCase(), url, { junk: true });
          if (forged.statusCode >= 500) failures.push(`client ${method} ${template} → ${forged.statusCode}`);
        }
      }
      expect(failures).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('uploads', () => {
    it('refuses a file over the size limit with 413, keeping nothing of it', async () => {
      const id = await draft();
      const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(MAX_UPLOAD + 1, 0x20)]);
      await unchanged(id, async () => {
        expectRefusal(await upload(id, OUTSIDE, '大文件.pdf', 'application/pdf', big), 413, 'payload-too-large');
      });
      const json = JSON.stringify({ matterId: 'x'.repeat(1024 * 1024 + 1) });
      await unchanged(null, async () => {
        expectRefusal(await raw('POST', '/api/cases', json, 'application/json'), 413, 'payload-too-large');
      });
      // Just under the limit is fine.
      const fits = Buffer.concat([SAMPLE_PDF, Buffer.alloc(MAX_UPLOAD - SAMPLE_PDF.length, 0x20)]);
      expect((await upload(id, OUTSIDE, '刚好.pdf', 'application/pdf', fits)).statusCode).toBe(201);
    });

    it('refuses a file whose content is not of its declared type, or of a type not accepted', async () => {
      const id = await draft();
      const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200)]);
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
      await unchanged(id, async () => {
        expectRefusal(await upload(id, OUTSIDE, '户口簿.png', 'image/png', SAMPLE_PDF), 415, 'unsupported-file-type');
        expectRefusal(await upload(id, OUTSIDE, '户口簿.pdf', 'application/pdf', exe), 415, 'unsupported-file-type');
        expectRefusal(await upload(id, OUTSIDE, '户口簿.jpg', 'image/jpeg', png), 415, 'unsupported-file-type');
        expectRefusal(await upload(id, OUTSIDE, 'setup.exe', 'application/x-msdownload', exe), 415, 'unsupported-file-type');
        expectRefusal(await upload(id, OUTSIDE, '空.pdf', 'application/pdf', Buffer.alloc(0)), 415, 'unsupported-file-type');
      });
      expectRefusal(await h.request('POST', `/api/cases/${id}/materials/${OUTSIDE}/files`, { cookie: owner, body: { file: 'x' } }), 400, 'not-multipart');
      expect((await upload(id, OUTSIDE, '户口簿.png', 'image/png', png)).statusCode).toBe(201);
    });
  });

  describe('moves not allowed in the current state', () => {
    it('refuses to accept a withdrawn case', async () => {
      const id = await submitted();
      expect((await h.request('POST', `/api/cases/${id}/withdraw`, { cookie: owner })).statusCode).toBe(200);
      await unchanged(id, async () => {
        const r = expectRefusal(await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: clerk }), 409, 'case-closed');
        expect(r.message).toContain('撤回');
        expectRefusal(await h.request('POST', `/api/window/cases/${id}/reject`, { cookie: clerk, body: { kind: 'not-eligible', reason: '不具备资格' } }), 409, 'case-closed');
      });
      expect((await caseState(id)).row.status).toBe('withdrawn');
      expect((await caseState(id)).tasks).toEqual([]);
    });

    it('refuses to accept a case twice', async () => {
      const id = await accepted();
      await unchanged(id, async () => {
        expectRefusal(await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: clerk }), 409, 'case-already-accepted');
        expectRefusal(await h.request('POST', `/api/window/cases/${id}/accept-on-commitment`, { cookie: clerk, body: { deferred: [{ material: OUTSIDE, deadline: '2025-10-20' }] } }), 409, 'case-already-accepted');
        expectRefusal(await h.request('POST', `/api/cases/${id}/submit`, { cookie: owner }), 409, 'case-not-draft');
      });
    });

    it('refuses to decide a task another reviewer has claimed', async () => {
      const id = await accepted();
      await h.identity.createAccount({ username: `wsjk-reviewer-${id.slice(0, 6)}`, password: 'Demo@2026', role: 'reviewer', displayName: 'wsjk 审批员二', department: 'wsjk' });
      const first = await h.login('wsjk-reviewer');
      const second = await h.login(`wsjk-reviewer-${id.slice(0, 6)}`);
      const base = `/api/department/tasks/${id}/${WSJK_ITEM}`;
      expect((await h.request('POST', `${base}/claim`, { cookie: first })).statusCode).toBe(200);
      await unchanged(id, async () => {
        expectRefusal(await h.request('POST', `${base}/approve`, { cookie: second, body: {} }), 409, 'task-not-claimed-by-you');
        expectRefusal(await h.request('POST', `${base}/refuse`, { cookie: second, body: { reasons: ['不符合'] } }), 409, 'task-not-claimed-by-you');
        expectRefusal(await h.request('POST', `${base}/supplement`, { cookie: second, body: { materials: [{ id: 'parents-id-cards' }], note: '补' } }), 409, 'task-not-claimed-by-you');
        expectRefusal(await h.request('POST', `${base}/claim`, { cookie: second }), 409, 'task-not-claimable');
        expectRefusal(await h.request('POST', `${base}/approve`, { cookie: await h.login('wsjk-lead'), body: {} }), 409, 'task-not-claimed-by-you');
      });
    });

    // BUG (src/server/modules/tasks/service.ts, release): release does not check who holds the task, so
    // any reviewer of the department (or its system) can release a colleague's claim, claim it and decide.
    it('refuses to release a task another reviewer holds', async () => {
      const id = await accepted();
      await h.identity.createAccount({ username: `wsjk-reviewer-r${id.slice(0, 6)}`, password: 'Demo@2026', role: 'reviewer', displayName: 'wsjk 审批员三', department: 'wsjk' });
      const base = `/api/department/tasks/${id}/${WSJK_ITEM}`;
      expect((await h.request('POST', `${base}/claim`, { cookie: await h.login('wsjk-reviewer') })).statusCode).toBe(200);
      const r = await h.request('POST', `${base}/release`, { cookie: await h.login(`wsjk-reviewer-r${id.slice(0, 6)}`) });
      expect(r.statusCode, r.body).toBe(409);
    });

    it('refuses to approve a task still waiting for the items before it', async () => {
      const id = await accepted();
      const ga = await h.login('ga-reviewer');
      const base = `/api/department/tasks/${id}/ga-birth-registration`;
      const gaClient = (await h.request('POST', '/api/admin/api-clients', { cookie: await h.login('admin'), body: { department: 'ga', name: '户籍系统' } })).json() as ClientCredentials;
      await unchanged(id, async () => {
        expectRefusal(await h.request('POST', `${base}/claim`, { cookie: ga }), 409, 'task-not-claimable');
        expectRefusal(await h.request('POST', `${base}/approve`, { cookie: ga, body: {} }), 409, 'task-not-claimed-by-you');
        expectRefusal(await signed(gaClient, 'POST', `${base}/approve`, {}), 409, 'task-not-open');
      });
      expect((await caseState(id)).tasks.find((t) => t.item_id === 'ga-birth-registration')?.status).toBe('waiting');
    });

    it('refuses to withdraw a completed case', async () => {
      const id = await accepted();
      await decide(id, 'wsjk-reviewer', WSJK_ITEM);
      await decide(id, 'jk-reviewer', 'jk-vaccination-certificate');
      await decide(id, 'ga-reviewer', 'ga-birth-registration');
      await decide(id, 'yb-reviewer', 'yb-resident-insurance-enrolment');
      await decide(id, 'rs-reviewer', 'rs-ssc-application');
      expect((await h.request('GET', `/api/cases/${id}`, { cookie: owner })).json().status).toBe('completed');
      await unchanged(id, async () => {
        expectRefusal(await h.request('POST', `/api/cases/${id}/withdraw`, { cookie: owner }), 409, 'case-already-decided');
        expectRefusal(await h.request('POST', `/api/department/tasks/${id}/${WSJK_ITEM}/refuse`, { cookie: await h.login('wsjk-reviewer'), body: { reasons: ['改主意'] } }), 409, 'task-already-decided');
        expectRefusal(await h.request('POST', `/api/cases/${id}/tasks/${WSJK_ITEM}/supplement-provided`, { cookie: owner }), 409, 'task-already-decided');
      });
      expect((await caseState(id)).files.every((f) => f.status === 'attached')).toBe(true);
    });

    it('refuses a second approval of a decided task with 409', async () => {
      const id = await accepted();
      const cookie = await h.login('wsjk-reviewer');
      const base = `/api/department/tasks/${id}/${WSJK_ITEM}`;
      expect((await h.request('POST', `${base}/claim`, { cookie })).statusCode).toBe(200);
      expect((await h.request('POST', `${base}/approve`, { cookie, body: { number: `N-${id.slice(0, 8)}` } })).statusCode).toBe(200);
      await unchanged(id, async () => {
        expectRefusal(await h.request('POST', `${base}/approve`, { cookie, body: { number: `M-${id.slice(0, 8)}` } }), 409, 'task-already-decided');
        expectRefusal(await h.request('POST', `${base}/approve`, { cookie, body: {} }), 409, 'task-already-decided');
      });
    });

    // BUG (src/server/modules/tasks/service.ts, approve): the e-license row is inserted before the task
    // machine checks the task may be approved, so a repeated approval carrying the same certificate
    // number (or any number another license has) hits the unique index: 500 instead of 409.
    it('answers 409, not 500, to an approval repeating a certificate number', async () => {
      const id = await accepted();
      const cookie = await h.login('wsjk-reviewer');
      const base = `/api/department/tasks/${id}/${WSJK_ITEM}`;
      expect((await h.request('POST', `${base}/claim`, { cookie })).statusCode).toBe(200);
      const number = `DUP-${id.slice(0, 8)}`;
      expect((await h.request('POST', `${base}/approve`, { cookie, body: { number } })).statusCode).toBe(200);
      const again = await h.request('POST', `${base}/approve`, { cookie, body: { number } });
      expect(again.statusCode, again.body).toBe(409);
    });
  });
});
