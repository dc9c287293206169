import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/planning/types.ts';
import { remindCommitments } from '../modules/window/reminders.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../testing/fill.ts';
import { DEMO_PEOPLE } from '../modules/shareddata/demo.ts';

const answers = {
  servesColdDishes: true, servesFreshDrinks: false, servesRawSeafood: false, hasSignboard: true, largeSignboard: false,
  largeVenue: true, staffNeedHealthCheck: true, sellsTobacco: false,
};
const visitor = { idNumber: DEMO_PEOPLE[3]!.idNumber, name: '陈晓梅', phone: '13800990004' };

describe.each(DIALECTS)('开办餐饮店 at the window, on %s', (dialect) => {
  let h: Harness;
  let clerk: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    clerk = await h.login('window');
  });
  afterAll(async () => h.close());

  async function enter(upload: (plan: Plan) => string[]): Promise<{ id: string; plan: Plan }> {
    const created = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'restaurant-opening', applicant: visitor } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const r = await h.request('PUT', `/api/cases/${id}/answers`, { cookie: clerk, body: { answers } });
    expect(r.statusCode, r.body).toBe(200);
    const plan: Plan = r.json().plan;
    expect((await h.request('PUT', `/api/cases/${id}/form`, { cookie: clerk, body: { values: fillForm(plan) } })).statusCode).toBe(200);
    for (const material of upload(plan)) {
      const { payload, headers } = multipart('file', `${material}.pdf`, 'application/pdf', SAMPLE_PDF);
      const up = await h.app.inject({ method: 'POST', url: `/api/cases/${id}/materials/${material}/files`, headers: { ...headers, cookie: clerk }, payload });
      expect(up.statusCode, up.body).toBe(201);
    }
    const submitted = await h.request('POST', `/api/cases/${id}/submit`, { cookie: clerk });
    expect(submitted.statusCode, submitted.body).toBe(200);
    return { id, plan };
  }

  it('finds the visitor by ID number, as the enterprise agent, with the e-business licence sparing its copy', async () => {
    const { plan } = await enter(() => []);
    expect(plan.situation?.id).toBe('with-cold');
    expect(plan.materials.find((m) => m.id === 'business-licence')).toMatchObject({ status: 'exempt', exemption: { kind: 'license' } });
    expect(plan.form.fields.find((f) => f.key === 'enterpriseName')?.value).toBe('示例市好味餐饮管理有限公司');
  });

  it('refuses to accept when materials are missing, then rejects with every correction at once', async () => {
    const { id } = await enter(() => ['food-layout-process']);
    const check = (await h.request('GET', `/api/window/cases/${id}/check`, { cookie: clerk })).json();
    const missing = check.materials.filter((m: { status: string }) => m.status === 'missing');
    expect(missing.length).toBeGreaterThan(3);
    expect(check.materials.find((m: { id: string }) => m.id === 'special-room-layout').review.formal.length).toBeGreaterThan(0);
    const accept = await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: clerk });
    expect(accept.statusCode).toBe(409);
    expect(accept.json().code).toBe('materials-missing');
    const corrections = missing.map((m: { name: string }) => ({ subject: m.name, problem: '未提交', correction: `请补充提交「${m.name}」` }));
    const rejected = await h.request('POST', `/api/window/cases/${id}/reject`, { cookie: clerk, body: { corrections } });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', corrections });
    expect(rejected.json().documents).toEqual([{ kind: 'rejection', url: `/api/cases/${id}/documents/rejection.pdf` }]);
    const pdf = await h.request('GET', `/api/cases/${id}/documents/rejection.pdf`, { cookie: clerk });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: clerk })).json().code).toBe('case-closed');
    const files = await h.deps.db.kysely.selectFrom('case_files').select('status').where('case_id', '=', id).execute();
    expect(files.every((f) => f.status === 'returned')).toBe(true);
  });

  it('accepts on commitment when only deferrable materials are missing, and flags a late supply', async () => {
    const { id, plan } = await enter((p) => p.materials.filter((m) => m.status === 'required' && !m.deferrable).map((m) => m.id));
    const deferrable = plan.materials.filter((m) => m.status === 'required' && m.deferrable).map((m) => m.id);
    expect(deferrable.length).toBeGreaterThan(0);
    const plain = await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: clerk });
    expect(plain.json()).toMatchObject({ code: 'materials-missing' });
    expect(plain.json().message).toContain('均可容缺');
    const bad = await h.request('POST', `/api/window/cases/${id}/accept-on-commitment`, { cookie: clerk, body: { deferred: [{ material: 'food-layout-process', deadline: '2025-10-20' }] } });
    expect(bad.statusCode).toBe(409);
    const deferred = deferrable.map((material) => ({ material, deadline: '2025-10-10' }));
    const accepted = await h.request('POST', `/api/window/cases/${id}/accept-on-commitment`, { cookie: clerk, body: { deferred } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    expect(accepted.json().documents.map((d: { kind: string }) => d.kind)).toEqual(['receipt', 'commitment']);
    expect(accepted.json().progress.filter((p: { status: string }) => p.status === 'dispatched').length).toBe(2);
    expect(accepted.json().applicant).toEqual({ name: '陈晓梅', idNumber: '990102********0044' });
    const list = (await h.request('GET', '/api/window/cases?status=accepted', { cookie: clerk })).json().cases as { id: string }[];
    expect(list.map((c) => c.id)).toContain(id);
    const letter = await h.request('GET', `/api/cases/${id}/documents/commitment.pdf`, { cookie: clerk });
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // A working day before the deadline the applicant is reminded of each material, once; after it, told it is late.
    const reminders = async () => (await h.deps.db.kysely.selectFrom('notifications').select(['kind', 'title', 'body']).where('case_id', '=', id).where('kind', '=', 'commitment-due').orderBy('created_at').execute());
    h.clock.set('2025-09-30T02:00:00Z');
    expect(await remindCommitments(h.deps)).toBe(0);
    h.clock.set('2025-10-09T02:00:00Z');
    expect(await remindCommitments(h.deps)).toBe(deferrable.length);
    expect(await remindCommitments(h.deps)).toBe(0);
    expect((await reminders())[0]).toMatchObject({ title: '容缺材料即将到期', body: expect.stringContaining('请在 2025-10-10 前补交') });
    h.clock.set('2025-10-14T02:00:00Z');
    expect(await remindCommitments(h.deps)).toBe(0);
    expect(await reminders()).toHaveLength(deferrable.length);
    clerk = await h.login('window');
    const material = deferrable[0] as string;
    const { payload, headers } = multipart('file', 'consent.pdf', 'application/pdf', SAMPLE_PDF);
    const up = await h.app.inject({ method: 'POST', url: `/api/cases/${id}/materials/${material}/files`, headers: { ...headers, cookie: clerk }, payload });
    expect(up.statusCode, up.body).toBe(201);
    const supplied = await h.request('POST', `/api/window/cases/${id}/deferred/${material}`, { cookie: clerk });
    expect(supplied.statusCode, supplied.body).toBe(200);
    expect(supplied.json().late).toBe(true);
    expect(supplied.json().case.deferred.find((d: { material: string }) => d.material === material)).toMatchObject({ suppliedOn: '2025-10-14', late: true });
  });
});

describe.each(DIALECTS)('joint inspection organised by the lead department, on %s', (dialect) => {
  let h: Harness;
  afterAll(async () => h.close());

  it('records one inspection across several tasks; only the lead department may', async () => {
    h = await startHarness(dialect);
    const clerk = await h.login('window');
    const created = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'restaurant-opening', applicant: visitor, assisted: { by: '窗口帮办员 刘敏', authority: '申请人年老行动不便，口头委托并签署帮办确认单' } } });
    const id = created.json().id as string;
    expect(created.json().assisted).toEqual({ by: '窗口帮办员 刘敏', authority: '申请人年老行动不便，口头委托并签署帮办确认单' });
    const plan: Plan = (await h.request('PUT', `/api/cases/${id}/answers`, { cookie: clerk, body: { answers } })).json().plan;
    await h.request('PUT', `/api/cases/${id}/form`, { cookie: clerk, body: { values: fillForm(plan) } });
    for (const m of plan.materials.filter((x) => x.status === 'required')) {
      const { payload, headers } = multipart('file', `${m.id}.pdf`, 'application/pdf', SAMPLE_PDF);
      await h.app.inject({ method: 'POST', url: `/api/cases/${id}/materials/${m.id}/files`, headers: { ...headers, cookie: clerk }, payload });
    }
    await h.request('POST', `/api/cases/${id}/submit`, { cookie: clerk });
    expect((await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: clerk })).statusCode).toBe(200);
    const body = { caseId: id, kind: 'inspection', tasks: ['sj-food-business-licence', 'xf-public-venue-fire-safety-check'], heldOn: '2025-09-30', outcome: '经营场所布局、消防设施现场一同勘验，符合要求' };
    const other = await h.request('POST', '/api/department/joint-reviews', { cookie: await h.login('wsjk-lead'), body });
    expect(other.statusCode).toBe(403);
    const lead = await h.request('POST', '/api/department/joint-reviews', { cookie: await h.login('sj-lead'), body });
    expect(lead.statusCode, lead.body).toBe(201);
    const rows = await h.deps.db.kysely.selectFrom('joint_reviews').selectAll().where('case_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.task_ids)).toEqual(body.tasks);
  });
});
