/**
 * The lead department sees its matters' cases across every item, with the joint reviews held, and
 * urges (督办) a department on an open task with a deadline, which that department answers once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { fillForm } from '../../testing/fill.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none', hasHousingFund: false };

describe.each(DIALECTS)('the lead department oversees and urges, on %s', (dialect) => {
  let h: Harness;
  let lead: string;
  let caseId: string;
  let plan: Plan;
  let urgeId: string;

  beforeAll(async () => {
    h = await startHarness(dialect);
    const me = await h.login('zhangjianguo');
    caseId = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement' } })).json().id;
    plan = (await h.request('PUT', `/api/cases/${caseId}/answers`, { cookie: me, body: { answers, chosenItems: [] } })).json().plan;
    expect((await h.request('PUT', `/api/cases/${caseId}/form`, { cookie: me, body: { values: fillForm(plan) } })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/cases/${caseId}/submit`, { cookie: me })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/window/cases/${caseId}/accept`, { cookie: await h.login('window') })).statusCode).toBe(200);
    lead = await h.login('rs-lead');
  }, 120_000);
  afterAll(async () => h.close());

  const first = () => plan.stages[0]?.[0] as string;
  const later = () => plan.stages[1]?.[0] as string;

  it('lists the case with every item, whatever department decides it', async () => {
    const r = await h.request('GET', '/api/lead/cases', { cookie: lead });
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json().cases.find((x: { id: string }) => x.id === caseId);
    expect(c.items.map((i: { item: string }) => i.item).sort()).toEqual(plan.items.map((i) => i.id).sort());
    expect(c.items.find((i: { item: string }) => i.item === first())).toMatchObject({ status: 'dispatched', statusName: '待认领', open: true, overdue: false });
    expect((await h.request('GET', '/api/lead/cases', { cookie: await h.login('sj-lead') })).json().cases).toEqual([]);
    const other = await h.request('GET', `/api/lead/cases/${caseId}`, { cookie: await h.login('sj-lead') });
    expect([other.statusCode, other.json().code]).toEqual([403, 'not-matter-lead']);
  });

  it('urges the department of an open task with a deadline, refusing what makes no sense', async () => {
    const url = `/api/lead/cases/${caseId}/urges`;
    const past = await h.request('POST', url, { cookie: lead, body: { item: first(), deadline: '2025-09-01', note: '请尽快办结。' } });
    expect([past.statusCode, past.json().code, past.json().details[0].path]).toEqual([400, 'urge-deadline-past', 'body.deadline']);
    const unknown = await h.request('POST', url, { cookie: lead, body: { item: 'no-such', deadline: '2025-10-10', note: '请尽快办结。' } });
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'item-not-in-case']);
    if (later()) {
      const waiting = await h.request('POST', url, { cookie: lead, body: { item: later(), deadline: '2025-10-10', note: '请尽快办结。' } });
      expect([waiting.statusCode, waiting.json().code]).toEqual([409, 'task-not-open']);
    }
    const ok = await h.request('POST', url, { cookie: lead, body: { item: first(), deadline: '2025-09-30', note: '申请人退休日临近，请于明日前办结。' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ item: first(), deadline: '2025-09-30', overdue: false, answer: null, urgedByName: expect.any(String) });
    urgeId = ok.json().id;
    const department = plan.items.find((i) => i.id === first())?.department.code as string;
    const reviewer = await h.login(`${department}-reviewer`);
    const inbox = (await h.request('GET', '/api/inbox', { cookie: reviewer })).json().notifications;
    expect(inbox.map((n: { title: string }) => n.title)).toContain('收到督办');
    const mine = (await h.request('GET', '/api/department/urges', { cookie: reviewer })).json().urges;
    expect(mine).toEqual([expect.objectContaining({ id: urgeId, note: '申请人退休日临近，请于明日前办结。' })]);
    expect((await h.request('GET', '/api/department/urges', { cookie: await h.login('wsjk-reviewer') })).json().urges).toEqual([]);
  });

  it('shows the urge overdue once its deadline has passed unanswered, and the department answers it once', async () => {
    h.clock.set('2025-10-09T02:00:00Z');
    lead = await h.login('rs-lead');
    const detail = (await h.request('GET', `/api/lead/cases/${caseId}`, { cookie: lead })).json();
    expect(detail.urges).toEqual([expect.objectContaining({ id: urgeId, overdue: true })]);
    expect(detail.case.openUrges).toBe(1);
    const department = plan.items.find((i) => i.id === first())?.department.code as string;
    const reviewer = await h.login(`${department}-reviewer`);
    const url = `/api/department/urges/${urgeId}/answer`;
    expect((await h.request('POST', url, { cookie: await h.login('wsjk-reviewer'), body: { answer: '不是我们的事项。' } })).statusCode).toBe(404);
    const answers = await Promise.all([1, 2, 3].map(() => h.request('POST', url, { cookie: reviewer, body: { answer: '已审查完毕，今日办结。' } })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    const after = (await h.request('GET', `/api/lead/cases/${caseId}`, { cookie: lead })).json();
    expect(after.urges[0]).toMatchObject({ answer: '已审查完毕，今日办结。', overdue: false, answeredByName: expect.any(String) });
    expect(after.case.openUrges).toBe(0);
    const actions = (await h.deps.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', caseId).execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['case.urge', 'case.urge-answered']));
  });
});
