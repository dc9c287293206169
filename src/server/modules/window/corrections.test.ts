/** 补正 at acceptance (行政许可法 §32), as the applicant and the window live it, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../../testing/fill.ts';
import { readPdf } from '../../testing/pdf-text.ts';

const answers = {
  servesColdDishes: true, servesFreshDrinks: false, servesRawSeafood: false, hasSignboard: true, largeSignboard: false,
  largeVenue: true, staffNeedHealthCheck: true, sellsTobacco: false,
};

describe.each(DIALECTS)('补正 at acceptance, on %s', (dialect) => {
  let h: Harness;
  let clerk: string;
  let agent: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    clerk = await h.login('window');
    agent = await h.login('haowei');
  });
  afterAll(async () => h.close());

  const upload = async (cookie: string, id: string, material: string, name = `${material}.pdf`) => {
    const { payload, headers } = multipart('file', name, 'application/pdf', SAMPLE_PDF);
    return h.app.inject({ method: 'POST', url: `/api/cases/${id}/materials/${material}/files`, headers: { ...headers, cookie }, payload });
  };

  /** An online application with every required material uploaded, submitted by the enterprise's agent. */
  async function online(): Promise<{ id: string; plan: Plan }> {
    const created = await h.request('POST', '/api/cases', { cookie: agent, body: { matterId: 'restaurant-opening', answers } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const plan: Plan = created.json().plan;
    expect((await h.request('PUT', `/api/cases/${id}/form`, { cookie: agent, body: { values: fillForm(plan) } })).statusCode).toBe(200);
    for (const m of plan.materials.filter((x) => x.status === 'required')) expect((await upload(agent, id, m.id)).statusCode).toBe(201);
    const submitted = await h.request('POST', `/api/cases/${id}/submit`, { cookie: agent });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // Time moves on between what people do: an upload after a request is later than it.
    h.clock.advance(60_000);
    return { id, plan };
  }

  const view = async (id: string, cookie = clerk) => (await h.request('GET', `/api/cases/${id}`, { cookie })).json();
  const audit = async (id: string) => (await h.deps.db.kysely.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', id).orderBy('seq').execute()).map((r) => r.action);
  const layout = 'food-layout-process';
  /** A plain text field of the form the clerk may ask to correct. */
  const textField = (plan: Plan) => plan.form.fields.find((f) => !f.sensitive && typeof fillForm(plan)[f.key] === 'string' && f.key === 'businessAddress')
    ?? plan.form.fields.find((f) => !f.sensitive && typeof fillForm(plan)[f.key] === 'string' && f.value === undefined);

  let first: { id: string; plan: Plan };

  it('shows the window an online application\'s form, personal numbers masked, and every uploaded file', async () => {
    first = await online();
    const v = await view(first.id);
    expect(v).toMatchObject({ status: 'submitted', channel: 'online' });
    const sensitive = first.plan.form.fields.filter((f) => f.sensitive && v.form[f.key] !== undefined);
    expect(sensitive.length).toBeGreaterThan(0);
    for (const f of sensitive) expect(String(v.form[f.key])).toContain('*');
    const material = v.materials.find((m: { id: string }) => m.id === layout);
    expect(material.files).toHaveLength(1);
    const file = await h.request('GET', `/api/cases/${first.id}/files/${material.files[0].id}`, { cookie: clerk });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('tells every correction at once: the case waits in 待补正 with everything given, the applicant is told each by name', async () => {
    const field = textField(first.plan);
    if (!field) throw new Error('no plain text field to correct');
    const r = await h.request('POST', `/api/window/cases/${first.id}/corrections`, { cookie: clerk, body: {
      items: [
        { material: layout, problem: '未标明粗加工、烹饪等功能区域', correction: '请按比例重新绘制并标注各功能区域' },
        { field: field.key, problem: '与营业执照登记不一致', correction: '请按营业执照更正' },
      ],
      deadline: '2025-10-20',
    } });
    expect(r.statusCode, r.body).toBe(200);
    const layoutName = first.plan.materials.find((m) => m.id === layout)?.name as string;
    expect(r.json()).toMatchObject({
      status: 'correcting', statusLabel: '待补正',
      correction: { requestedOn: '2025-09-29', deadline: '2025-10-20', answeredOn: null, items: [{ material: layout, name: layoutName, supplied: false }, { field: field.key, name: field.label, supplied: false }] },
    });
    // Nothing given is lost: form and files are as submitted.
    expect(r.json().materials.find((m: { id: string }) => m.id === layout).files).toHaveLength(1);
    expect(Object.keys(r.json().form).length).toBeGreaterThan(3);
    const inbox = await h.deps.db.kysely.selectFrom('notifications').select(['title', 'body']).where('case_id', '=', first.id).where('kind', '=', 'corrections').execute();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.body).toContain(`「${layoutName}」`);
    expect(inbox[0]?.body).toContain(`「${field.label}」`);
    expect(inbox[0]?.body).toContain('2025-10-20');
    // The 补正材料通知书, for the applicant as for the window.
    const pdf = await h.request('GET', `/api/cases/${first.id}/documents/corrections.pdf`, { cookie: agent });
    expect(pdf.statusCode).toBe(200);
    const { text } = await readPdf(pdf.rawPayload);
    for (const s of ['补正材料通知书', r.json().number, layoutName, `${field.label}（申请表填写事项）`, '2025年10月20日前', '2025年9月29日', '无需重新申请']) expect(text).toContain(s.replace(/\s+/g, ''));
    expect(text).not.toContain('不予受理');
    // Waiting for corrections, it is not in the queue to accept, but in the 待补正 list.
    expect((await h.request('GET', '/api/window/cases', { cookie: clerk })).json().cases.map((c: { id: string }) => c.id)).not.toContain(first.id);
    expect((await h.request('GET', '/api/window/cases?status=correcting', { cookie: clerk })).json().cases.map((c: { id: string }) => c.id)).toContain(first.id);
    expect((await h.request('POST', `/api/window/cases/${first.id}/accept-on-commitment`, { cookie: clerk, body: { deferred: [{ material: layout, deadline: '2025-10-20' }] } })).json().code).toBe('corrections-not-supplied');
    expect((await h.request('POST', `/api/window/cases/${first.id}/corrections`, { cookie: clerk, body: { items: [{ material: layout, problem: '又错', correction: '再改' }] } })).json().code).toBe('corrections-pending');
    h.clock.advance(60_000);
  });

  it('refuses 已补正 while a named material has nothing new, then takes the upload and the corrected field, and the window accepts', async () => {
    const field = textField(first.plan);
    if (!field) throw new Error('no plain text field to correct');
    const value = `${String(fillForm(first.plan)[field.key])}（已更正）`.slice(0, 60);
    const early = await h.request('POST', `/api/cases/${first.id}/resubmit`, { cookie: agent, body: { values: { [field.key]: value } } });
    expect([early.statusCode, early.json().code]).toEqual([409, 'corrections-not-supplied']);
    expect(early.json().message).toContain(first.plan.materials.find((m) => m.id === layout)?.name);
    expect(early.json().details.map((d: { path: string }) => d.path)).toEqual([`materials.${layout}`]);
    expect((await view(first.id)).status).toBe('correcting');
    // Only the named fields may change.
    const other = first.plan.form.fields.find((f) => f.key !== field.key && !f.sensitive && typeof fillForm(first.plan)[f.key] === 'string');
    const sneaky = await h.request('POST', `/api/cases/${first.id}/resubmit`, { cookie: agent, body: { values: { [other?.key ?? 'x']: '改' } } });
    expect([sneaky.statusCode, sneaky.json().code]).toEqual([400, 'invalid-form']);
    // Only the named materials may be uploaded.
    const unnamed = first.plan.materials.find((m) => m.status === 'required' && m.id !== layout)?.id as string;
    expect((await upload(agent, first.id, unnamed)).json().code).toBe('case-not-editable');
    expect((await upload(agent, first.id, layout, '平面布局图（补正）.pdf')).statusCode).toBe(201);
    expect((await view(first.id, agent)).correction.items[0].supplied).toBe(true);
    const done = await h.request('POST', `/api/cases/${first.id}/resubmit`, { cookie: agent, body: { values: { [field.key]: value } } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'submitted', form: { [field.key]: value }, correction: { answeredOn: '2025-09-29', answeredBy: 'applicant' } });
    expect(done.json().correction.items.every((x: { supplied: boolean }) => x.supplied)).toBe(true);
    const queue = (await h.request('GET', '/api/window/cases', { cookie: clerk })).json().cases.find((c: { id: string }) => c.id === first.id);
    expect(queue).toMatchObject({ resubmittedOn: '2025-09-29', correctionTerm: null });
    const accepted = await h.request('POST', `/api/window/cases/${first.id}/accept`, { cookie: clerk });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    expect(accepted.json().documents.map((d: { kind: string }) => d.kind)).toEqual(['receipt', 'corrections']);
    expect(await audit(first.id)).toEqual(expect.arrayContaining(['case.submit', 'case.ask-corrections', 'case.file', 'case.resubmit', 'case.accept']));
  });

  it('lets the window take the correction at the counter and accept, nothing entered twice', async () => {
    const { id, plan } = await online();
    const items = [{ material: layout, problem: '缺少签字', correction: '请申请人签字后提交' }];
    expect((await h.request('POST', `/api/window/cases/${id}/corrections`, { cookie: clerk, body: { items } })).statusCode).toBe(200);
    h.clock.advance(60_000);
    expect((await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: clerk })).json().code).toBe('corrections-not-supplied');
    expect((await upload(clerk, id, layout, '平面布局图（窗口收取）.pdf')).statusCode).toBe(201);
    const accepted = await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: clerk });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', correction: { answeredBy: 'window', items: [{ supplied: true }] } });
    expect(accepted.json().materials.find((m: { id: string }) => m.id === layout).files.map((f: { source: string }) => f.source).sort()).toEqual(['upload', 'window']);
    expect(accepted.json().progress.length).toBe(plan.items.length);
    const trail = await h.deps.db.kysely.selectFrom('audit_log').select(['action', 'actor']).where('entity_id', '=', id).where('action', '=', 'case.resubmit').execute();
    expect(trail).toHaveLength(1);
  });

  it('keeps 不予受理 for an applicant not eligible, with its reason and the 复议/诉讼 wording', async () => {
    const { id } = await online();
    const incomplete = await h.request('POST', `/api/window/cases/${id}/reject`, { cookie: clerk, body: { kind: 'incomplete', reason: '材料不全' } });
    expect([incomplete.statusCode, incomplete.json().code]).toEqual([400, 'invalid-request']);
    const blank = await h.request('POST', `/api/window/cases/${id}/reject`, { cookie: clerk, body: { kind: 'not-eligible', reason: '  ' } });
    expect([blank.statusCode, blank.json().code]).toEqual([409, 'rejection-needs-reason']);
    expect((await view(id)).status).toBe('submitted');
    const reason = '申请人未取得该企业的授权委托';
    const r = await h.request('POST', `/api/window/cases/${id}/reject`, { cookie: clerk, body: { kind: 'not-eligible', reason } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'rejected', rejection: { kind: 'not-eligible', kindLabel: '申请人不具备申请资格', reason }, corrections: [] });
    const { text } = await readPdf((await h.request('GET', `/api/cases/${id}/documents/rejection.pdf`, { cookie: agent })).rawPayload);
    for (const s of ['不予受理通知书', '申请人不具备申请资格', reason, '六十日内依法申请行政复议', '六个月内依法向人民法院提起行政诉讼']) expect(text).toContain(s);
    const inbox = await h.deps.db.kysely.selectFrom('notifications').select('body').where('case_id', '=', id).where('kind', '=', 'rejected').executeTakeFirstOrThrow();
    expect(inbox.body).toContain('行政复议');
  });

  it('shows the last day to tell corrections, 5 working days from receipt across National Day, and warns before it', async () => {
    const { id } = await online();
    // Days pass: the clerk logs in again each time.
    const row = async () => (await h.request('GET', '/api/window/cases', { cookie: await h.login('window') })).json().cases.find((c: { id: string }) => c.id === id);
    // Received Monday 29 September 2025: 30 September, then (1–8 October off) 9, 10, 11 (a make-up Saturday) and 13 October.
    expect(await row()).toMatchObject({ correctionTerm: { receivedOn: '2025-09-29', lastDay: '2025-10-13', daysLeft: 5, overdue: false } });
    h.clock.set('2025-10-10T02:00:00Z');
    expect((await row()).correctionTerm).toMatchObject({ daysLeft: 2, text: '还剩 2 个工作日' });
    h.clock.set('2025-10-11T02:00:00Z');
    expect((await row()).correctionTerm).toMatchObject({ daysLeft: 1, text: '还剩 1 个工作日' });
    h.clock.set('2025-10-14T02:00:00Z');
    expect((await row()).correctionTerm).toMatchObject({ overdue: true, text: '已超过补正告知期限，视为受理' });
    // Not told in time, it counts as accepted on the day it was received: its time limits run from then.
    const accepted = await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: await h.login('window') });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const record = JSON.parse((await h.deps.db.kysely.selectFrom('cases').select('record').where('id', '=', id).executeTakeFirstOrThrow()).record);
    expect(record).toMatchObject({ status: 'accepted', acceptedOn: '2025-09-29' });
    expect(accepted.json().progress.filter((p: { dispatchedOn: string | null }) => p.dispatchedOn !== null).every((p: { dispatchedOn: string }) => p.dispatchedOn === '2025-09-29')).toBe(true);
  });
});
