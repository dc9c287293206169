/**
 * 好差评 per service event and the whole of a bad rating's rectification (GB/T 39734): rated at
 * acceptance and again at completion, against the clerk who served; 核实, 整改, 回访 (an unsatisfied
 * applicant sends it back), and 申诉 decided by the administration, whose upheld appeal takes the
 * rating out of the figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { verifyAudit } from '../audit/audit.ts';
import { approveEveryTask } from '../../testing/decide.ts';
import { fillForm } from '../../testing/fill.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none', hasHousingFund: false };

describe.each(DIALECTS)('好差评 per service event, 核实 · 整改 · 回访 · 申诉, on %s', (dialect) => {
  let h: Harness;
  let applicant: string;
  let lead: string;
  let caseId: string;
  let plan: Plan;
  let clerkName: string;
  let acceptanceRect: string;
  let completionRect: string;
  const rate = (body: unknown) => h.request('POST', `/api/cases/${caseId}/ratings`, { cookie: applicant, body });
  const ratings = async () => (await h.request('GET', `/api/cases/${caseId}/ratings`, { cookie: applicant })).json();
  const act = (id: string, step: string, body: unknown, cookie = lead) => h.request('POST', `/api/lead/rectifications/${id}/${step}`, { cookie, body });

  beforeAll(async () => {
    h = await startHarness(dialect);
    applicant = await h.login('zhangjianguo');
    lead = await h.login('rs-lead');
    caseId = (await h.request('POST', '/api/cases', { cookie: applicant, body: { matterId: 'retirement' } })).json().id;
    plan = (await h.request('PUT', `/api/cases/${caseId}/answers`, { cookie: applicant, body: { answers, chosenItems: [] } })).json().plan;
    expect((await h.request('PUT', `/api/cases/${caseId}/form`, { cookie: applicant, body: { values: fillForm(plan) } })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/cases/${caseId}/submit`, { cookie: applicant })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/window/cases/${caseId}/accept`, { cookie: await h.login('window') })).statusCode).toBe(200);
    clerkName = (await h.deps.db.kysely.selectFrom('accounts').select('display_name').where('username', '=', 'window').executeTakeFirstOrThrow()).display_name;
  }, 120_000);
  afterAll(async () => h.close());

  it('rates the acceptance once accepted, not yet the completion, and names the clerk who served', async () => {
    expect((await ratings()).rateable).toEqual(['acceptance']);
    const early = await rate({ level: 5, event: 'completion' });
    expect([early.statusCode, early.json().code, early.json().details[0].path]).toEqual([409, 'case-not-completed', 'body.event']);
    const r = await rate({ level: 2, tags: ['等候时间长'], comment: '受理时排队一个多小时' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ event: 'acceptance', eventName: '受理', clerkName, rectification: { status: 'open', statusName: '待核实' } });
    acceptanceRect = r.json().rectification.id;
    expect((await rate({ level: 4 })).json().code).toBe('already-rated');
    expect((await ratings()).rateable).toEqual([]);
  });

  it('verifies once, however many leads press at once', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => act(acceptanceRect, 'verify', { note: '经核实，当日窗口排队超过一小时，情况属实。' })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(['already-verified', 'concurrent-update']).toContain(a.json().code);
    const row = (await h.request('GET', '/api/lead/rectifications?status=open', { cookie: lead })).json().rectifications[0];
    expect(row).toMatchObject({ id: acceptanceRect, status: 'verified', statusName: '已核实，待整改', eventName: '受理', clerkName, verificationNote: expect.stringContaining('属实') });
    expect(row.history).toHaveLength(1);
  });

  it('rectifies, and the applicant not satisfied at follow-up sends it back, due afresh', async () => {
    const first = await act(acceptanceRect, 'reply', { reply: '已增设一个综合窗口，高峰期引导网上办理。' });
    expect([first.statusCode, first.json().rectification.status]).toEqual([200, 'replied']);
    const due = first.json().rectification.dueDate;
    h.clock.set('2025-10-20T02:00:00Z');
    // Sessions last hours, not weeks.
    applicant = await h.login('zhangjianguo');
    lead = await h.login('rs-lead');
    const rating = (await ratings()).ratings[0];
    const back = await h.request('POST', `/api/cases/${caseId}/ratings/${rating.id}/follow-up`, { cookie: applicant, body: { satisfied: false, note: '第二次去还是排队' } });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().ratings[0].rectification).toMatchObject({ status: 'verified', followUp: { result: 'unsatisfied', resultName: '不满意', by: 'applicant' } });
    expect(back.json().ratings[0].rectification.dueDate > due).toBe(true);
    const inbox = (await h.request('GET', '/api/inbox', { cookie: lead })).json().notifications;
    expect(inbox.map((n: { title: string }) => n.title)).toContain('回访不满意，请再次整改');
    // Another applicant cannot answer for this one.
    const other = await h.request('POST', `/api/cases/${caseId}/ratings/${rating.id}/follow-up`, { cookie: await h.login('wangfang'), body: { satisfied: true } });
    expect(other.statusCode).toBe(404);
  });

  it('closes after a second rectification and a satisfied follow-up, keeping every step', async () => {
    expect((await act(acceptanceRect, 'reply', { reply: '已推行预约取号，并在高峰时段增派人员。' })).statusCode).toBe(200);
    const short = await act(acceptanceRect, 'follow-up', { satisfied: true, note: '好' });
    expect([short.statusCode, short.json().code, short.json().details[0].path]).toEqual([400, 'note-too-short', 'body.note']);
    const done = await act(acceptanceRect, 'follow-up', { satisfied: true, note: '电话回访，申请人表示满意。' });
    expect(done.statusCode, done.body).toBe(200);
    const row = done.json().rectification;
    expect(row).toMatchObject({ status: 'closed', statusName: '已回访办结', followUp: { result: 'satisfied', by: 'department' } });
    expect(row.history.map((s: { stepName: string }) => s.stepName)).toEqual(['核实', '整改答复', '回访', '整改答复', '回访']);
    expect(row.history[2].actorName).toBe('申请人');
    // Codes beside the Chinese names, so the English face words them (issue 15): step, outcome, who, and the note alone.
    expect(row.history.map((s: { step: string; outcome: string | null; byApplicant: boolean }) => [s.step, s.outcome, s.byApplicant])).toEqual([
      ['verify', null, false], ['reply', null, false], ['follow-up', 'unsatisfied', true], ['reply', null, false], ['follow-up', 'satisfied', false],
    ]);
    expect(row.history[4]).toMatchObject({ note: '电话回访，申请人表示满意。', text: '满意：电话回访，申请人表示满意。' });
    expect(JSON.stringify(row.history)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const again = await act(acceptanceRect, 'reply', { reply: '再答复一次试试看。' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'rectification-closed']);
    expect(again.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('rates the completion once every item is decided', async () => {
    await approveEveryTask(h, caseId, plan);
    expect((await ratings()).rateable).toEqual(['completion']);
    const r = await rate({ level: 1, comment: '结果短信没收到' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ event: 'completion', eventName: '办结', rectification: { status: 'open' } });
    completionRect = r.json().rectification.id;
  });

  it('takes an appeal to the administration; upheld, the rating no longer counts', async () => {
    const appealed = await act(completionRect, 'appeal', { reason: '经核查短信平台记录，结果短信已于办结当日送达申请人手机。' });
    expect([appealed.statusCode, appealed.json().rectification.status]).toEqual([200, 'appealed']);
    const blocked = await act(completionRect, 'reply', { reply: '先答复一下看看。' });
    expect([blocked.statusCode, blocked.json().code]).toEqual([409, 'appeal-not-allowed']);
    const admin = await h.login('admin');
    expect((await h.request('GET', '/api/admin/rating-appeals', { cookie: lead })).statusCode).toBe(403);
    const list = (await h.request('GET', '/api/admin/rating-appeals', { cookie: admin })).json().rectifications;
    expect(list).toEqual([expect.objectContaining({ id: completionRect, departmentName: expect.any(String), appealReason: expect.stringContaining('短信') })]);
    const decided = await h.request('POST', `/api/admin/rating-appeals/${completionRect}/decide`, { cookie: admin, body: { upheld: true, note: '短信送达记录属实，申诉成立。' } });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().rectification).toMatchObject({ status: 'dismissed', appealDecision: 'upheld' });
    const twice = await h.request('POST', `/api/admin/rating-appeals/${completionRect}/decide`, { cookie: admin, body: { upheld: false, note: '改变主意试试。' } });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'rectification-closed']);
    expect((await h.request('GET', '/api/inbox', { cookie: lead })).json().notifications.map((n: { title: string }) => n.title)).toContain('差评申诉成立');

    const summary = (await h.request('GET', '/api/ratings/summary?matter=retirement', { cookie: admin })).json();
    expect(summary).toMatchObject({
      total: 1, byEvent: { acceptance: 1, completion: 0 }, byClerk: [{ clerkName, total: 1, bad: 1, satisfactionRate: 0 }], satisfactionRate: 0,
      rectification: { opened: 1, replied: 1, rate: 1, followedUp: 1, followUpSatisfied: 1, appealed: 1, upheld: 1 },
    });
    const figures = (await h.request('GET', '/api/metrics/retirement', { cookie: admin })).json();
    expect(figures.satisfaction).toMatchObject({ ratings: 1, rectificationRate: 1 });
  });

  it('chained every step in the audit log', async () => {
    const actions = (await h.deps.db.kysely.selectFrom('audit_log').select('action').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['rectification.verify', 'rectification.replied', 'rectification.follow-up', 'rectification.appeal', 'rectification.decide-appeal']));
    expect(await verifyAudit(h.deps.db.kysely)).toMatchObject({ ok: true });
  });
});
