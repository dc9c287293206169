/**
 * 告知承诺 as the applicant chooses it: signed online with their name, or at the window with the
 * signed letter; the plan spares the material; after acceptance the deadline to supply it is
 * followed: supplied in time it is fulfilled, missed it is a 违诺 record and a 核查 task for the
 * department, once however often the worker runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { DEMO_PEOPLE } from '../shareddata/demo.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../../testing/fill.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { followCommitments } from './deadlines.ts';

const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'no-review', bonusCategory: 'one-child', hukouInProvince: true, householdVerified: true, hasHousingFund: false };
const MATERIAL = 'one-child-certificate';
const zhang = { idNumber: DEMO_PEOPLE[2]!.idNumber, name: '张建国' };

describe.each(DIALECTS)('告知承诺 chosen, signed, followed, on %s', (dialect) => {
  let h: Harness;
  let me: string;
  let online: string;
  let plan: Plan;
  const upload = async (id: string, cookie: string) => {
    const { payload, headers } = multipart('file', '光荣证.pdf', 'application/pdf', SAMPLE_PDF);
    const r = await h.app.inject({ method: 'POST', url: `/api/cases/${id}/materials/${MATERIAL}/files`, headers: { ...headers, cookie }, payload });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const submitAndAccept = async (id: string, cookie: string, p: Plan) => {
    expect((await h.request('PUT', `/api/cases/${id}/form`, { cookie, body: { values: fillForm(p) } })).statusCode).toBe(200);
    const s = await h.request('POST', `/api/cases/${id}/submit`, { cookie });
    expect(s.statusCode, s.body).toBe(200);
    const a = await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: await h.login('window') });
    expect(a.statusCode, a.body).toBe(200);
  };

  beforeAll(async () => {
    h = await startHarness(dialect);
    me = await h.login('zhangjianguo');
    online = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement' } })).json().id;
    plan = (await h.request('PUT', `/api/cases/${online}/answers`, { cookie: me, body: { answers, chosenItems: [] } })).json().plan;
  }, 120_000);
  afterAll(async () => h.close());

  it('offers the commitment without making it for the applicant', () => {
    expect(plan.materials.find((m) => m.id === MATERIAL)).toMatchObject({ status: 'required', alternatives: [expect.objectContaining({ kind: 'commitment', supplyWithinDays: 20 })] });
  });

  it('refuses a signature that is not the applicant\'s, a material that cannot be promised, and a missing declaration', async () => {
    const sign = (body: unknown) => h.request('PUT', `/api/cases/${online}/commitments`, { cookie: me, body });
    const wrong = await sign({ materials: [MATERIAL], signerName: '李四', declaration: true });
    expect([wrong.statusCode, wrong.json().code, wrong.json().details[0].path]).toEqual([400, 'signer-mismatch', 'body.signerName']);
    const other = plan.materials.find((m) => m.status === 'required' && !m.alternatives.some((a) => a.kind === 'commitment'));
    if (other) {
      const r = await sign({ materials: [MATERIAL, other.id], signerName: '张建国', declaration: true });
      expect([r.statusCode, r.json().code, r.json().details[0].path]).toEqual([400, 'not-committable', 'body.materials.1']);
      expect(r.json().details[0].message).toContain(other.name);
    }
    expect((await sign({ materials: [MATERIAL], signerName: '张建国' })).statusCode).toBe(400);
    expect(await h.deps.db.kysely.selectFrom('commitments').select('id').execute()).toEqual([]);
  });

  it('signs online with the name and the time, and the plan spares the material', async () => {
    const r = await h.request('PUT', `/api/cases/${online}/commitments`, { cookie: me, body: { materials: [MATERIAL], signerName: '张建国', declaration: true } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().commitments).toEqual([expect.objectContaining({
      material: MATERIAL, materialName: '独生子女父母光荣证（独生子女证）', signerName: '张建国', signedAt: h.clock.now().toISOString(), channel: 'online', channelName: '网上签署',
      supplyWithinDays: 20, deadline: null, status: 'signed', statusName: '已承诺', text: expect.stringContaining('本人承诺'),
    })]);
    const view = (await h.request('GET', `/api/cases/${online}`, { cookie: me })).json();
    plan = view.plan;
    expect(plan.materials.find((m) => m.id === MATERIAL)).toMatchObject({ status: 'exempt', exemption: { kind: 'commitment' } });
    // Answering again keeps the choice.
    const again = await h.request('PUT', `/api/cases/${online}/answers`, { cookie: me, body: { answers, chosenItems: [] } });
    expect(again.json().plan.materials.find((m: { id: string }) => m.id === MATERIAL).status).toBe('exempt');
    const audit = await h.deps.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', online).execute();
    expect(audit.map((a) => a.action)).toContain('commitment.signed');
  });

  it('sets the deadline from the acceptance, and once it has passed records the breach and opens a 核查, once', async () => {
    await submitAndAccept(online, me, plan);
    expect(await followCommitments(h.deps)).toMatchObject({ deadlines: 1, breached: 0 });
    const [c] = (await h.request('GET', `/api/cases/${online}/commitments`, { cookie: me })).json().commitments;
    expect(c.deadline).toBe('2025-11-03'); // 20 working days from 2025-09-29, past 国庆中秋 10-01..10-08, with the make-up Saturday 10-11
    h.clock.set('2025-11-05T02:00:00Z');
    expect(await followCommitments(h.deps)).toMatchObject({ breached: 1 });
    expect(await followCommitments(h.deps)).toMatchObject({ breached: 0 });
    const breaches = await h.deps.db.kysely.selectFrom('commitment_breaches').selectAll().execute();
    expect(breaches).toEqual([expect.objectContaining({ case_id: online, material_id: MATERIAL, reason: expect.stringContaining('逾期未补交') })]);
    me = await h.login('zhangjianguo');
    const inbox = (await h.request('GET', '/api/inbox', { cookie: me })).json().notifications;
    expect(inbox.map((n: { title: string }) => n.title)).toContain('告知承诺逾期未履行');
    const [after] = (await h.request('GET', `/api/cases/${online}/commitments`, { cookie: me })).json().commitments;
    expect(after).toMatchObject({ status: 'breached', statusName: '逾期未履行（违诺）' });
    const reviewer = await h.login('rs-reviewer');
    const checks = (await h.request('GET', '/api/department/commitment-checks', { cookie: reviewer })).json().checks;
    expect(checks).toEqual([expect.objectContaining({ caseId: online, materialName: '独生子女父母光荣证（独生子女证）', signerName: '张建国', status: 'open', statusName: '待核查', deadline: '2025-11-03' })]);
    expect((await h.request('GET', '/api/department/commitment-checks', { cookie: await h.login('sj-reviewer') })).json().checks).toEqual([]);
  });

  it('lets the department complete the 核查 once, and no other department', async () => {
    const reviewer = await h.login('rs-reviewer');
    const [check] = (await h.request('GET', '/api/department/commitment-checks', { cookie: reviewer })).json().checks;
    const url = `/api/department/commitment-checks/${check.id}/complete`;
    expect((await h.request('POST', url, { cookie: await h.login('sj-reviewer'), body: { compliant: true, note: '不是本部门的核查。' } })).statusCode).toBe(404);
    const done = await h.request('POST', url, { cookie: reviewer, body: { compliant: false, note: '经核查，申请人不符合独生子女父母增发条件，依法处理。' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', result: 'non-compliant', resultName: '承诺不实，依法处理' });
    const twice = await h.request('POST', url, { cookie: reviewer, body: { compliant: true, note: '再核查一次。' } });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'check-done']);
  });

  it('at the window, signs with the applicant\'s signed letter, and the material supplied in time fulfils it', async () => {
    const clerk = await h.login('window');
    const created = await h.request('POST', '/api/window/cases', { cookie: clerk, body: { matterId: 'retirement', applicant: zhang } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const p: Plan = (await h.request('PUT', `/api/cases/${id}/answers`, { cookie: clerk, body: { answers, chosenItems: [] } })).json().plan;
    const noLetter = await h.request('PUT', `/api/cases/${id}/commitments`, { cookie: clerk, body: { materials: [MATERIAL], signerName: '张建国', declaration: true } });
    expect([noLetter.statusCode, noLetter.json().code]).toEqual([400, 'letter-required']);
    const letter = await upload(id, clerk);
    const signed = await h.request('PUT', `/api/cases/${id}/commitments`, { cookie: clerk, body: { materials: [MATERIAL], signerName: '张建国', declaration: true, letterFileId: letter } });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().commitments[0]).toMatchObject({ channel: 'window', channelName: '窗口签署书面承诺书', letter: true });
    const spared: Plan = (await h.request('GET', `/api/cases/${id}`, { cookie: clerk })).json().plan;
    await submitAndAccept(id, clerk, spared ?? p);
    const early = await h.request('POST', `/api/cases/${id}/commitments/${MATERIAL}/supplied`, { cookie: clerk });
    expect([early.statusCode, early.json().code]).toEqual([409, 'material-not-uploaded']);
    h.clock.set('2025-11-06T02:00:00Z');
    await upload(id, await h.login('window'));
    const supplied = await h.request('POST', `/api/cases/${id}/commitments/${MATERIAL}/supplied`, { cookie: await h.login('window') });
    expect(supplied.statusCode, supplied.body).toBe(200);
    expect(supplied.json().commitments[0]).toMatchObject({ status: 'fulfilled', statusName: '已补交' });
    expect(await followCommitments(h.deps)).toMatchObject({ breached: 0 });
  });
});
