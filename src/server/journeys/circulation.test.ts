import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/planning/types.ts';
import { verifyAudit } from '../modules/audit/audit.ts';
import { sealSign } from '../modules/tasks/seals.ts';
import { fillForm } from '../testing/fill.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';

const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none', hasHousingFund: false };

interface Movement { id: string; kind: string; from: string; to: string; received: boolean; senderVerified: boolean; receiverVerified: boolean; senderSignature?: string }

describe.each(DIALECTS)('材料流转 signed on both sides, on %s', (dialect) => {
  let h: Harness;
  let applicant: string;
  let clerk: string;
  let caseId: string;
  let plan: Plan;
  let courierId: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    applicant = await h.login('zhangjianguo');
    clerk = await h.login('window');
  });
  afterAll(async () => h.close());

  const send = (cookie: string, body: unknown) => h.request('POST', '/api/circulation', { cookie, body });
  const receive = (cookie: string, id: string) => h.request('POST', `/api/circulation/${id}/receive`, { cookie });
  const list = async (cookie: string): Promise<Movement[]> => {
    const r = await h.request('GET', `/api/cases/${caseId}/circulation`, { cookie });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().movements;
  };

  it('submits and accepts a retirement case, so rs and yb have tasks in it', async () => {
    caseId = (await h.request('POST', '/api/cases', { cookie: applicant, body: { matterId: 'retirement' } })).json().id;
    plan = (await h.request('PUT', `/api/cases/${caseId}/answers`, { cookie: applicant, body: { answers, chosenItems: [] } })).json().plan;
    expect((await h.request('PUT', `/api/cases/${caseId}/form`, { cookie: applicant, body: { values: fillForm(plan) } })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/cases/${caseId}/submit`, { cookie: applicant })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/window/cases/${caseId}/accept`, { cookie: clerk })).statusCode).toBe(200);
    expect(plan.items.map((i) => i.department.code)).toEqual(expect.arrayContaining(['rs', 'yb']));
  });

  it('the window sends a material to rs by courier, sealed by zwfw; rs signs for it with its own seal', async () => {
    const materialId = plan.materials[0]?.id;
    const sent = await send(clerk, { caseId, kind: 'courier', to: 'rs', waybill: 'SF1234567890', ...(materialId ? { materialId } : {}) });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ kind: 'courier', from: 'zwfw', to: 'rs', waybill: 'SF1234567890', received: false, senderVerified: true, receiverVerified: false });
    courierId = sent.json().id;
    const rs = await h.login('rs-reviewer');
    const got = await receive(rs, courierId);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toMatchObject({ received: true, senderVerified: true, receiverVerified: true, receivedBy: expect.any(String) });
    const again = await receive(rs, courierId);
    expect([again.statusCode, again.json().code]).toEqual([409, 'already-received']);
    for (const cookie of [clerk, rs, await h.login('yb-reviewer')]) {
      expect((await list(cookie)).find((m) => m.id === courierId)).toMatchObject({ senderVerified: true, receiverVerified: true, senderSignature: expect.any(String) });
    }
  });

  it('a department hands materials back to the applicant; the window signs for the applicant', async () => {
    const rs = await h.login('rs-reviewer');
    const sent = await send(rs, { caseId, kind: 'return', to: 'applicant' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await receive(await h.login('yb-reviewer'), sent.json().id)).statusCode).toBe(403);
    const got = await receive(clerk, sent.json().id);
    expect(got.json()).toMatchObject({ from: 'rs', to: 'applicant', senderVerified: true, receiverVerified: true });
  });

  it('also verifies the seal on a counter pick-up recorded by the results module', async () => {
    const rs = await h.login('rs-reviewer');
    const base = `/api/department/tasks/${caseId}/rs-pension-retirement`;
    expect((await h.request('POST', `${base}/claim`, { cookie: rs })).statusCode).toBe(200);
    expect((await h.request('POST', `${base}/approve`, { cookie: rs, body: {} })).statusCode).toBe(200);
    const pickup = await h.request('POST', `/api/window/cases/${caseId}/deliveries`, { cookie: clerk, body: { method: 'pickup', recipient: '张建国' } });
    expect(pickup.statusCode, pickup.body).toBe(201);
    expect((await list(clerk)).find((m) => m.id === pickup.json().id)).toMatchObject({ kind: 'result-pickup', senderVerified: true, received: true });
  });

  it('tells the applicant the waybill number when the result goes by post', async () => {
    const posted = await h.request('POST', `/api/window/cases/${caseId}/deliveries`, { cookie: clerk, body: { method: 'post', recipient: '张建国', waybill: 'SF9876543210' } });
    expect(posted.statusCode, posted.body).toBe(201);
    expect((await list(clerk)).find((m) => m.id === posted.json().id)).toMatchObject({ kind: 'result-post', waybill: 'SF9876543210', received: false });
    const inbox = (await h.request('GET', '/api/inbox', { cookie: applicant })).json().notifications as { kind: string; title: string; body: string }[];
    expect(inbox).toContainEqual(expect.objectContaining({ kind: 'result', title: '办理结果已寄出', body: expect.stringContaining('运单号 SF9876543210') }));
  });

  it('shows the applicant every movement without signatures, and no one outside the case', async () => {
    const mine = await list(applicant);
    expect(mine.map((m) => m.kind)).toEqual(expect.arrayContaining(['courier', 'return']));
    for (const m of mine) {
      expect(m).not.toHaveProperty('senderSignature');
      expect(m).not.toHaveProperty('receiverSignature');
      expect(m).not.toHaveProperty('sentBy');
    }
    const outsiders: [string, number][] = [['wangfang', 404], ['sj-reviewer', 404], ['admin', 403]];
    for (const [user, status] of outsiders) {
      expect((await h.request('GET', `/api/cases/${caseId}/circulation`, { cookie: await h.login(user) })).statusCode, user).toBe(status);
    }
    expect((await h.request('GET', `/api/cases/${caseId}/circulation`)).statusCode).toBe(401);
  });

  it('detects a tampered signature or record', async () => {
    const db = h.deps.db.kysely;
    // A genuine zwfw seal, but over another record.
    const forged = await sealSign(db, h.deps, 'zwfw', { id: courierId, caseId, kind: 'courier', to: 'rs' });
    await db.updateTable('circulation').set({ sender_signature: forged }).where('id', '=', courierId).execute();
    let m = (await list(clerk)).find((x) => x.id === courierId);
    expect(m).toMatchObject({ senderVerified: false, receiverVerified: true });
    await db.updateTable('circulation').set({ waybill: 'YT0000000000' }).where('id', '=', courierId).execute();
    m = (await list(clerk)).find((x) => x.id === courierId);
    expect(m).toMatchObject({ senderVerified: false, receiverVerified: false });
  });

  it('refuses bad movements with 4xx and stable codes', async () => {
    const rs = await h.login('rs-reviewer');
    const cases: [string, unknown, number, string, string?][] = [
      [clerk, { caseId, kind: 'courier', to: 'rs' }, 400, 'waybill-required', 'body.waybill'],
      [clerk, { caseId, kind: 'courier', to: 'rs', waybill: '运单 123' }, 400, 'invalid-request', 'body.waybill'],
      [clerk, { caseId, kind: 'teleport', to: 'rs' }, 400, 'invalid-request', 'body.kind'],
      [clerk, { caseId, kind: 'handover' }, 400, 'invalid-request', 'body.to'],
      [clerk, { caseId: 'nope', kind: 'handover', to: 'rs' }, 400, 'invalid-request', 'body.caseId'],
      [clerk, { caseId, kind: 'handover', to: 'RS!' }, 400, 'invalid-request', 'body.to'],
      [clerk, { caseId, kind: 'handover', to: 'sj' }, 400, 'not-a-party', 'body.to'],
      [clerk, { caseId, kind: 'handover', to: 'zwfw' }, 400, 'same-party', 'body.to'],
      [clerk, { caseId, kind: 'handover', to: 'rs', materialId: 'no-such-material' }, 400, 'unknown-material', 'body.materialId'],
      [clerk, { caseId: '00000000-0000-4000-8000-000000000000', kind: 'handover', to: 'rs' }, 404, 'not-found'],
      [rs, { caseId, kind: 'handover', to: 'rs' }, 400, 'same-party', 'body.to'],
      [await h.login('sj-reviewer'), { caseId, kind: 'handover', to: 'rs' }, 404, 'not-found'],
      [applicant, { caseId, kind: 'handover', to: 'rs' }, 403, 'forbidden'],
    ];
    for (const [cookie, body, status, code, path] of cases) {
      const r = await send(cookie, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(status);
      expect(r.json().code).toBe(code);
      expect(r.json().message).toMatch(/[\u4e00-\u9fa5]/);
      if (path) expect(r.json().details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const draft = (await h.request('POST', '/api/cases', { cookie: applicant, body: { matterId: 'retirement' } })).json().id;
    const early = await send(clerk, { caseId: draft, kind: 'handover', to: 'applicant' });
    expect([early.statusCode, early.json().code]).toEqual([409, 'case-not-submitted']);
    expect((await receive(clerk, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await receive(clerk, 'nope')).statusCode).toBe(400);
    expect((await receive(applicant, courierId)).statusCode).toBe(403);
    const toYb = (await send(clerk, { caseId, kind: 'handover', to: 'yb' })).json().id;
    expect((await receive(await h.login('sj-reviewer'), toYb)).statusCode).toBe(404);
    expect((await receive(rs, toYb)).statusCode).toBe(403);
  });

  it('chained every change in the audit log', async () => {
    const actions = (await h.deps.db.kysely.selectFrom('audit_log').select('action').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['circulation.courier', 'circulation.return', 'circulation.received', 'circulation.handover']));
    expect(await verifyAudit(h.deps.db.kysely)).toMatchObject({ ok: true });
  });
});
