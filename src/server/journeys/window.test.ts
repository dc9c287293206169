import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/planning/types.ts';
import { remindCommitments } from '../modules/window/reminders.ts';
import { signedHeaders } from '../modules/integration/client.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../testing/fill.ts';
import { DEMO_PEOPLE } from '../modules/shareddata/demo.ts';
import { residentIdCheckChar } from '../../core/fields/validators.ts';

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

  it('refuses an ID number entered under another name than its account\'s, writing nothing', async () => {
    const count = async () => ({
      cases: (await h.deps.db.kysely.selectFrom('cases').select('id').execute()).length,
      accounts: (await h.deps.db.kysely.selectFrom('accounts').select('id').execute()).length,
    });
    const before = await count();
    const wrong = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'restaurant-opening', applicant: { ...visitor, name: '陈小梅' } } });
    expect([wrong.statusCode, wrong.json().code]).toEqual([409, 'applicant-name-mismatch']);
    expect(wrong.json().message).toBe('证件号码与姓名不一致，请核对身份证件');
    expect(wrong.json().details.map((d: { path: string }) => d.path)).toEqual(['applicant.name']);
    const blank = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'restaurant-opening', applicant: { ...visitor, name: '  ' } } });
    expect([blank.statusCode, blank.json().code, blank.json().details[0].path]).toEqual([400, 'name-required', 'applicant.name']);
    expect(await count()).toEqual(before);
    // Spaces around the name, as typed from a card reader, are not a different name.
    const padded = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'restaurant-opening', applicant: { ...visitor, name: ' 陈晓梅 ' } } });
    expect(padded.statusCode, padded.body).toBe(201);
    expect(padded.json().applicant).toEqual({ name: '陈晓梅', idNumber: '990102********0044' });
    // A visitor new to the platform gets an account under the name given; that name then holds.
    const stranger = { idNumber: `11010519800101002${residentIdCheckChar('11010519800101002')}`, name: '赵一' };
    const first = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'restaurant-opening', applicant: stranger } });
    expect(first.statusCode, first.body).toBe(201);
    const again = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'restaurant-opening', applicant: { ...stranger, name: '钱二' } } });
    expect([again.statusCode, again.json().code]).toEqual([409, 'applicant-name-mismatch']);
  });

  it('refuses an ID number the population register holds under another name, though no account has it yet', async () => {
    const liQiang = DEMO_PEOPLE.find((p) => p.name === '李强');
    if (!liQiang) throw new Error('demo register lacks 李强');
    expect(await h.identity.findByIdNumber(liQiang.idNumber)).toBeNull();
    const accounts = async () => (await h.deps.db.kysely.selectFrom('accounts').select('id').execute()).length;
    const before = await accounts();
    const wrong = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'newborn-birth', applicant: { idNumber: liQiang.idNumber, name: '李四' } } });
    expect([wrong.statusCode, wrong.json().code, wrong.json().details[0].path]).toEqual([409, 'applicant-name-mismatch', 'applicant.name']);
    expect(await accounts()).toBe(before);
    const right = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'newborn-birth', applicant: { idNumber: liQiang.idNumber, name: '李强' } } });
    expect(right.statusCode, right.body).toBe(201);
  });

  it('refuses to accept when materials are missing, then tells every correction at once, keeping the case open', async () => {
    const { id } = await enter(() => ['food-layout-process']);
    const check = (await h.request('GET', `/api/window/cases/${id}/check`, { cookie: clerk })).json();
    const missing = check.materials.filter((m: { status: string }) => m.status === 'missing');
    expect(missing.length).toBeGreaterThan(3);
    expect(check.materials.find((m: { id: string }) => m.id === 'special-room-layout').review.formal.length).toBeGreaterThan(0);
    const accept = await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: clerk });
    expect(accept.statusCode).toBe(409);
    expect(accept.json().code).toBe('materials-missing');
    const items = missing.map((m: { id: string; name: string }) => ({ material: m.id, problem: '未提交', correction: `请补充提交「${m.name}」` }));
    const asked = await h.request('POST', `/api/window/cases/${id}/corrections`, { cookie: clerk, body: { items } });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ status: 'correcting', statusLabel: '待补正' });
    expect(asked.json().correction.items.map((x: { name: string }) => x.name)).toEqual(missing.map((m: { name: string }) => m.name));
    expect(asked.json().documents).toEqual([{ kind: 'corrections', url: `/api/cases/${id}/documents/corrections.pdf` }]);
    const pdf = await h.request('GET', `/api/cases/${id}/documents/corrections.pdf`, { cookie: clerk });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: clerk })).json().code).toBe('corrections-not-supplied');
    const files = await h.deps.db.kysely.selectFrom('case_files').select('status').where('case_id', '=', id).execute();
    expect(files.every((f) => f.status === 'attached')).toBe(true);
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
  let id: string;
  let body: { caseId: string; kind: string; tasks: string[]; heldOn: string; outcome: string };
  const record = (cookie: string, b: unknown = body) => h.request('POST', '/api/department/joint-reviews', { cookie, body: b });
  const recorded = async () => h.deps.db.kysely.selectFrom('joint_reviews').selectAll().where('case_id', '=', id).execute();
  beforeAll(async () => {
    h = await startHarness(dialect);
    // 01:00 on 30 September in China, still the 29th in UTC: the acceptance day is China's.
    h.clock.set('2025-09-29T17:00:00Z');
  });
  afterAll(async () => h.close());

  it('refuses a joint review before the case is accepted', async () => {
    const clerk = await h.login('window');
    const created = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'restaurant-opening', applicant: visitor, assisted: { by: '窗口帮办员 刘敏', authority: '申请人年老行动不便，口头委托并签署帮办确认单' } } });
    id = created.json().id as string;
    expect(created.json().assisted).toEqual({ by: '窗口帮办员 刘敏', authority: '申请人年老行动不便，口头委托并签署帮办确认单' });
    const plan: Plan = (await h.request('PUT', `/api/cases/${id}/answers`, { cookie: clerk, body: { answers } })).json().plan;
    await h.request('PUT', `/api/cases/${id}/form`, { cookie: clerk, body: { values: fillForm(plan) } });
    for (const m of plan.materials.filter((x) => x.status === 'required')) {
      const { payload, headers } = multipart('file', `${m.id}.pdf`, 'application/pdf', SAMPLE_PDF);
      await h.app.inject({ method: 'POST', url: `/api/cases/${id}/materials/${m.id}/files`, headers: { ...headers, cookie: clerk }, payload });
    }
    await h.request('POST', `/api/cases/${id}/submit`, { cookie: clerk });
    body = { caseId: id, kind: 'inspection', tasks: ['sj-food-business-licence', 'xf-public-venue-fire-safety-check'], heldOn: '2025-09-30', outcome: '经营场所布局、消防设施现场一同勘验，符合要求' };
    const early = await record(await h.login('sj-lead'));
    expect([early.statusCode, early.json().code]).toEqual([409, 'case-not-accepted']);
    expect((await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: clerk })).statusCode).toBe(200);
  });

  it('lets only the lead department\'s manager record it: not another department, nor its reviewer or system', async () => {
    const other = await record(await h.login('wsjk-lead'));
    expect([other.statusCode, other.json().code]).toEqual([403, 'forbidden']);
    const reviewer = await record(await h.login('sj-reviewer'));
    expect([reviewer.statusCode, reviewer.json().code]).toEqual([403, 'forbidden']);
    expect(reviewer.json().message).toMatch(/牵头部门/);
    const client = (await h.request('POST', '/api/admin/api-clients', { cookie: await h.login('admin'), body: { department: 'sj', name: '市场监管业务系统' } })).json();
    const raw = JSON.stringify(body);
    const url = '/api/department/joint-reviews';
    const signed = await h.app.inject({ method: 'POST', url, payload: raw, headers: { 'content-type': 'application/json', ...signedHeaders(client, { method: 'POST', url, body: raw, timestamp: Math.floor(h.clock.now().getTime() / 1000) }) } });
    expect([signed.statusCode, signed.json().code]).toEqual([403, 'forbidden']);
    expect(await recorded()).toEqual([]);
  });

  it('takes a date from the acceptance day (in China) to today, and no other', async () => {
    const lead = await h.login('sj-lead');
    for (const heldOn of ['2025-09-29', '2025-10-01', '2025-02-30', '2026-09-30']) {
      const r = await record(lead, { ...body, heldOn });
      expect([r.statusCode, r.json().code], heldOn).toEqual([400, 'held-on-out-of-range']);
      expect(r.json().message).toContain('2025-09-30');
      expect(r.json().details.map((d: { path: string }) => d.path)).toEqual(['body.heldOn']);
    }
    expect(await recorded()).toEqual([]);
    const ok = await record(lead);
    expect(ok.statusCode, ok.body).toBe(201);
    const rows = await recorded();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organiser: 'sj', held_on: '2025-09-30', kind: 'inspection' });
    expect(JSON.parse(rows[0]!.task_ids)).toEqual(body.tasks);
    // Days later, any day since acceptance will do.
    h.clock.set('2025-10-09T02:00:00Z');
    const again = await h.login('sj-lead');
    const noSuchDay = await record(again, { ...body, heldOn: '2025-09-31' });
    expect([noSuchDay.statusCode, noSuchDay.json().code]).toEqual([400, 'held-on-out-of-range']);
    const later = await record(again, { ...body, kind: 'acceptance', heldOn: '2025-10-09' });
    expect(later.statusCode, later.body).toBe(201);
    expect(await recorded()).toHaveLength(2);
  });
});
