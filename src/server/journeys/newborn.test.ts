import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/planning/types.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { fillForm } from '../testing/fill.ts';
import { createWorker } from '../worker/outbox.ts';
import { verifyAudit } from '../modules/audit/audit.ts';

const answers = {
  bornInProvinceInstitution: true, birthCertificateFirstIssue: true, babyUnderOneYear: true, applicantParent: 'mother',
  joinHousehold: 'mother', hukouLocation: 'both-in-province', fertilityRegistered: true, motherMaternityInsured: false,
};

describe.each(DIALECTS)('新生儿出生 online, end to end, on %s', (dialect) => {
  let h: Harness;
  let parent: string;
  let caseId: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    parent = await h.login('wangfang');
  });
  afterAll(async () => h.close());

  const decide = async (reviewer: string, item: string) => {
    const cookie = await h.login(reviewer);
    const queue = (await h.request('GET', '/api/department/tasks', { cookie })).json().tasks;
    expect(queue.map((t: { item: string }) => t.item)).toContain(item);
    const base = `/api/department/tasks/${caseId}/${item}`;
    expect((await h.request('POST', `${base}/claim`, { cookie })).statusCode).toBe(200);
    const r = await h.request('POST', `${base}/approve`, { cookie, body: {} });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().task;
  };

  it('tells the logged-in parent what shared data answers, and nothing more', async () => {
    const r = await h.request('GET', '/api/me/facts', { cookie: parent });
    expect(r.json().facts).toMatchObject({ parentsMarried: true, licenses: expect.arrayContaining(['marriage-certificate', 'resident-id-card']) });
    expect(r.body).not.toMatch(/990102\d{11}/);
    expect((await h.request('GET', '/api/me/facts', { cookie: await h.login('window') })).statusCode).toBe(403);
  });

  it('starts a case with answers filled from shared data, then plans as the parent answers', async () => {
    const created = await h.request('POST', '/api/cases', { cookie: parent, body: { matterId: 'newborn-birth' } });
    expect(created.statusCode, created.body).toBe(201);
    caseId = created.json().id;
    expect(created.json().number).toMatch(/^YJS2025\d{7}$/);
    const r = await h.request('PUT', `/api/cases/${caseId}/answers`, { cookie: parent, body: { answers, chosenItems: [] } });
    expect(r.statusCode, r.body).toBe(200);
    const plan: Plan = r.json().plan;
    expect(plan.complete).toBe(true);
    expect(plan.situation?.id).toBe('newborn-both-in-province');
    expect(plan.answers.find((a) => a.question === 'parentsMarried')).toMatchObject({ source: 'facts' });
    expect(plan.stages).toEqual([['wsjk-birth-medical-certificate', 'jk-vaccination-certificate'], ['ga-birth-registration'], ['yb-resident-insurance-enrolment', 'rs-ssc-application']]);
    expect(plan.materials.every((m) => m.status === 'exempt')).toBe(true);
    expect(plan.form.fields.find((f) => f.key === 'motherName')).toMatchObject({ value: '王芳' });
    expect(plan.form.fields.find((f) => f.key === 'motherIdNumber')?.value).toMatch(/^990102\*{8}\d{3}[\dX]$/);
  });

  it('refuses to submit an incomplete form, naming each missing field in Chinese', async () => {
    const r = await h.request('POST', `/api/cases/${caseId}/submit`, { cookie: parent });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('incomplete-application');
    expect(r.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'form.newbornName', message: '请填写「新生儿姓名」' })]));
  });

  it('saves the form as a draft, rejecting an invalid value without saving anything', async () => {
    const view = (await h.request('GET', `/api/cases/${caseId}`, { cookie: parent })).json();
    const bad = await h.request('PUT', `/api/cases/${caseId}/form`, { cookie: parent, body: { values: { newbornName: '李小宝', applicantMobile: '12345' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ path: 'form.applicantMobile' });
    expect((await h.request('GET', `/api/cases/${caseId}`, { cookie: parent })).json().form.newbornName).toBeUndefined();
    const good = await h.request('PUT', `/api/cases/${caseId}/form`, { cookie: parent, body: { values: fillForm(view.plan, { newbornName: '李小宝' }) } });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().form.newbornName).toBe('李小宝');
    expect(good.json().form.motherIdNumber).toMatch(/^990102\*{8}\d{3}[\dX]$/);
  });

  it('submits, freezing the plan, and the window accepts: the first stage goes out at once', async () => {
    const submitted = await h.request('POST', `/api/cases/${caseId}/submit`, { cookie: parent });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', catalogueVersion: 1 });
    const clerk = await h.login('window');
    const check = (await h.request('GET', `/api/window/cases/${caseId}/check`, { cookie: clerk })).json();
    expect(check.complete).toBe(true);
    const accepted = await h.request('POST', `/api/window/cases/${caseId}/accept`, { cookie: clerk });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const progress = accepted.json().progress as { item: string; status: string; dueDate: string | null }[];
    expect(progress.filter((p) => p.status === 'dispatched').map((p) => p.item).sort()).toEqual(['jk-vaccination-certificate', 'wsjk-birth-medical-certificate']);
    expect(progress.filter((p) => p.status === 'waiting')).toHaveLength(3);
    expect(accepted.json().documents).toEqual([{ kind: 'receipt', url: `/api/cases/${caseId}/documents/receipt.pdf` }]);
    const pdf = await h.request('GET', `/api/cases/${caseId}/documents/receipt.pdf`, { cookie: parent });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows a department only its item: its fields, its materials, the others\' progress', async () => {
    const cookie = await h.login('wsjk-reviewer');
    const view = (await h.request('GET', `/api/department/tasks/${caseId}/wsjk-birth-medical-certificate`, { cookie })).json();
    expect(Object.keys(view.form.values)).toContain('newbornName');
    expect(Object.keys(view.form.values)).not.toContain('sscServiceBank');
    expect(view.others.map((o: { item: string }) => o.item)).toContain('ga-birth-registration');
    const other = await h.request('GET', `/api/department/tasks/${caseId}/ga-birth-registration`, { cookie });
    expect(other.statusCode).toBe(404);
  });

  it('runs the serial chain: each approval sends the next item out with the result attached, then the case completes', async () => {
    const worker = createWorker(h.deps);
    await worker.runOnce();
    const cert = await decide('wsjk-reviewer', 'wsjk-birth-medical-certificate');
    expect(cert.result.license).toBeTruthy();
    let view = (await h.request('GET', `/api/cases/${caseId}`, { cookie: parent })).json();
    expect(view.progress.find((p: { item: string }) => p.item === 'ga-birth-registration').status).toBe('dispatched');
    await decide('jk-reviewer', 'jk-vaccination-certificate');
    const ga = await h.login('ga-reviewer');
    const gaView = (await h.request('GET', `/api/department/tasks/${caseId}/ga-birth-registration`, { cookie: ga })).json();
    const certMaterial = gaView.materials.find((m: { id: string }) => m.id === 'birth-medical-certificate');
    expect(certMaterial.files.map((f: { source: string }) => f.source)).toContain('result');
    await decide('ga-reviewer', 'ga-birth-registration');
    await decide('yb-reviewer', 'yb-resident-insurance-enrolment');
    await decide('rs-reviewer', 'rs-ssc-application');
    view = (await h.request('GET', `/api/cases/${caseId}`, { cookie: parent })).json();
    expect(view.status).toBe('completed');
    expect(view.statusLabel).toBeTruthy();
    const inbox = (await h.request('GET', '/api/inbox', { cookie: parent })).json().notifications as { kind: string; title: string; body: string }[];
    const ready = inbox.filter((n) => n.kind === 'result');
    expect(ready).toHaveLength(1);
    expect(ready[0]).toMatchObject({ title: '办理结果已就绪', body: expect.stringMatching(/已全部办结。电子证照（.*出生医学证明.*）已存入您的卡包/) });
    await worker.runOnce();
    const messages = await h.deps.db.kysely.selectFrom('message_log').selectAll().execute();
    expect(messages.length).toBeGreaterThan(3);
    expect(messages[0]?.recipient).toBe('138****0001');
  });

  it('puts the e-licenses in the wallet, verifiable by anyone through the SM2 seal', async () => {
    const wallet = (await h.request('GET', '/api/wallet', { cookie: parent })).json().licenses;
    expect(wallet.map((l: { type: string }) => l.type).sort()).toEqual(['birth-medical-certificate', 'household-register', 'social-security-card']);
    // The child's 出生医学证明 is the child's: the parent keeps it as guardian.
    const one = wallet.find((l: { type: string }) => l.type === 'birth-medical-certificate');
    expect(one.qr).toMatch(/^data:image\/png;base64,/);
    const ok = (await h.request('GET', `/api/public/licenses/${one.id}/verify`)).json();
    expect(ok).toMatchObject({ valid: true, license: { holder: '李**' } });
    const page = await h.request('GET', `/verify/${one.id}`);
    expect(page.body).toContain('电子证照有效');
    await h.deps.db.kysely.updateTable('licenses').set({ data: JSON.stringify({ forged: true }) }).where('id', '=', one.id).execute();
    expect((await h.request('GET', `/api/public/licenses/${one.id}/verify`)).json().valid).toBe(false);
  });

  it('told the parent at every step, and chained every change in the audit log', async () => {
    const inbox = (await h.request('GET', '/api/inbox', { cookie: parent })).json();
    expect(inbox.notifications.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['accepted', 'decided']));
    expect(await verifyAudit(h.deps.db.kysely)).toMatchObject({ ok: true });
  });
});
