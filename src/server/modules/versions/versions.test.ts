/**
 * The catalogue's life, end to end on both dialects: an administrator edits 新生儿出生 in a draft,
 * sees every defect after each edit, previews a plan, submits it; the departments concerned give
 * their opinions (a disagreement sends it back), it is approved and published; the public API
 * serves the new version while a case created before keeps version 1. Change requests, the
 * readable diff and export/import are exercised on the way.
 */
import { randomUUID } from 'node:crypto';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueDocument } from '../../../core/catalog/types.ts';
import type { Plan } from '../../../core/planning/types.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { withVersionTables } from './tables.ts';

const ITEM = 'catalog/items/ga-birth-registration.yaml';
const MATTER = 'catalog/matters/newborn-birth.yaml';
const GUIDANCE = 'catalog/items/wsjk-parenting-guidance.yaml';
const enc = encodeURIComponent;
const doc = (draft: string, file: string) => `/api/admin/drafts/${draft}/documents/${enc(file)}`;

const OLD_TEXT = '宝宝现在是否未满 1 周岁？';
const NEW_TEXT = '宝宝现在是否未满 1 周岁（按出生医学证明上的出生日期计算）？';
const NOTE = '出生登记承诺 1 个工作日办结；承诺办结时限最短 4 个工作日（不含制证及邮寄时间）。';
const ASKED = ['ga', 'jk', 'rs', 'sw', 'wsjk', 'yb'];
/** Who answers for each asked department: its lead, or its reviewers where it has no lead (officers.test.ts). */
const OPINION_BY: Record<string, string> = { ga: 'ga-reviewer', jk: 'jk-reviewer', rs: 'rs-lead', sw: 'sw-reviewer', wsjk: 'wsjk-lead', yb: 'yb-reviewer' };

/** Both parents of the province: the applicant's own answers (parentsMarried comes from shared data). */
const CASE_ANSWERS = {
  bornInProvinceInstitution: true, birthCertificateFirstIssue: true, babyUnderOneYear: true, applicantParent: 'mother',
  joinHousehold: 'mother', hukouLocation: 'both-in-province', fertilityRegistered: true, motherMaternityInsured: false,
};
/** The same without shared data (anonymous plan, preview). */
const ANSWERS = { ...CASE_ANSWERS, parentsMarried: true };

type Json = Record<string, unknown>;
const promisedIn = (p: Plan, item: string) => p.items.find((i) => i.id === item)?.timeLimit.promised;
const questionText = (p: Plan, q: string) => p.answers.find((a) => a.question === q)?.text;

describe.each(DIALECTS)('catalogue versions on %s', (dialect) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  const as = async (user: string, method: string, url: string, body?: unknown) => {
    cookies[user] ??= await h.login(user);
    return h.request(method, url, { cookie: cookies[user], ...(body !== undefined ? { body } : {}) });
  };
  let caseBefore: string;
  let draft: string;
  let matterYaml: Json;

  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h.close());

  const opinion = (user: string, id: string, body: Json) => as(user, 'POST', `/api/admin/drafts/${id}/opinions`, body);
  const allAgree = async (id: string) => {
    for (const d of ASKED) {
      const r = await opinion(OPINION_BY[d] as string, id, { opinion: 'agree', comment: '同意' });
      expect(r.statusCode, `${d}: ${r.body}`).toBe(200);
    }
  };

  it('creates a draft from the published catalogue, for administrators and for the lead of a matter', async () => {
    const c = await as('wangfang', 'POST', '/api/cases', { matterId: 'newborn-birth' });
    expect(c.statusCode, c.body).toBe(201);
    caseBefore = c.json().id;
    expect(c.json().catalogueVersion).toBe(1);

    const r = await as('admin', 'POST', '/api/admin/drafts', { title: '新生儿出生一件事：压缩出生登记时限、改进问题表述', reason: '落实国办发〔2025〕24号，压缩承诺时限' });
    expect(r.statusCode, r.body).toBe(201);
    draft = r.json().id;
    expect(r.json()).toMatchObject({ status: 'draft', statusName: '起草中', baseVersion: 1, replacesVersion: 1, defectCount: 0, defects: [], createdBy: { name: '系统管理员' } });
    expect(r.json().documents).toContainEqual({ file: MATTER, kind: 'matter' });

    // a lead department drafts only for the matters it leads, and imports nothing
    expect((await as('sj-lead', 'POST', '/api/admin/drafts', { title: 't', reason: 'r', matterId: 'newborn-birth' })).json()).toMatchObject({ code: 'not-matter-lead' });
    expect((await as('wsjk-lead', 'POST', '/api/admin/drafts', { title: 't', reason: 'r' })).json()).toMatchObject({ code: 'matter-required' });
    expect((await as('wsjk-lead', 'POST', '/api/admin/drafts', { title: 't', reason: 'r', files: { [ITEM]: 'a: 1' } })).statusCode).toBe(403);
    const own = await as('wsjk-lead', 'POST', '/api/admin/drafts', { title: '育儿指导登记说明', reason: '补充说明', matterId: 'newborn-birth' });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ department: { code: 'wsjk' }, matterId: 'newborn-birth' });
    expect((await as('admin', 'POST', '/api/admin/drafts', { title: 't', reason: 'r', baseVersion: 9 })).statusCode).toBe(404);
    expect((await as('admin', 'POST', '/api/admin/drafts', { title: '', reason: 'r' })).json()).toMatchObject({ code: 'invalid-request' });
    // the administrator's draft is no business of the lead until its department is asked
    expect((await as('wsjk-lead', 'GET', `/api/admin/drafts/${draft}`)).statusCode).toBe(404);
    const listed = (await as('wsjk-lead', 'GET', '/api/admin/drafts')).json().drafts.map((d: Json) => d.id);
    expect(listed).toContain(own.json().id);
    expect(listed).not.toContain(draft);
    expect((await as('window', 'GET', '/api/admin/drafts')).statusCode).toBe(403);
  });

  it('re-checks the whole catalogue after every edit and shows each defect, coverage included', async () => {
    const item = await as('admin', 'GET', doc(draft, ITEM));
    expect(item.statusCode, item.body).toBe(200);
    expect(item.json().yaml).toContain('promised: 2');
    const data = item.json().data as Json;

    // a broken edit: the promise longer than the law allows
    const broken = await as('admin', 'PUT', doc(draft, ITEM), { data: { ...data, timeLimit: { promised: 5, legal: 2 } } });
    expect(broken.statusCode, broken.body).toBe(200);
    expect(broken.json()).toMatchObject({ ok: false, change: 'replaced', kind: 'item' });
    expect(broken.json().defects).toContainEqual({ file: ITEM, path: 'timeLimit.promised', message: '承诺时限（5）不能长于法定时限（2）' });
    expect((await as('admin', 'GET', `/api/admin/drafts/${draft}`)).json().defectCount).toBe(broken.json().defects.length);
    const fixed = await as('admin', 'PUT', doc(draft, ITEM), { data: { ...data, timeLimit: { promised: 1, legal: 2 } } });
    expect(fixed.json()).toMatchObject({ ok: true, defects: [] });

    // the question's text, as YAML
    matterYaml = parse((await as('admin', 'GET', doc(draft, MATTER))).json().yaml) as Json;
    const q = (matterYaml.questions as Json[]).find((x) => x.id === 'babyUnderOneYear') as Json;
    expect(q.text).toBe(OLD_TEXT);
    q.text = NEW_TEXT;
    const text = await as('admin', 'PUT', doc(draft, MATTER), { yaml: stringify(matterYaml) });
    expect(text.json()).toMatchObject({ ok: true, defects: [] });

    // a situation edit that leaves answers without a situation: the coverage check finds it
    const situations = matterYaml.situations as Json[];
    const gap = await as('admin', 'PUT', doc(draft, MATTER), { yaml: stringify({ ...matterYaml, situations: situations.filter((s) => s.id !== 'newborn-over-one-year') }) });
    expect(gap.json().ok).toBe(false);
    const coverage = (gap.json().defects as Json[]).filter((d) => d.file === MATTER);
    expect(coverage.length).toBeGreaterThan(0);
    expect(coverage.every((d) => d.path === 'situations' && String(d.message).includes('回答'))).toBe(true);
    const blocked = await as('admin', 'POST', `/api/admin/drafts/${draft}/submit`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'draft-has-defects' });
    expect(blocked.json().message).toMatch(/问题/);
    expect((await as('admin', 'PUT', doc(draft, MATTER), { yaml: stringify(matterYaml) })).json().ok).toBe(true);

    // removing a document the matter needs, then putting it back
    const guidance = (await as('admin', 'GET', doc(draft, GUIDANCE))).json().data;
    const removed = await as('admin', 'DELETE', doc(draft, GUIDANCE));
    expect(removed.json()).toMatchObject({ ok: false, change: 'removed' });
    expect((removed.json().defects as Json[]).some((d) => d.file === MATTER && String(d.message).includes('wsjk-parenting-guidance'))).toBe(true);
    const back = await as('admin', 'PUT', doc(draft, GUIDANCE), { data: guidance });
    expect(back.json()).toMatchObject({ ok: true, change: 'added' });

    // bad input, each with its code and a Chinese message
    const bad = async (method: string, url: string, body: unknown, status: number, code: string) => {
      const r = await as('admin', method, url, body);
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json().code).toBe(code);
      expect(r.json().message).toMatch(/[\u4e00-\u9fff]/);
    };
    await bad('PUT', doc(draft, 'catalog/nope/x.yaml'), { yaml: 'a: 1' }, 400, 'invalid-document-path');
    await bad('PUT', doc(draft, 'catalog/items/../x.yaml'), { yaml: 'a: 1' }, 400, 'invalid-document-path');
    await bad('PUT', doc(draft, ITEM), { yaml: 'a: 1', data: {} }, 400, 'yaml-or-data');
    await bad('PUT', doc(draft, ITEM), { yaml: 'a: [1, 2' }, 400, 'yaml-syntax');
    await bad('DELETE', doc(draft, 'catalog/items/none.yaml'), undefined, 404, 'not-found');
    await bad('GET', `/api/admin/drafts/${draft}/documents/${enc(ITEM)}x`, undefined, 400, 'invalid-document-path');
    const after = (await as('admin', 'GET', `/api/admin/drafts/${draft}`)).json();
    expect(after).toMatchObject({ status: 'draft', defectCount: 0 });
  });

  it('previews a plan made with the draft while the public catalogue stays as it is', async () => {
    const preview = await as('admin', 'POST', `/api/admin/drafts/${draft}/preview-plan`, { matterId: 'newborn-birth', answers: ANSWERS });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json().plan as Plan;
    expect(p.complete).toBe(true);
    expect(promisedIn(p, 'ga-birth-registration')).toBe(1);
    expect(questionText(p, 'babyUnderOneYear')).toBe(NEW_TEXT);
    expect(preview.json().defects).toEqual([]);
    const published = (await h.request('POST', '/api/public/matters/newborn-birth/plan', { body: { answers: ANSWERS } })).json();
    expect(published.version).toBe(1);
    expect(promisedIn(published.plan, 'ga-birth-registration')).toBe(2);
    expect((await as('admin', 'POST', `/api/admin/drafts/${draft}/preview-plan`, { matterId: 'nope' })).statusCode).toBe(404);
    expect((await as('admin', 'POST', `/api/admin/drafts/${draft}/preview-plan`, { matterId: 'newborn-birth', answers: { hukouLocation: 'mars' } })).json().code).toBe('invalid-answers');
  });

  it('asks every department concerned; a disagreement sends the draft back, a resubmission asks again', async () => {
    expect((await as('wsjk-lead', 'POST', `/api/admin/drafts/${draft}/submit`)).statusCode).toBe(404);
    const r = await as('admin', 'POST', `/api/admin/drafts/${draft}/submit`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'in-review', review: { round: 1 } });
    expect(r.json().review.asked.map((a: { department: { code: string } }) => a.department.code)).toEqual(ASKED);
    const inbox = (await as('ga-reviewer', 'GET', '/api/inbox')).json().notifications as Json[];
    expect(inbox.some((n) => n.kind === 'catalogue-review' && String(n.body).includes('新生儿出生'))).toBe(true);
    // the asked departments see it; the others do not
    expect((await as('ga-reviewer', 'GET', '/api/admin/drafts')).json().drafts.map((d: Json) => d.id)).toContain(draft);
    expect((await as('sj-reviewer', 'GET', `/api/admin/drafts/${draft}`)).statusCode).toBe(404);
    expect((await opinion('sj-reviewer', draft, { opinion: 'agree' })).statusCode).toBe(404);
    // locked while in review
    expect((await as('admin', 'PUT', doc(draft, ITEM), { yaml: 'a: 1' })).json().code).toBe('draft-locked');
    expect((await as('admin', 'POST', `/api/admin/drafts/${draft}/publish`)).json().code).toBe('not-approved');
    const early = await as('admin', 'POST', `/api/admin/drafts/${draft}/approve`);
    expect(early.json()).toMatchObject({ code: 'opinions-missing' });
    expect(early.json().details).toHaveLength(ASKED.length);

    expect((await opinion('ga-reviewer', draft, { opinion: 'disagree' })).json().code).toBe('comment-required');
    const no = await opinion('ga-reviewer', draft, { opinion: 'disagree', comment: '承诺时限改为 1 个工作日后，请在指南的时限说明中写明。' });
    expect(no.statusCode, no.body).toBe(200);
    expect(no.json()).toMatchObject({ status: 'revision', statusName: '退回修改' });
    expect(no.json().opinions).toMatchObject([{ round: 1, department: { code: 'ga' }, opinion: 'disagree', by: { name: '赵磊（公安局审批员）' } }]);
    expect((await opinion('rs-reviewer', draft, { opinion: 'agree' })).json().code).toBe('not-in-review');
    expect((await as('admin', 'GET', '/api/inbox')).json().notifications.some((n: Json) => n.kind === 'catalogue-revision')).toBe(true);

    // revised as asked, then submitted again: a new round, every department asked again
    const revised = await as('admin', 'PUT', doc(draft, MATTER), { yaml: stringify({ ...matterYaml, guide: { ...(matterYaml.guide as Json), timeLimitNote: NOTE } }) });
    expect(revised.json().ok).toBe(true);
    const again = await as('admin', 'POST', `/api/admin/drafts/${draft}/submit`);
    expect(again.json()).toMatchObject({ status: 'in-review', review: { round: 2 } });
    expect(again.json().review.asked.every((a: Json) => a.opinion === null)).toBe(true);
    await allAgree(draft);
    expect((await opinion('ga-reviewer', draft, { opinion: 'agree' })).json().code).toBe('opinion-given');
    expect((await opinion('sj-lead', draft, { opinion: 'agree' })).statusCode).toBe(404);
  });

  it('publishes after joint approval: the public API serves the new version, old cases keep theirs', async () => {
    const guideBefore = await h.request('GET', '/api/public/matters/newborn-birth');
    expect(guideBefore.headers['cache-control']).toBe('public, no-cache');
    expect((await h.request('GET', '/api/public/matters/newborn-birth', { headers: { 'if-none-match': String(guideBefore.headers.etag) } })).statusCode).toBe(304);
    const approved = await as('admin', 'POST', `/api/admin/drafts/${draft}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: { name: '系统管理员' } });
    expect(approved.json().opinions).toHaveLength(1 + ASKED.length);
    h.clock.advance(60 * 1000);
    const published = await as('admin', 'POST', `/api/admin/drafts/${draft}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ version: 2, draft: { status: 'published', publishedVersion: 2 } });
    expect((await as('admin', 'POST', `/api/admin/drafts/${draft}/publish`)).json().code).toBe('not-approved');

    const versions = (await h.request('GET', '/api/public/versions')).json().versions;
    expect(versions).toMatchObject([
      { version: 2, title: '新生儿出生一件事：压缩出生登记时限、改进问题表述', reason: '落实国办发〔2025〕24号，压缩承诺时限', source: 'draft', matters: [{ id: 'newborn-birth' }], publishedAt: published.json().publishedAt },
      { version: 1, source: 'import' },
    ]);
    const matters = (await h.request('GET', '/api/public/matters')).json();
    expect(matters.version).toBe(2);
    // A browser or proxy still holding the old guide revalidates it and gets the new one at once.
    const revalidated = await h.request('GET', '/api/public/matters/newborn-birth', { headers: { 'if-none-match': String(guideBefore.headers.etag) } });
    expect(revalidated.statusCode).toBe(200);
    const { guide } = revalidated.json();
    expect(guide.questions.find((q: Json) => q.id === 'babyUnderOneYear').text).toBe(NEW_TEXT);
    expect(guide.timeLimit.note).toBe(NOTE);
    expect(guide.items.find((i: Json) => i.id === 'ga-birth-registration').timeLimit.promised).toBe(1);
    expect((await h.request('GET', '/api/public/items/ga-birth-registration')).json()).toMatchObject({ version: 2, item: { timeLimit: { promised: 1, legal: 2 } } });
    const plan = (await h.request('POST', '/api/public/matters/newborn-birth/plan', { body: { answers: ANSWERS } })).json();
    expect(plan.version).toBe(2);
    expect(promisedIn(plan.plan, 'ga-birth-registration')).toBe(1);

    // the case created before publication plans with version 1, a new one with version 2
    const old = await as('wangfang', 'PUT', `/api/cases/${caseBefore}/answers`, { answers: CASE_ANSWERS });
    expect(old.statusCode, old.body).toBe(200);
    expect(promisedIn(old.json().plan, 'ga-birth-registration')).toBe(2);
    expect(questionText(old.json().plan, 'babyUnderOneYear')).toBe(OLD_TEXT);
    expect((await as('wangfang', 'GET', `/api/cases/${caseBefore}`)).json().catalogueVersion).toBe(1);
    const fresh = await as('wangfang', 'POST', '/api/cases', { matterId: 'newborn-birth' });
    expect(fresh.json().catalogueVersion).toBe(2);
    const now = await as('wangfang', 'PUT', `/api/cases/${fresh.json().id}/answers`, { answers: CASE_ANSWERS });
    expect(promisedIn(now.json().plan, 'ga-birth-registration')).toBe(1);

    // a draft made before publication may not go forward: it would undo version 2
    const stale = (await as('wsjk-lead', 'GET', '/api/admin/drafts')).json().drafts.find((d: Json) => d.title === '育儿指导登记说明');
    const edit = await as('wsjk-lead', 'PUT', doc(stale.id, GUIDANCE), { data: { ...(await as('wsjk-lead', 'GET', doc(stale.id, GUIDANCE))).json().data, name: '科学育儿指导服务登记（自愿）' } });
    expect(edit.json().ok).toBe(true);
    expect((await as('wsjk-lead', 'POST', `/api/admin/drafts/${stale.id}/submit`)).json().code).toBe('catalogue-moved');
  });

  it('shows a readable diff: every changed leaf, the matters and the departments concerned', async () => {
    const r = await as('ga-reviewer', 'GET', `/api/admin/drafts/${draft}/diff`);
    expect(r.statusCode, r.body).toBe(200);
    const diff = r.json();
    expect(diff.against).toBe(1);
    expect(diff.documents.map((d: Json) => [d.file, d.change])).toEqual([[ITEM, 'changed'], [MATTER, 'changed']]);
    const item = diff.documents.find((d: Json) => d.file === ITEM);
    expect(item.changes).toEqual([{ path: 'timeLimit.promised', before: 2, after: 1 }]);
    const matter = diff.documents.find((d: Json) => d.file === MATTER);
    expect(matter.changes).toEqual([
      { path: 'questions[id=babyUnderOneYear].text', before: OLD_TEXT, after: NEW_TEXT },
      { path: 'guide.timeLimitNote', before: '承诺办结时限最短 5 个工作日（不含制证及邮寄时间）。', after: NOTE },
    ]);
    expect(diff.matters).toHaveLength(1);
    expect(diff.matters[0]).toMatchObject({ id: 'newborn-birth', name: '新生儿出生“一件事”' });
    expect(diff.matters[0].why).toEqual(['指南、问卷、情形或事项组成有变化', '事项「国（境）内出生登记（新生儿户口登记）」有变化']);
    expect(diff.departments.map((d: Json) => d.code)).toEqual(ASKED);
    expect(diff.departments.find((d: Json) => d.code === 'ga').name).toMatch(/公安/);
  });

  it('turns a change request into a draft, and closes it when that draft is published', async () => {
    const filed = await as('window', 'POST', '/api/admin/change-requests', { matterId: 'newborn-birth', reason: '群众反映综合窗口中午不办理，建议公布午间延时服务时间。' });
    expect(filed.statusCode, filed.body).toBe(201);
    const cr = filed.json();
    expect(cr).toMatchObject({ status: 'open', matter: { id: 'newborn-birth', name: '新生儿出生“一件事”' }, requestedBy: { name: '综合窗口 刘敏', role: 'window', department: 'zwfw' } });
    expect((await as('window', 'POST', '/api/admin/change-requests', { matterId: 'nope', reason: 'x' })).statusCode).toBe(404);
    expect((await as('window', 'POST', '/api/admin/change-requests', { matterId: 'newborn-birth', reason: '   ' })).json().code).toBe('reason-required');
    expect((await as('window', 'GET', '/api/admin/change-requests')).json().changeRequests.map((c: Json) => c.id)).toEqual([cr.id]);
    expect((await as('wsjk-lead', 'GET', '/api/admin/change-requests')).json().changeRequests.map((c: Json) => c.id)).toContain(cr.id);
    expect((await as('sj-reviewer', 'GET', '/api/admin/change-requests')).json().changeRequests).toEqual([]);
    expect((await as('wsjk-lead', 'POST', `/api/admin/change-requests/${cr.id}/open-draft`)).statusCode).toBe(403);

    const opened = await as('admin', 'POST', `/api/admin/change-requests/${cr.id}/open-draft`);
    expect(opened.statusCode, opened.body).toBe(201);
    const d = opened.json();
    expect(d).toMatchObject({ changeRequestId: cr.id, matterId: 'newborn-birth', department: { code: 'wsjk' }, baseVersion: 2, replacesVersion: 2, reason: cr.reason });
    expect((await as('admin', 'POST', `/api/admin/change-requests/${cr.id}/open-draft`)).json().code).toBe('change-request-not-open');
    expect((await as('admin', 'GET', '/api/admin/change-requests?status=drafting')).json().changeRequests).toMatchObject([{ id: cr.id, draftId: d.id }]);

    // the lead department drafts it: its own matter yes, another department's matter no
    const m = parse((await as('wsjk-lead', 'GET', doc(d.id, MATTER))).json().yaml) as Json;
    const guide = m.guide as Json;
    const edit = await as('wsjk-lead', 'PUT', doc(d.id, MATTER), { yaml: stringify({ ...m, guide: { ...guide, hours: `${String(guide.hours)}工作日中午 12:00-13:30 提供延时服务。` } }) });
    expect(edit.json()).toMatchObject({ ok: true });
    const other = (await as('wsjk-lead', 'GET', doc(d.id, 'catalog/matters/restaurant-opening.yaml'))).json().data;
    expect((await as('wsjk-lead', 'PUT', doc(d.id, 'catalog/matters/restaurant-opening.yaml'), { data: { ...other, name: '改名' } })).json().code).toBe('not-matter-lead');
    expect((await as('sj-lead', 'PUT', doc(d.id, MATTER), { yaml: 'a: 1' })).statusCode).toBe(404);

    expect((await as('wsjk-lead', 'POST', `/api/admin/drafts/${d.id}/submit`)).json().status).toBe('in-review');
    await allAgree(d.id);
    expect((await as('wsjk-lead', 'POST', `/api/admin/drafts/${d.id}/approve`)).statusCode).toBe(403);
    expect((await as('admin', 'POST', `/api/admin/drafts/${d.id}/approve`)).json().status).toBe('approved');
    expect((await as('admin', 'POST', `/api/admin/drafts/${d.id}/publish`)).json().version).toBe(3);
    const closed = (await as('window', 'GET', '/api/admin/change-requests')).json().changeRequests[0];
    expect(closed).toMatchObject({ id: cr.id, status: 'closed', draftId: d.id });
    expect(closed.closedAt).toBeTruthy();
    expect((await as('window', 'GET', '/api/inbox')).json().notifications.some((n: Json) => n.kind === 'catalogue-published')).toBe(true);
    expect((await h.request('GET', '/api/public/matters/newborn-birth')).json()).toMatchObject({ version: 3, guide: { hours: expect.stringContaining('延时服务') } });
  });

  it('exports a version as YAML files that import back to identical documents', async () => {
    expect((await as('wsjk-lead', 'GET', '/api/admin/versions/1/export')).statusCode).toBe(403);
    expect((await as('admin', 'GET', '/api/admin/versions/99/export')).statusCode).toBe(404);
    const exported = await as('admin', 'GET', '/api/admin/versions/1/export');
    expect(exported.statusCode).toBe(200);
    const files = exported.json().files as Record<string, string>;
    const v1 = JSON.parse((await h.deps.db.kysely.selectFrom('catalogue_versions').select('documents').where('version', '=', 1).executeTakeFirstOrThrow()).documents) as CatalogueDocument[];
    expect(Object.keys(files).sort()).toEqual(v1.map((x) => x.file).sort());
    expect(files[ITEM]).toContain('promised: 2');

    expect((await as('admin', 'POST', '/api/admin/drafts', { title: '导入', reason: '导入', files: { 'catalog/x/y.yaml': 'a: 1', [ITEM]: 'a: [' } })).json()).toMatchObject({ code: 'invalid-files', details: [{ path: 'files.catalog/x/y.yaml' }, { path: `files.${ITEM}` }] });
    const imported = await as('admin', 'POST', '/api/admin/drafts', { title: '恢复第 1 版', reason: '演练导出与导入', files });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ defectCount: 0, replacesVersion: 3 });
    const row = await withVersionTables(h.deps.db.kysely).selectFrom('catalogue_drafts').select('documents').where('id', '=', imported.json().id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.documents)).toEqual(v1);
    // against version 3 the import undoes both publications
    const diff = (await as('admin', 'GET', `/api/admin/drafts/${imported.json().id}/diff`)).json();
    expect(diff.documents.find((x: Json) => x.file === ITEM).changes).toEqual([{ path: 'timeLimit.promised', before: 1, after: 2 }]);
  });

  it('audits every change in the SM3 chain', async () => {
    const actions = (await h.deps.db.kysely.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
    for (const a of ['catalogue-draft.create', 'catalogue-draft.import', 'catalogue-draft.document.put', 'catalogue-draft.document.delete', 'catalogue-draft.submit',
      'catalogue-draft.opinion', 'catalogue-draft.approve', 'catalogue.publish', 'change-request.create', 'change-request.open-draft', 'change-request.close']) {
      expect(actions, a).toContain(a);
    }
    expect((await as('auditor', 'GET', '/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('lists the drafts and change requests an account may see, however many others there are', async () => {
    const db = withVersionTables(h.deps.db.kysely);
    const idOf = async (username: string) => (await db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    const admin = await idOf('admin');
    const window = await idOf('window');
    const at = (i: number) => new Date(Date.UTC(2030, 0, 1) + i * 1000).toISOString();
    const draftRow = (id: string, i: number, department: string | null, asked: string[]) => ({
      id, base_version: 1, replaces_version: 1, title: `t${i}`, reason: 'r', status: 'draft' as const, documents: '[]', defects: '[]', matter_id: null, department,
      change_request_id: null, round: 0, asked: JSON.stringify(asked), created_by: admin, created_at: at(i), updated_at: at(i),
      submitted_at: null, approved_by: null, approved_at: null, published_version: null, published_by: null, published_at: null, summary: null, row_version: 0,
    });
    const requestRow = (id: string, i: number, by: string, matter: string) => ({
      id, matter_id: matter, reason: 'r', requested_by: by, requester_role: 'admin', requester_department: null, requested_at: at(i), status: 'open' as const, draft_id: null, closed_at: null,
    });
    // the readers' own ones first, then 600 newer ones none of them may see
    const ownDraft = randomUUID();
    const askedDraft = randomUUID();
    const ownRequest = randomUUID();
    const ledRequest = randomUUID();
    await db.insertInto('catalogue_drafts').values([draftRow(ownDraft, 0, 'wsjk', []), draftRow(askedDraft, 1, 'sj', ['yb'])]).execute();
    await db.insertInto('change_requests').values([requestRow(ownRequest, 0, window, 'restaurant-opening'), requestRow(ledRequest, 1, admin, 'newborn-birth')]).execute();
    for (let b = 0; b < 6; b++) {
      const n = Array.from({ length: 100 }, (_, k) => 2 + b * 100 + k);
      await db.insertInto('catalogue_drafts').values(n.map((i) => draftRow(randomUUID(), i, 'sj', ['ga']))).execute();
      await db.insertInto('change_requests').values(n.map((i) => requestRow(randomUUID(), i, admin, 'restaurant-opening'))).execute();
    }

    const drafts = async (user: string) => ((await as(user, 'GET', '/api/admin/drafts')).json().drafts as Json[]).map((d) => d.id);
    expect(await drafts('wsjk-lead')).toContain(ownDraft);
    expect(await drafts('wsjk-lead')).not.toContain(askedDraft);
    const asked = await drafts('yb-reviewer');
    expect(asked).toContain(askedDraft);
    expect(asked).not.toContain(ownDraft);
    expect(asked.length).toBeLessThan(10);
    expect(await drafts('admin')).toHaveLength(500);
    const listed = (await as('wsjk-lead', 'GET', '/api/admin/drafts?status=draft')).json().drafts as Json[];
    expect(listed.find((d) => d.id === ownDraft)).toMatchObject({ title: 't0', department: { code: 'wsjk' }, defectCount: 0 });

    const requests = async (user: string) => ((await as(user, 'GET', '/api/admin/change-requests')).json().changeRequests as Json[]).map((c) => c.id);
    expect(await requests('window')).toContain(ownRequest);
    expect(await requests('window')).not.toContain(ledRequest);
    expect(await requests('wsjk-lead')).toContain(ledRequest);
    expect(await requests('wsjk-lead')).not.toContain(ownRequest);
  });
});
