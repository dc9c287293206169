import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPackageCalendarYears } from '../../catalog/holidays.ts';
import type { Plan } from '../../core/planning/types.ts';
import { verifyAudit } from '../modules/audit/audit.ts';
import { approveEveryTask } from '../testing/decide.ts';
import { fillForm } from '../testing/fill.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';

const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none', hasHousingFund: false };

/** The n-th working day after `from`, counted straight from the holiday data, not through dueDate. */
function nthWorkingDayAfter(from: string, n: number): string {
  const off = new Set<string>();
  const on = new Set<string>();
  for (const y of loadPackageCalendarYears()) {
    y.holidays.forEach((d) => off.add(d));
    y.workdays.forEach((d) => on.add(d));
  }
  const day = new Date(`${from}T00:00:00Z`);
  for (let left = n; left > 0; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    const iso = day.toISOString().slice(0, 10);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    if (!off.has(iso) && (on.has(iso) || !weekend)) left--;
  }
  return day.toISOString().slice(0, 10);
}

describe.each(DIALECTS)('好差评 to 差评整改, end to end, on %s', (dialect) => {
  let h: Harness;
  let applicant: string;
  let caseId: string;
  let rectificationId: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    applicant = await h.login('zhangjianguo');
  });
  afterAll(async () => h.close());

  const rate = (body: unknown, cookie = applicant, id = caseId) => h.request('POST', `/api/cases/${id}/ratings`, { cookie, body });

  it('drives a retirement case to completion', async () => {
    caseId = (await h.request('POST', '/api/cases', { cookie: applicant, body: { matterId: 'retirement' } })).json().id;
    const planned = await h.request('PUT', `/api/cases/${caseId}/answers`, { cookie: applicant, body: { answers, chosenItems: [] } });
    expect(planned.statusCode, planned.body).toBe(200);
    const plan: Plan = planned.json().plan;
    expect(plan.complete).toBe(true);
    expect(plan.matter.lead.code).toBe('rs');
    const form = await h.request('PUT', `/api/cases/${caseId}/form`, { cookie: applicant, body: { values: fillForm(plan) } });
    expect(form.statusCode, form.body).toBe(200);
    expect((await h.request('POST', `/api/cases/${caseId}/submit`, { cookie: applicant })).statusCode).toBe(200);
    const clerk = await h.login('window');
    const accepted = await h.request('POST', `/api/window/cases/${caseId}/accept`, { cookie: clerk });
    expect(accepted.statusCode, accepted.body).toBe(200);
    await approveEveryTask(h, caseId, plan);
    expect((await h.request('GET', `/api/cases/${caseId}`, { cookie: applicant })).json().status).toBe('completed');
  });

  it('rates 不满意 with a comment, opening a rectification for the lead department due in 15 working days', async () => {
    const r = await rate({ level: 2, tags: ['材料要求不清'], comment: '窗口让我跑了两趟' });
    expect(r.statusCode, r.body).toBe(201);
    const due = nthWorkingDayAfter('2025-09-29', 15);
    expect(due).toBe('2025-10-27'); // 国庆中秋 10-01..10-08 off, 10-11 (Sat) a make-up workday
    // Applied for online: the channel is the case's, the applicant does not name one.
    expect(r.json()).toMatchObject({ level: 2, levelName: '不满意', channel: 'online', tags: ['材料要求不清'], rectification: { status: 'open', department: 'rs', dueDate: due, reply: null } });
    rectificationId = r.json().rectification.id;
    const lead = await h.login('rs-lead');
    const list = (await h.request('GET', '/api/lead/rectifications?status=open', { cookie: lead })).json().rectifications;
    expect(list).toEqual([expect.objectContaining({ id: rectificationId, caseId, level: 2, levelName: '不满意', comment: '窗口让我跑了两趟', dueDate: due, overdue: false, status: 'open' })]);
    const inbox = (await h.request('GET', '/api/inbox', { cookie: lead })).json().notifications;
    expect(inbox.map((n: { kind: string }) => n.kind)).toContain('rectification');
    expect((await h.request('GET', '/api/lead/rectifications', { cookie: await h.login('sj-lead') })).json().rectifications).toEqual([]);
  });

  it('rates a case once (一次一评): a second rating is refused, whatever it says', async () => {
    const r = await rate({ level: 4 });
    expect([r.statusCode, r.json().code]).toEqual([409, 'already-rated']);
    expect(r.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await h.deps.db.kysely.selectFrom('ratings').select('id').execute()).toHaveLength(1);
    expect(await h.deps.db.kysely.selectFrom('rectifications').select('id').execute()).toHaveLength(1);
  });

  it('refuses bad ratings with 4xx and stable codes', async () => {
    const cases: [unknown, number, string, string?][] = [
      [{ level: 0 }, 400, 'invalid-request', 'body.level'],
      [{ level: 6 }, 400, 'invalid-request', 'body.level'],
      [{ level: 3.5 }, 400, 'invalid-request', 'body.level'],
      [{}, 400, 'invalid-request', 'body.level'],
      // The applicant no longer says which channel: the field is refused, not silently kept.
      [{ level: 3, channel: 'window' }, 400, 'invalid-request', 'body.channel'],
      [{ level: 3, tags: Array.from({ length: 11 }, (_, i) => `标签${i}`) }, 400, 'invalid-request', 'body.tags'],
      [{ level: 3, tags: ['太'.repeat(21)] }, 400, 'invalid-request', 'body.tags.0'],
      [{ level: 3, comment: '长'.repeat(501) }, 400, 'invalid-request', 'body.comment'],
      [{ level: 3, extra: 1 }, 400, 'invalid-request', 'body.extra'],
      [{ level: 1, comment: '   ' }, 400, 'reason-required', 'body.comment'],
      [{ level: 5 }, 409, 'already-rated'],
    ];
    for (const [body, status, code, path] of cases) {
      const r = await rate(body);
      expect(r.statusCode, JSON.stringify(body)).toBe(status);
      expect(r.json().code).toBe(code);
      expect(r.json().message).toMatch(/[\u4e00-\u9fa5]/);
      if (path) expect(r.json().details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const other = await h.login('wangfang');
    expect((await rate({ level: 1, comment: '差' }, other)).statusCode).toBe(404);
    expect((await h.request('GET', `/api/cases/${caseId}/ratings`, { cookie: other })).statusCode).toBe(404);
    expect((await rate({ level: 5 }, await h.login('window'))).statusCode).toBe(403);
    expect((await rate({ level: 5 }, '')).statusCode).toBe(401);
    expect((await rate({ level: 5 }, applicant, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await rate({ level: 5 }, applicant, 'not-a-uuid')).statusCode).toBe(400);
    const draft = (await h.request('POST', '/api/cases', { cookie: applicant, body: { matterId: 'retirement' } })).json().id;
    const early = await rate({ level: 5 }, applicant, draft);
    expect([early.statusCode, early.json().code]).toEqual([409, 'case-not-accepted']);
  });

  it('flags the rectification overdue after its due date, and only its own department may reply', async () => {
    h.clock.set('2025-10-28T02:00:00Z');
    const lead = await h.login('rs-lead');
    const list = (await h.request('GET', '/api/lead/rectifications', { cookie: lead })).json().rectifications;
    expect(list[0]).toMatchObject({ id: rectificationId, overdue: true });
    const url = `/api/lead/rectifications/${rectificationId}/reply`;
    const wrong = await h.request('POST', url, { cookie: await h.login('sj-lead'), body: { reply: '已整改，感谢监督。' } });
    expect([wrong.statusCode, wrong.json().code]).toEqual([404, 'not-found']);
    expect((await h.request('POST', url, { cookie: await h.login('rs-reviewer'), body: { reply: '已整改，感谢监督。' } })).statusCode).toBe(403);
    const short = await h.request('POST', url, { cookie: lead, body: { reply: '好' } });
    expect([short.statusCode, short.json().details[0].path]).toEqual([400, 'body.reply']);
    const blank = await h.request('POST', url, { cookie: lead, body: { reply: '      好 ' } });
    expect([blank.statusCode, blank.json().code]).toEqual([400, 'reply-too-short']);
    expect((await h.request('POST', url, { cookie: lead, body: {} })).statusCode).toBe(400);
  });

  it('the lead replies once; the reply reaches the applicant inbox and the ratings view', async () => {
    const lead = await h.login('rs-lead');
    const url = `/api/lead/rectifications/${rectificationId}/reply`;
    const text = '已对窗口人员进行培训，并在办事指南中写明材料要求，感谢您的监督。';
    const r = await h.request('POST', url, { cookie: lead, body: { reply: text } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().rectification).toMatchObject({ status: 'replied', reply: text, overdue: false, repliedLate: true });
    const again = await h.request('POST', url, { cookie: lead, body: { reply: '再答复一次试试。' } });
    expect([again.statusCode, again.json().code]).toEqual([409, 'already-replied']);
    expect((await h.request('GET', '/api/lead/rectifications?status=open', { cookie: lead })).json().rectifications).toEqual([]);
    expect((await h.request('GET', '/api/lead/rectifications?status=bogus', { cookie: lead })).statusCode).toBe(400);
    const me = await h.login('zhangjianguo');
    const inbox = (await h.request('GET', '/api/inbox', { cookie: me })).json().notifications;
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'rating-reply', caseId, body: expect.stringContaining(text) })]));
    const view = (await h.request('GET', `/api/cases/${caseId}/ratings`, { cookie: me })).json().ratings;
    expect(view).toHaveLength(1);
    expect(view[0].rectification).toMatchObject({ status: 'replied', reply: text, departmentName: expect.any(String) });
    expect((await h.request('GET', `/api/cases/${caseId}/ratings`, { cookie: await h.login('window') })).statusCode).toBe(200);
  });

  it('summarises satisfaction per level and channel for leads and admins', async () => {
    const expected = { matter: 'retirement', total: 1, satisfactionRate: 0, rectification: { opened: 1, replied: 1, rate: 1 }, byChannel: { online: 1, window: 0, assisted: 0 } };
    const lead = await h.login('rs-lead');
    const mine = (await h.request('GET', '/api/ratings/summary?matter=retirement', { cookie: lead })).json();
    expect(mine).toMatchObject(expected);
    expect(mine.byLevel).toEqual(expect.arrayContaining([{ level: 2, levelName: '不满意', count: 1 }, { level: 4, levelName: '满意', count: 0 }, { level: 5, levelName: '非常满意', count: 0 }]));
    expect((await h.request('GET', '/api/ratings/summary?matter=retirement', { cookie: await h.login('admin') })).json()).toMatchObject(expected);
    expect((await h.request('GET', '/api/ratings/summary', { cookie: await h.login('wsjk-lead') })).json()).toMatchObject({ total: 0, satisfactionRate: null, rectification: { rate: null } });
    expect((await h.request('GET', '/api/ratings/summary?matter=retirement', { cookie: await h.login('wsjk-lead') })).statusCode).toBe(404);
    expect((await h.request('GET', '/api/ratings/summary?matter=no-such', { cookie: await h.login('admin') })).statusCode).toBe(404);
    expect((await h.request('GET', '/api/ratings/summary', { cookie: await h.login('zhangjianguo') })).statusCode).toBe(403);
  });

  it('chained every change in the audit log', async () => {
    const actions = (await h.deps.db.kysely.selectFrom('audit_log').select('action').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['rating.created', 'rectification.opened', 'rectification.replied']));
    expect(await verifyAudit(h.deps.db.kysely)).toMatchObject({ ok: true });
  });
});
