/**
 * 咨询、建议、投诉 recorded online and at the window, answered by the department concerned within
 * working days, sent back once, closed by the applicant, and counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSULTATION_KINDS, CONSULTATION_SOURCES, CONSULTATION_STATUSES } from '../../../contracts/consultations.ts';
import { dueDate } from '../../../core/calendar/workdays.ts';
import * as core from '../../../core/consultations/consultation.ts';
import type { Plan } from '../../../core/planning/types.ts';
import { verifyAudit } from '../audit/audit.ts';
import { DEMO_PASSWORD } from '../identity/demo.ts';
import { ConsultationService } from './service.ts';
import { fillForm } from '../../testing/fill.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none', hasHousingFund: false };

describe('consultation kinds, sources and statuses', () => {
  it('are the same in the contract as in the rules', () => {
    expect([...CONSULTATION_KINDS]).toEqual([...core.CONSULTATION_KINDS]);
    expect([...CONSULTATION_SOURCES]).toEqual([...core.CONSULTATION_SOURCES]);
    expect([...CONSULTATION_STATUSES]).toEqual([...core.CONSULTATION_STATUSES]);
  });
});

describe.each(DIALECTS)('consultations, suggestions and complaints, on %s', (dialect) => {
  let h: Harness;
  let me: string;
  let caseId: string;
  let consultationId: string;

  beforeAll(async () => {
    h = await startHarness(dialect);
    me = await h.login('zhangjianguo');
    caseId = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement' } })).json().id;
    const plan: Plan = (await h.request('PUT', `/api/cases/${caseId}/answers`, { cookie: me, body: { answers, chosenItems: [] } })).json().plan;
    expect((await h.request('PUT', `/api/cases/${caseId}/form`, { cookie: me, body: { values: fillForm(plan) } })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/cases/${caseId}/submit`, { cookie: me })).statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => h.close());

  const inbox = async (cookie: string) => (await h.request('GET', '/api/inbox', { cookie })).json();

  it('refuses a question too short or about no such matter, writing nothing', async () => {
    const short = await h.request('POST', '/api/consultations', { cookie: me, body: { kind: 'consultation', text: '在吗' } });
    expect([short.statusCode, short.json().code, short.json().details[0].path]).toEqual([400, 'invalid-request', 'body.text']);
    const blank = await h.request('POST', '/api/consultations', { cookie: me, body: { kind: 'consultation', text: '            a' } });
    expect([blank.statusCode, blank.json().details[0].path]).toEqual([400, 'body.text']);
    const unknown = await h.request('POST', '/api/consultations', { cookie: me, body: { kind: 'consultation', text: '请问这个事项怎么办理？', matterId: 'no-such-matter' } });
    expect([unknown.statusCode, unknown.json().details[0].path]).toEqual([400, 'body.matterId']);
    expect(unknown.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const n = await h.deps.db.kysely.selectFrom('consultations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('records a consultation about a matter for its lead department, due the next working day, the mobile typed in masked', async () => {
    const r = await h.request('POST', '/api/consultations', { cookie: me, body: { kind: 'consultation', matterId: 'retirement', source: 'ask', text: '退休一件事要不要本人到场？我的电话 13901990001' } });
    expect(r.statusCode, r.body).toBe(201);
    const c = r.json();
    expect(c).toMatchObject({ kindName: '咨询', sourceName: '智能客服转人工', matterName: expect.stringContaining('退休'), status: 'open', statusName: '待答复', dueDate: '2025-09-30', overdue: false });
    expect(c.number).toMatch(/^ZX20250929\d{6}$/);
    expect(c.text).toContain('139****0001');
    consultationId = c.id;
    const stored = await h.deps.db.kysely.selectFrom('consultations').select('text').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(stored.text).not.toContain('13901990001');
    const rsReviewer = await h.login('rs-reviewer');
    expect((await inbox(rsReviewer)).notifications[0].title).toBe('收到咨询，请答复');
  });

  it('is answered by its department only, once; the answer reaches the inbox and goes out by SMS', async () => {
    const other = await h.request('POST', `/api/department/consultations/${consultationId}/answer`, { cookie: await h.login('sj-reviewer'), body: { answer: '请到窗口咨询具体要求。' } });
    expect(other.statusCode).toBe(403);
    const sjList = await h.request('GET', '/api/department/consultations', { cookie: await h.login('sj-reviewer') });
    expect(sjList.json().consultations).toEqual([]);
    const rs = await h.login('rs-reviewer');
    const list = await h.request('GET', '/api/department/consultations?status=open', { cookie: rs });
    expect(list.json().consultations.map((c: { id: string }) => c.id)).toEqual([consultationId]);
    // Two answers sent at once: one is taken, the other told it was already answered.
    const both = await Promise.all(['不需要本人到场，可网上申请。', '可以委托他人到窗口办理。'].map((answer) => h.request('POST', `/api/department/consultations/${consultationId}/answer`, { cookie: rs, body: { answer } })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)?.json().code).toBe('consultation-not-open');
    const answered = both.find((r) => r.statusCode === 200)?.json();
    expect(answered).toMatchObject({ status: 'answered', statusName: '已答复，待确认', answeredByName: '孙丽（人社局审批员）' });
    const mine = (await inbox(me)).notifications.find((n: { title: string }) => n.title === '您的咨询已答复');
    expect(mine.body).toContain(answered.answer);
    const sms = await h.deps.db.kysely.selectFrom('outbox').select('payload').where('kind', '=', 'message').execute();
    expect(sms.some((m) => m.payload.includes('您的咨询已答复'))).toBe(true);
  });

  it('goes back once for a further answer when not resolved, then closes when confirmed', async () => {
    const url = `/api/consultations/${consultationId}/close`;
    const noReason = await h.request('POST', url, { cookie: me, body: { resolved: false } });
    expect([noReason.statusCode, noReason.json().code, noReason.json().details[0].path]).toEqual([400, 'reason-required', 'body.note']);
    const stranger = await h.request('POST', url, { cookie: await h.login('wangfang'), body: { resolved: true } });
    expect(stranger.statusCode).toBe(404);
    h.clock.advance(24 * 3600 * 1000);
    me = await h.login('zhangjianguo');
    const back = await h.request('POST', url, { cookie: me, body: { resolved: false, note: '委托他人需要什么材料没有说明。' } });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'open', reopens: 1, reopenNote: '委托他人需要什么材料没有说明。', answer: null, dueDate: '2025-10-09' });
    const early = await h.request('POST', url, { cookie: me, body: { resolved: true } });
    expect([early.statusCode, early.json().code]).toEqual([409, 'consultation-not-answered']);
    const rs = await h.login('rs-reviewer');
    expect((await h.request('POST', `/api/department/consultations/${consultationId}/answer`, { cookie: rs, body: { answer: '委托办理须提供委托书和受托人身份证。' } })).statusCode).toBe(200);
    const again = await h.request('POST', url, { cookie: me, body: { resolved: false, note: '还是不清楚委托书的格式。' } });
    expect([again.statusCode, again.json().code]).toEqual([409, 'reopen-limit']);
    const closed = await h.request('POST', url, { cookie: me, body: { resolved: true } });
    expect(closed.json()).toMatchObject({ status: 'closed', statusName: '已办结', closedAt: expect.any(String) });
    const late = await h.request('POST', `/api/department/consultations/${consultationId}/answer`, { cookie: rs, body: { answer: '补充说明一下委托书。' } });
    expect([late.statusCode, late.json().code]).toEqual([409, 'consultation-not-open']);
  });

  it('is recorded at the window on a case, for its applicant to follow; what concerns no matter goes to the service centre', async () => {
    const clerk = await h.login('window');
    const r = await h.request('POST', '/api/window/consultations', { cookie: clerk, body: { kind: 'complaint', caseId, text: '上次来窗口等了一个多小时。' } });
    expect(r.statusCode, r.body).toBe(201);
    const calendar = (await h.deps.catalogues.latest()).catalogue.calendar;
    expect(r.json()).toMatchObject({ kindName: '投诉', sourceName: '综合窗口', caseNumber: expect.any(String), dueDate: dueDate(calendar, '2025-09-30', 5) });
    const mine = await h.request('GET', '/api/consultations', { cookie: me });
    expect(mine.json().consultations.map((c: { kindName: string }) => c.kindName)).toEqual(['投诉', '咨询']);
    expect((await inbox(me)).notifications.map((n: { title: string }) => n.title)).toContain('窗口已登记您的投诉');
    const general = await h.request('POST', '/api/consultations', { cookie: me, body: { kind: 'suggestion', text: '建议政务服务中心周六也开放。' } });
    expect(general.json()).toMatchObject({ departmentName: '示例市政务服务和数据管理局', matterName: null });
    const centre = await h.request('GET', '/api/department/consultations', { cookie: clerk });
    expect(centre.json().consultations.map((c: { kindName: string }) => c.kindName)).toEqual(['建议']);
    const notMine = await h.request('POST', '/api/consultations', { cookie: await h.login('wangfang'), body: { kind: 'consultation', caseId, text: '这个办件进度怎么样？' } });
    expect([notMine.statusCode, notMine.json().details[0].path]).toEqual([400, 'body.caseId']);
  });

  it('is counted: answered on time, still open past the deadline, by kind; every step audited', async () => {
    h.clock.advance(30 * 24 * 3600 * 1000);
    const f = await new ConsultationService(h.deps).figures();
    expect(f).toMatchObject({ total: 3, byKind: { consultation: 1, suggestion: 1, complaint: 1 }, answered: 1, closed: 1, onTimeRate: 1, overdueOpen: 2 });
    const perMatter = await h.request('GET', '/api/metrics/retirement', { cookie: await h.login('admin') });
    expect(perMatter.json().consultations).toMatchObject({ total: 2, byKind: { consultation: 1, suggestion: 0, complaint: 1 }, onTimeRate: 1, overdueOpen: 1 });
    const actions = await h.deps.db.kysely.selectFrom('audit_log').select('action').where('entity', '=', 'consultation').execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['consultation.answered', 'consultation.answered', 'consultation.closed', 'consultation.recorded', 'consultation.recorded', 'consultation.recorded', 'consultation.reopened']);
    expect(await verifyAudit(h.deps.db.kysely)).toMatchObject({ ok: true });
  });

  it('draws a new number when the one drawn is already taken, instead of failing', async () => {
    const drawn = [7, 7, 7, 8];
    const service = new ConsultationService(h.deps, () => drawn.shift() ?? 9);
    const { account } = await h.identity.login('zhangjianguo', DEMO_PASSWORD);
    const first = await service.record(account, { kind: 'consultation', text: '第一次咨询：退休金怎么查？' });
    const second = await service.record(account, { kind: 'consultation', text: '第二次咨询：退休证怎么领？' });
    expect(first.number).toMatch(/000007$/);
    expect(second.number).toMatch(/000008$/);
    expect(second.number.slice(0, 10)).toBe(first.number.slice(0, 10));
    const rows = await h.deps.db.kysely.selectFrom('consultations').select('number').where('number', 'in', [first.number, second.number]).execute();
    expect(rows).toHaveLength(2);
  });

  it('records a walk-in without a case for its department, the mobile encrypted, answers it by SMS and is closed by the window', async () => {
    const clerk = await h.login('window');
    const applicant = await h.login('zhangjianguo');
    const body = { kind: 'consultation', text: '我想咨询退休一件事，需要本人来吗？', visitorName: '李来访', visitorMobile: '13901990002', matterId: 'retirement' };
    const bad = await h.request('POST', '/api/window/walk-in-consultations', { cookie: clerk, body: { ...body, visitorMobile: '1390199' } });
    expect([bad.statusCode, bad.json().code, bad.json().details[0].path]).toEqual([400, 'invalid-request', 'body.visitorMobile']);
    expect((await h.request('POST', '/api/window/walk-in-consultations', { cookie: applicant, body })).statusCode).toBe(403);
    const r = await h.request('POST', '/api/window/walk-in-consultations', { cookie: clerk, body });
    expect(r.statusCode, r.body).toBe(201);
    const c = r.json();
    expect(c).toMatchObject({ sourceName: '窗口来访', caseNumber: null, matterName: expect.stringContaining('退休'), departmentName: expect.stringContaining('人力资源'), visitor: { name: '李来访', mobile: '139****0002', smsSentAt: null } });
    const stored = await h.deps.db.kysely.selectFrom('consultations').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain('13901990002');
    expect((await h.request('GET', '/api/consultations', { cookie: applicant })).json().consultations.map((x: { id: string }) => x.id)).not.toContain(c.id);

    const rs = await h.login('rs-reviewer');
    expect((await h.request('GET', '/api/department/consultations?status=open', { cookie: rs })).json().consultations.map((x: { id: string }) => x.id)).toContain(c.id);
    const answered = await h.request('POST', `/api/department/consultations/${c.id}/answer`, { cookie: rs, body: { answer: '可以委托他人携带委托书办理。' } });
    expect(answered.json()).toMatchObject({ status: 'answered', visitor: { smsSentAt: expect.any(String) } });
    const sms = await h.deps.db.kysely.selectFrom('message_log').selectAll().where('recipient', '=', '139****0002').execute();
    expect(sms.map((m) => m.body)).toEqual([expect.stringContaining('可以委托他人携带委托书办理。')]);
    expect((await inbox(clerk)).notifications.map((n: { title: string }) => n.title)).toContain('窗口登记的咨询（李来访）已答复');

    expect((await h.request('POST', `/api/consultations/${c.id}/close`, { cookie: applicant, body: { resolved: true } })).statusCode).toBe(404);
    expect((await h.request('POST', `/api/window/walk-in-consultations/${consultationId}/close`, { cookie: clerk, body: { resolved: true } })).statusCode).toBe(404);
    const closed = await h.request('POST', `/api/window/walk-in-consultations/${c.id}/close`, { cookie: clerk, body: { resolved: true } });
    expect(closed.json()).toMatchObject({ status: 'closed', statusName: '已办结' });
    const list = (await h.request('GET', '/api/window/walk-in-consultations', { cookie: clerk })).json().consultations;
    expect(list.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([[c.id, 'closed']]);
  });
  it('keeps the answer to a walk-in when the SMS cannot go out, and shows the window it was not sent', async () => {
    const clerk = (await h.identity.login('window', DEMO_PASSWORD)).account;
    const reviewer = (await h.identity.login('rs-reviewer', DEMO_PASSWORD)).account as typeof clerk & { department: string };
    const down = new ConsultationService({ ...h.deps, sender: { send: async () => { throw new Error('短信网关不可用'); } } });
    const c = await down.recordWalkIn(clerk, { kind: 'consultation', text: '退休金每月几号发放？', visitorName: '王来访', visitorMobile: '13901990003', matterId: 'retirement' });
    const answered = await down.answer(reviewer, c.id, '每月 15 日前发放到社保卡。');
    expect(answered).toMatchObject({ status: 'answered', answer: '每月 15 日前发放到社保卡。', visitor: { name: '王来访', mobile: '139****0003', smsSentAt: null } });
  });
}, 180_000);
