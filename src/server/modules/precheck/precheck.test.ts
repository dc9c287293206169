/**
 * 智能预审 with the machine's tesseract: an applicant without e-licences uploads pictures of ID cards
 * made by the test (PNG and PDF), and the findings say what a reviewer would: the card is fine, its
 * check digit fails, the name is not the form's, it has expired. The window and the reviewer of the
 * task see the same; no personal number is stored in plaintext; without the engine it says it is off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrecheckAnswer } from '../../../contracts/precheck.ts';
import type { Plan } from '../../../core/planning/types.ts';
import { injectCall, NEWBORN_ANSWERS, ok, type Call } from '../../testing/api-call.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../../testing/fill.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { Numbers, scanDatabase } from '../../testing/plaintext.ts';
import { DEMO_PASSWORD } from '../identity/demo.ts';
import { cardPdf, idCard, pdfToPng } from './fixtures.ts';

const IDS = 'parents-id-cards';
const numbers = new Numbers();
const MOTHER = { name: '赵丽', id: numbers.idNumber() };
const FATHER = { name: '钱明', id: numbers.idNumber() };
const wrongDigit = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
numbers.add(wrongDigit(MOTHER.id));

async function upload(h: Harness, cookie: string, caseId: string, material: string, name: string, mime: string, data: Buffer): Promise<string> {
  const { payload, headers } = multipart('file', name, mime, data);
  const r = await h.app.inject({ method: 'POST', url: `/api/cases/${caseId}/materials/${material}/files`, headers: { ...headers, cookie }, payload });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

/** Asks again, as the page does, until nothing is being read. */
async function settled(h: Harness, url: string, cookie: string): Promise<PrecheckAnswer> {
  for (let i = 0; i < 240; i++) {
    const r = await h.request('GET', url, { cookie });
    expect(r.statusCode, r.body).toBe(200);
    const answer = r.json() as PrecheckAnswer;
    if (!answer.pending) return answer;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('pre-check still pending');
}

const fileOf = (a: PrecheckAnswer, fileId: string) => a.materials.flatMap((m) => m.files).find((f) => f.fileId === fileId);
const kinds = (a: PrecheckAnswer, fileId: string) => fileOf(a, fileId)?.findings.map((f) => `${f.severity}:${f.kind}`) ?? [];

describe.each(DIALECTS)('智能预审 of uploaded ID cards, on %s', (dialect) => {
  let h: Harness;
  let call: Call;
  let me: string;
  let caseId: string;
  let plan: Plan;
  const files: Record<string, string> = {};
  const url = () => `/api/cases/${caseId}/precheck`;

  beforeAll(async () => {
    h = await startHarness(dialect);
    call = injectCall(h);
    // No e-licences: the ID cards must be uploaded.
    await h.identity.createAccount({ username: 'zhaoli', password: DEMO_PASSWORD, role: 'applicant', displayName: MOTHER.name, subject: 'person', idNumber: MOTHER.id });
    me = await h.login('zhaoli');
    caseId = (await ok<{ id: string }>(call('POST', '/api/cases', { cookie: me, body: { matterId: 'newborn-birth' } }), 'create')).id;
    plan = (await ok<{ plan: Plan }>(call('PUT', `/api/cases/${caseId}/answers`, { cookie: me, body: { answers: { ...NEWBORN_ANSWERS, parentsMarried: true }, chosenItems: [] } }), 'answers')).plan;
    expect(plan.materials.find((m) => m.id === IDS)?.status).toBe('required');
    const values = fillForm(plan, { applicantName: MOTHER.name, applicantIdNumber: MOTHER.id, motherName: MOTHER.name, motherIdNumber: MOTHER.id, fatherName: FATHER.name, fatherIdNumber: FATHER.id, newbornName: '钱小宝' });
    await ok(call('PUT', `/api/cases/${caseId}/form`, { cookie: me, body: { values } }), 'form');
    const good = await pdfToPng(await cardPdf(idCard(MOTHER.name, MOTHER.id, '2016.05.10-2036.05.10')));
    files.good = await upload(h, me, caseId, IDS, '母亲身份证.png', 'image/png', good);
    files.wrong = await upload(h, me, caseId, IDS, '父亲身份证.pdf', 'application/pdf', await cardPdf(idCard('孙红', wrongDigit(MOTHER.id), '2016.05.10-2036.05.10')));
    files.expired = await upload(h, me, caseId, IDS, '旧身份证.png', 'image/png', await pdfToPng(await cardPdf(idCard(FATHER.name, FATHER.id, '2005.05.10-2025.05.10'))));
  }, 120_000);
  afterAll(async () => h?.close());

  it('says it is on, naming the engine', async () => {
    const r = await h.request('GET', '/api/public/precheck');
    expect(r.json()).toMatchObject({ enabled: true, engine: expect.stringMatching(/tesseract/), reason: '' });
  });

  it('confirms a good card read from a PNG: in date, the name and ID number as on the form', async () => {
    const a = await settled(h, url(), me);
    expect(fileOf(a, files.good!)).toMatchObject({ status: 'done', pages: 1 });
    expect(kinds(a, files.good!)).toEqual(['ok:valid', 'ok:name-match', 'ok:id-match']);
  }, 120_000);

  it('errs on a failed check digit and warns of a name not on the form, read from a PDF, the number masked', async () => {
    const a = await settled(h, url(), me);
    expect(kinds(a, files.wrong!)).toEqual(expect.arrayContaining(['error:id-check', 'warning:name-mismatch']));
    const text = fileOf(a, files.wrong!)?.findings.map((f) => f.message).join('\n') ?? '';
    expect(text).toContain('校验码');
    expect(text).toContain('孙红');
    expect(text).not.toContain(wrongDigit(MOTHER.id));
    expect(a.materials.find((m) => m.material === IDS)?.problems).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('says an expired card has expired, naming the day', async () => {
    const a = await settled(h, url(), me);
    const expired = fileOf(a, files.expired!)?.findings.find((f) => f.kind === 'expired');
    expect(expired).toMatchObject({ severity: 'error', message: expect.stringContaining('2025年5月10日') });
  }, 120_000);

  it('judges again when the form changes, without reading the picture again', async () => {
    const values = fillForm(plan, { applicantName: MOTHER.name, applicantIdNumber: MOTHER.id, motherName: '赵莉', motherIdNumber: MOTHER.id, fatherName: FATHER.name, fatherIdNumber: FATHER.id, newbornName: '钱小宝' });
    await ok(call('PUT', `/api/cases/${caseId}/form`, { cookie: me, body: { values: { ...values, applicantName: '赵莉' } } }), 'form');
    expect(kinds(await settled(h, url(), me), files.good!)).toContain('warning:name-mismatch');
    await ok(call('PUT', `/api/cases/${caseId}/form`, { cookie: me, body: { values } }), 'form');
  }, 60_000);

  it('shows the window and the reviewer of the task the same findings once submitted, and stores no number in plaintext', async () => {
    for (const m of plan.materials.filter((x) => x.status === 'required' && x.id !== IDS)) await upload(h, me, caseId, m.id, `${m.id}.pdf`, 'application/pdf', SAMPLE_PDF);
    await ok(call('POST', `/api/cases/${caseId}/submit`, { cookie: me }), 'submit');
    const clerk = await h.login('window');
    const atWindow = await settled(h, `/api/window/cases/${caseId}/precheck`, clerk);
    expect(kinds(atWindow, files.wrong!)).toContain('error:id-check');
    await ok(call('POST', `/api/window/cases/${caseId}/accept`, { cookie: clerk }), 'accept');
    const reviewer = await h.login('wsjk-reviewer');
    const forTask = await settled(h, `/api/department/tasks/${caseId}/wsjk-birth-medical-certificate/precheck`, reviewer);
    expect(forTask.materials.map((m) => m.material)).toContain(IDS);
    expect(kinds(forTask, files.expired!)).toContain('error:expired');
    expect((await h.request('GET', `/api/department/tasks/${caseId}/wsjk-birth-medical-certificate/precheck`, { cookie: await h.login('sj-reviewer') })).statusCode).toBe(404);
    const scan = await scanDatabase(h.deps.db, numbers.all);
    expect(scan.findings).toEqual([]);
  }, 120_000);
});

describe('智能预审 without the engine', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(DIALECTS[0] ?? 'sqlite', { ONETHING_TESSERACT: '/nonexistent/tesseract' });
  }, 120_000);
  afterAll(async () => h?.close());

  it('says it is off and why, reads nothing, and refuses to run again', async () => {
    const state = (await h.request('GET', '/api/public/precheck')).json();
    expect(state).toMatchObject({ enabled: false, engine: null, reason: expect.stringContaining('找不到') });
    const me = await h.login('wangfang');
    const { id } = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'newborn-birth' } })).json() as { id: string };
    const a = (await h.request('GET', `/api/cases/${id}/precheck`, { cookie: me })).json() as PrecheckAnswer;
    expect(a).toMatchObject({ state: { enabled: false }, pending: false, materials: [] });
    const again = await h.request('POST', `/api/cases/${id}/precheck`, { cookie: me });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'precheck-off', message: expect.stringContaining('智能预审未启用') });
  });
});
