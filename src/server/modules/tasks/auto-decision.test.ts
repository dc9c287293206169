/**
 * 秒批: the newborn's medical-insurance premium declaration is decided by its rules over the population
 * register once it reaches 税务 (the outbox worker delivers its dispatch), unless a rule fails or 税务 switched it off;
 * only a task left to 税务 goes to its own system's webhook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { AUTO_ACTOR } from '../../../core/case/auto-decision.ts';
import { DEMO_PEOPLE } from '../shareddata/demo.ts';
import { tasksInFlowOrder } from '../../testing/decide.ts';
import { fillForm } from '../../testing/fill.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { createWorker } from '../../worker/outbox.ts';
import { startReceiver, type Receiver } from '../../testing/webhook-receiver.ts';

const ITEM = 'sw-resident-insurance-premium';
const answers = {
  bornInProvinceInstitution: true, birthCertificateFirstIssue: true, babyUnderOneYear: true, applicantParent: 'mother',
  joinHousehold: 'mother', hukouLocation: 'both-in-province', fertilityRegistered: true, motherMaternityInsured: false,
};

describe.each(DIALECTS)('秒批 of a task on %s', (dialect) => {
  let h: Harness;
  /** 税务's own system: it receives the tasks its rules leave to the department, and no others. */
  let sw: Receiver;
  const sentToSw = (caseId: string) => sw.requests.filter((r) => r.body?.caseId === caseId && r.body.item === ITEM).length;
  const taskUrl = (caseId: string) => `/api/department/tasks/${caseId}/${ITEM}`;

  /** A newborn case of 王芳's with the premium chosen, accepted, every task before the premium approved by people. */
  async function caseReachingEnrolment(): Promise<string> {
    const parent = await h.login('wangfang');
    const caseId = (await h.request('POST', '/api/cases', { cookie: parent, body: { matterId: 'newborn-birth' } })).json().id as string;
    const plan: Plan = (await h.request('PUT', `/api/cases/${caseId}/answers`, { cookie: parent, body: { answers, chosenItems: [ITEM] } })).json().plan;
    expect((await h.request('PUT', `/api/cases/${caseId}/form`, { cookie: parent, body: { values: { ...fillForm(plan), newbornName: '李小宝' } } })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/cases/${caseId}/submit`, { cookie: parent })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/window/cases/${caseId}/accept`, { cookie: await h.login('window') })).statusCode).toBe(200);
    for (const { item, reviewer } of tasksInFlowOrder(plan)) {
      if (item === ITEM) break;
      const cookie = await h.login(reviewer);
      for (const step of ['claim', 'approve'] as const) {
        const r = await h.request('POST', `/api/department/tasks/${caseId}/${item}/${step}`, { cookie, ...(step === 'approve' ? { body: {} } : {}) });
        expect(r.statusCode, `${step} ${item}: ${r.body}`).toBe(200);
      }
    }
    // The worker delivers the dispatches, 税务's included.
    const worker = createWorker(h.deps);
    while ((await worker.runOnce()) > 0) { /* drain */ }
    return caseId;
  }

  const view = async (caseId: string) => (await h.request('GET', taskUrl(caseId), { cookie: await h.login('sw-reviewer') })).json();
  const ruleAudits = (caseId: string) => h.deps.db.kysely.selectFrom('audit_log').select(['actor', 'detail']).where('entity_id', '=', caseId).where('action', '=', 'task.auto-rule').execute();

  beforeAll(async () => {
    h = await startHarness(dialect);
    sw = await startReceiver({ now: () => Math.floor(h.clock.now().getTime() / 1000), path: '/hooks/onething?dept=sw' });
    const r = await h.request('POST', '/api/admin/api-clients', { cookie: await h.login('admin'), body: { department: 'sw', name: '税务征管系统', webhookUrl: sw.url } });
    expect(r.statusCode, r.body).toBe(201);
    sw.setSecret(r.json().secret);
  }, 120_000);
  afterAll(async () => {
    await sw?.close();
    await h.close();
  });

  it('approves by the system when every rule passes, with one audit record per rule and the result issued', async () => {
    const caseId = await caseReachingEnrolment();
    const v = await view(caseId);
    expect(v.task.status).toBe('approved');
    expect(v.task.reviewer).toBe(AUTO_ACTOR);
    expect(v.autoDecision).toMatchObject({ actorName: '系统自动审批', outcome: 'approved', reasons: [] });
    expect(v.autoDecision.evidence.map((e: { sentence: string }) => e.sentence)).toEqual([
      '「申请人户籍在本省，新生儿随其在本统筹区登记户口」核验通过（公安人口库：户籍在本省：是）',
      '「申请人户籍信息经公安人口库核验一致」核验通过（公安人口库：户籍信息已核验：是）',
    ]);
    const audits = await ruleAudits(caseId);
    expect(audits).toHaveLength(2);
    expect(audits.every((a) => a.actor === AUTO_ACTOR)).toBe(true);
    expect(JSON.parse(audits[0]!.detail)).toMatchObject({ task: ITEM, passed: true, sources: ['公安人口库'], read: [{ fact: 'hukouInProvince', value: '是' }], outcome: 'approved' });
    expect(audits.map((a) => a.detail).join()).not.toMatch(/\d{17}[\dX]|1\d{10}/);
    // The applicant sees the item done, with its result, as after a person's approval.
    const mine = (await h.request('GET', `/api/cases/${caseId}`, { cookie: await h.login('wangfang') })).json();
    expect(mine.progress.find((p: { item: string }) => p.item === ITEM)).toMatchObject({ status: 'approved' });
    expect(mine.results.find((r: { item: string }) => r.item === ITEM)).toBeTruthy();
    expect(sentToSw(caseId)).toBe(0);
  }, 120_000);

  it('leaves the task with a person, saying which rule failed, when the register says otherwise', async () => {
    const key = h.deps.cipher.blindIndex(DEMO_PEOPLE[0]!.idNumber);
    const moved = { ...DEMO_PEOPLE[0]!, hukouProvince: '11' };
    await h.deps.db.kysely.updateTable('shared_records').set({ data: h.deps.cipher.encrypt(JSON.stringify(moved)) }).where('kind', '=', 'person').where('key', '=', key).execute();
    try {
      const caseId = await caseReachingEnrolment();
      const v = await view(caseId);
      expect(v.task.status).toBe('dispatched');
      expect(v.autoDecision.outcome).toBe('to-person');
      expect(v.autoDecision.reasons).toEqual(['「申请人户籍在本省，新生儿随其在本统筹区登记户口」核验未通过（公安人口库：户籍在本省：否）']);
      expect(v.autoDecision.summary).toContain('转人工审批');
      expect(sentToSw(caseId)).toBe(1);
      expect((await ruleAudits(caseId)).map((a) => JSON.parse(a.detail).passed)).toEqual([false, true]);
      // A person decides it as any other task.
      const cookie = await h.login('sw-reviewer');
      expect((await h.request('POST', `${taskUrl(caseId)}/claim`, { cookie })).statusCode).toBe(200);
      expect((await h.request('POST', `${taskUrl(caseId)}/approve`, { cookie, body: {} })).json().task.status).toBe('approved');
    } finally {
      await h.deps.db.kysely.updateTable('shared_records').set({ data: h.deps.cipher.encrypt(JSON.stringify(DEMO_PEOPLE[0])) }).where('kind', '=', 'person').where('key', '=', key).execute();
    }
  }, 120_000);

  it('sends every task to a person while the department has switched 秒批 off, and audits the switch', async () => {
    const list = (await h.request('GET', '/api/department/auto-decisions', { cookie: await h.login('sw-reviewer') })).json().items;
    expect(list).toEqual([expect.objectContaining({ item: ITEM, department: 'sw', enabled: true, changedAt: null })]);
    // Only the department's manager or the administrator switches; another department's manager cannot.
    expect((await h.request('PUT', `/api/department/auto-decisions/${ITEM}`, { cookie: await h.login('sw-reviewer'), body: { enabled: false } })).statusCode).toBe(403);
    expect((await h.request('PUT', `/api/department/auto-decisions/${ITEM}`, { cookie: await h.login('wsjk-lead'), body: { enabled: false } })).statusCode).toBe(404);
    const notDeclared = await h.request('PUT', '/api/department/auto-decisions/wsjk-birth-medical-certificate', { cookie: await h.login('wsjk-lead'), body: { enabled: false } });
    expect(notDeclared.statusCode).toBe(409);
    expect(notDeclared.json().code).toBe('auto-decision-not-declared');
    const off = await h.request('PUT', `/api/department/auto-decisions/${ITEM}`, { cookie: await h.login('admin'), body: { enabled: false } });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ enabled: false, changedByName: '系统管理员', departmentName: expect.any(String) });
    const switched = await h.deps.db.kysely.selectFrom('audit_log').select(['detail']).where('action', '=', 'auto-decision.off').where('entity_id', '=', ITEM).execute();
    expect(switched.map((a) => JSON.parse(a.detail))).toEqual([{ department: 'sw' }]);

    const caseId = await caseReachingEnrolment();
    const v = await view(caseId);
    expect(v.task.status).toBe('dispatched');
    expect(v.autoDecision.outcome).toBe('to-person');
    expect(v.autoDecision.reasons[0]).toContain('已关闭本事项的秒批');
    expect(await ruleAudits(caseId)).toEqual([]);
    expect((await h.request('PUT', `/api/department/auto-decisions/${ITEM}`, { cookie: await h.login('admin'), body: { enabled: true } })).json().enabled).toBe(true);
  }, 180_000);
});
