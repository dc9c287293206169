/**
 * The table behind roles.test.ts: for every route of the API, who may call it, with the body and
 * path parameters the walk uses. A route added without a line here fails that test.
 */
import { randomUUID } from 'node:crypto';
import { residentIdCheckChar } from '../../core/fields/validators.ts';
import { DEMO_PASSWORD } from '../modules/identity/demo.ts';

export const CALLERS = ['anonymous', 'owner', 'otherApplicant', 'window', 'caseReviewer', 'otherReviewer', 'lead', 'admin', 'auditor', 'client'] as const;
export type Caller = (typeof CALLERS)[number];

/** The demo account behind each caller; `client` is wsjk's own system, signing its requests. */
export const USERNAME: Record<Exclude<Caller, 'anonymous' | 'client'>, string> = {
  owner: 'wangfang', // applicant of the case the walk uses
  otherApplicant: 'zhangjianguo',
  window: 'window',
  caseReviewer: 'wsjk-reviewer', // wsjk has a task in the case (and leads the matter)
  otherReviewer: 'sj-reviewer', // sj has nothing to do with it
  lead: 'wsjk-lead',
  admin: 'admin',
  auditor: 'auditor',
};

const EVERYONE: Caller[] = [...CALLERS];
const ACCOUNTS: Caller[] = CALLERS.filter((c) => c !== 'anonymous' && c !== 'client');
const APPLICANTS: Caller[] = ['owner', 'otherApplicant'];
const OWNER: Caller[] = ['owner'];
const OWNER_OR_WINDOW: Caller[] = ['owner', 'window'];
const WINDOW: Caller[] = ['window'];
/** Every department: its queue. */
const DEPARTMENTS: Caller[] = ['caseReviewer', 'otherReviewer', 'lead', 'client'];
/** The department that has the task (and leads the matter): reviewer, lead and its system. */
const CASE_DEPARTMENT: Caller[] = ['caseReviewer', 'lead', 'client'];
const CASE_DEPARTMENT_PEOPLE: Caller[] = ['caseReviewer', 'lead'];
const CLIENT: Caller[] = ['client'];
const LEAD: Caller[] = ['lead'];
const ADMIN: Caller[] = ['admin'];

export const OUTSIDE = 'outside-parent-documents';
export const WSJK_ITEM = 'wsjk-birth-medical-certificate';
export const CHINESE = /[\u4e00-\u9fff]/;

export interface Expectation {
  /** Who may call it; everyone else must get 401 (anonymous) or 403/404. */
  allow: Caller[];
  body?: unknown;
  /** Send a PDF as multipart/form-data (field `file`). */
  upload?: boolean;
  /** Path parameters other than the defaults (the walk's case, wsjk's item, the uploaded file). */
  params?: (f: Fixture) => Record<string, string>;
  /** Every allowed caller must get a 2xx (the ids are real and the call repeatable). */
  succeeds?: boolean;
  /** Call with a session of its own (log-out ends the session it is called with). */
  ownSession?: boolean;
  /** A known bug keeps every caller out; the walk checks only that nothing fails with a 5xx. */
  bug?: string;
}

export interface Fixture {
  caseId: string;
  draftId: string;
  fileId: string;
}

/** Every route, documented or not. Keys are `METHOD /path/{param}` as OpenAPI writes them. */
export const EXPECTATIONS: Record<string, Expectation> = {
  // identity
  'POST /api/auth/login': { allow: EVERYONE, body: { username: 'auditor', password: DEMO_PASSWORD }, succeeds: true },
  'POST /api/auth/logout': { allow: EVERYONE, succeeds: true, ownSession: true },
  'GET /api/auth/me': { allow: ACCOUNTS, succeeds: true },
  'POST /api/auth/password': { allow: ACCOUNTS, body: { currentPassword: 'not-the-password', newPassword: 'Another@2027' } }, // a wrong current password: nothing changes
  // unified identity service (off in this walk: 404 for everyone; oidc/oidc.test.ts drives a real provider)
  'GET /api/auth/providers': { allow: EVERYONE, succeeds: true },
  'GET /api/auth/oidc/{audience}/start': { allow: EVERYONE, params: () => ({ audience: 'applicant' }) },
  'GET /api/auth/oidc/{audience}/callback': { allow: EVERYONE, params: () => ({ audience: 'staff' }) },
  'GET /api/auth/act-as': { allow: APPLICANTS, succeeds: true }, // a password session: nothing to switch to
  'POST /api/auth/act-as': { allow: [], body: { uscc: null } }, // only a session from the identity service may switch: password sessions get 403
  // public catalogue
  'GET /api/public/matters': { allow: EVERYONE, succeeds: true },
  'GET /api/public/matters/{id}': { allow: EVERYONE, params: () => ({ id: 'newborn-birth' }), succeeds: true },
  'POST /api/public/matters/{id}/plan': { allow: EVERYONE, params: () => ({ id: 'newborn-birth' }), body: {}, succeeds: true },
  'GET /api/public/items': { allow: EVERYONE, succeeds: true },
  'GET /api/public/items/{code}': { allow: EVERYONE, params: () => ({ code: 'ga-birth-registration' }), succeeds: true },
  'GET /api/public/departments': { allow: EVERYONE, succeeds: true },
  'GET /api/public/regions': { allow: EVERYONE, succeeds: true },
  'GET /api/public/search': { allow: EVERYONE },
  'GET /api/public/ask': { allow: EVERYONE }, // no query: 400 for everyone, never a 5xx
  'GET /api/public/catalogue': { allow: EVERYONE, succeeds: true },
  'GET /api/me/facts': { allow: APPLICANTS, succeeds: true },
  'POST /api/public/matters/{id}/checklist.pdf': { allow: EVERYONE, params: () => ({ id: 'newborn-birth' }), body: { answers: { bornInProvinceInstitution: true, birthCertificateFirstIssue: true, parentsMarried: true, babyUnderOneYear: true, applicantParent: 'mother', joinHousehold: 'mother', hukouLocation: 'both-in-province', fertilityRegistered: true, motherMaternityInsured: false } }, succeeds: true },
  'GET /api/public/matters/{id}/materials/{material}/sample.pdf': { allow: EVERYONE, params: () => ({ id: 'restaurant-opening', material: 'fire-safety-commitment' }), succeeds: true },
  'GET /api/public/items/{code}/materials/{material}/sample.pdf': { allow: EVERYONE, params: () => ({ code: 'xf-public-venue-fire-safety-check', material: 'fire-safety-commitment' }), succeeds: true },
  'GET /api/public/licenses/{id}/verify': { allow: EVERYONE, params: () => ({ id: randomUUID() }) },
  'GET /verify/{id}': { allow: EVERYONE, params: () => ({ id: randomUUID() }) },
  'GET /openapi.json': { allow: EVERYONE, succeeds: true },
  // From the loopback address the test calls from; other addresses need the token (ops.test.ts).
  'GET /metrics': { allow: EVERYONE, succeeds: true },
  'GET /livez': { allow: EVERYONE, succeeds: true },
  'GET /readyz': { allow: EVERYONE, succeeds: true },
  // the applicant's case
  'POST /api/cases': { allow: APPLICANTS, body: { matterId: 'newborn-birth' }, succeeds: true },
  'GET /api/cases': { allow: APPLICANTS, succeeds: true },
  'GET /api/cases/{id}': { allow: OWNER_OR_WINDOW, succeeds: true },
  // 智能预审 (precheck/precheck.test.ts reads real images); re-running answers 202, or 409 where no engine is installed
  'GET /api/public/precheck': { allow: EVERYONE, succeeds: true },
  'GET /api/cases/{id}/precheck': { allow: OWNER_OR_WINDOW, succeeds: true },
  'POST /api/cases/{id}/precheck': { allow: OWNER_OR_WINDOW },
  'PUT /api/cases/{id}/answers': { allow: OWNER_OR_WINDOW, body: { answers: {} } },
  'PUT /api/cases/{id}/form': { allow: OWNER_OR_WINDOW, body: { values: {} } },
  'POST /api/cases/{id}/materials/{material}/files': { allow: OWNER_OR_WINDOW, upload: true },
  'GET /api/cases/{id}/files/{file}': { allow: OWNER_OR_WINDOW, succeeds: true }, // wsjk's item does not need this material
  'POST /api/cases/{id}/submit': { allow: OWNER_OR_WINDOW },
  'POST /api/cases/{id}/withdraw': { allow: OWNER, params: (f) => ({ id: f.draftId }) },
  'POST /api/cases/{id}/tasks/{item}/supplement-provided': { allow: OWNER_OR_WINDOW }, // the window answers at the counter
  'GET /api/cases/{id}/documents/{kind}': { allow: OWNER_OR_WINDOW, params: () => ({ kind: 'receipt.pdf' }), succeeds: true },
  // fees (收费): the walk's case charges nothing, so there is no receipt or order to record
  'GET /api/cases/{id}/fees': { allow: OWNER_OR_WINDOW, succeeds: true },
  'GET /api/cases/{id}/fees/{reference}/receipt.pdf': { allow: OWNER_OR_WINDOW, params: (f) => ({ id: f.caseId, reference: '20251001990100000001' }) },
  'POST /api/window/fees/{reference}/received': { allow: WINDOW, params: () => ({ reference: '20251001990100000001' }), body: { method: 'cash' } },
  'POST /api/window/fee-refunds/{id}/refunded': { allow: WINDOW, params: () => ({ id: randomUUID() }), body: { method: 'cash' } },
  'POST /api/public/payments/notify': { allow: [], body: { type: 'payment', reference: '20251001990100000001', transactionId: 'T1', amount: 100, paidAt: '2025-10-01T02:00:00Z' } }, // signed by the payment platform only
  'GET /api/fees/reconciliation': { allow: ['caseReviewer', 'otherReviewer', 'lead', 'admin', 'auditor'], succeeds: true },
  'POST /api/cases/{id}/handoff': { allow: OWNER_OR_WINDOW, body: { department: 'wsjk' }, succeeds: true },
  // the window
  'POST /api/window/cases': { allow: WINDOW, body: { matterId: 'newborn-birth', applicant: { idNumber: `11010519800101001${residentIdCheckChar('11010519800101001')}`, name: '路人甲' } }, succeeds: true },
  'GET /api/window/cases': { allow: WINDOW, succeeds: true },
  'GET /api/window/search': { allow: WINDOW }, // no query: the window gets 400, the others are turned away first
  'GET /api/window/recent': { allow: WINDOW, succeeds: true },
  'GET /api/public/progress': { allow: EVERYONE }, // no number and code: 400 for anyone
  'GET /api/window/cases/{id}/check': { allow: WINDOW, succeeds: true },
  'GET /api/window/cases/{id}/precheck': { allow: WINDOW, succeeds: true },
  'POST /api/window/cases/{id}/accept': { allow: WINDOW },
  'POST /api/window/cases/{id}/accept-on-commitment': { allow: WINDOW, body: { deferred: [{ material: OUTSIDE, deadline: '2025-10-20' }] } },
  'POST /api/window/cases/{id}/reject': { allow: WINDOW, body: { kind: 'not-eligible', reason: '申请人不是新生儿的父母' } },
  'POST /api/window/cases/{id}/corrections': { allow: WINDOW, body: { items: [{ field: 'newbornName', problem: '与出生医学证明不一致', correction: '请更正' }] } },
  'POST /api/cases/{id}/resubmit': { allow: OWNER_OR_WINDOW, body: {} },
  'POST /api/window/cases/{id}/deferred/{material}': { allow: WINDOW },
  'POST /api/window/cases/{id}/deliveries': { allow: WINDOW, body: { method: 'pickup', recipient: '王芳' } },
  // departments
  'GET /api/department/tasks': { allow: DEPARTMENTS, succeeds: true },
  'GET /api/department/tasks/{caseId}/{item}/shared-records': { allow: CASE_DEPARTMENT, succeeds: true },
  'GET /api/department/tasks/{caseId}/{item}': { allow: CASE_DEPARTMENT, succeeds: true },
  'GET /api/department/tasks/{caseId}/{item}/precheck': { allow: CASE_DEPARTMENT, succeeds: true },
  'POST /api/department/tasks/{caseId}/{item}/claim': { allow: CASE_DEPARTMENT_PEOPLE },
  'POST /api/department/tasks/{caseId}/{item}/release': { allow: CASE_DEPARTMENT },
  'POST /api/department/tasks/{caseId}/{item}/approve': { allow: CASE_DEPARTMENT, body: {} },
  'POST /api/department/tasks/{caseId}/{item}/refuse': { allow: CASE_DEPARTMENT, body: { reasons: ['不符合条件'] } },
  'POST /api/department/tasks/{caseId}/{item}/supplement': { allow: CASE_DEPARTMENT, body: { materials: [{ id: 'parents-id-cards' }], note: '请补充' } },
  'POST /api/department/joint-reviews': { allow: LEAD, succeeds: true }, // the lead department's manager only
  'POST /api/integration/handoff/verify': { allow: CLIENT, body: { token: 'not-a-token' } },
  'GET /.well-known/jwks.json': { allow: EVERYONE, succeeds: true },
  'GET /.well-known/onething-configuration': { allow: EVERYONE, succeeds: true },
  // results, inbox
  'GET /api/wallet': { allow: APPLICANTS, succeeds: true },
  // 亮证 of someone's licence: a random id is nobody's, so the applicants get 404 (presentation.test.ts shows their own).
  'POST /api/wallet/licenses/{id}/presentation': { allow: APPLICANTS, params: () => ({ id: randomUUID() }) },
  'GET /api/public/presentations/{token}': { allow: EVERYONE, params: () => ({ token: 'not-a-token' }) },
  'GET /verify/p/{token}': { allow: EVERYONE, params: () => ({ token: 'not-a-token' }) },
  // The walk's case has no decision yet: the allowed get 404, the others 403/404 (results.test.ts downloads them).
  'GET /api/cases/{id}/results/{item}/{kind}': { allow: ['owner', 'window', 'caseReviewer', 'lead'], params: () => ({ kind: 'decision.pdf' }) },
  'GET /api/inbox': { allow: ACCOUNTS, succeeds: true },
  'POST /api/inbox/{id}/read': { allow: ACCOUNTS, params: () => ({ id: randomUUID() }) },
  // 告知承诺
  'GET /api/cases/{id}/commitments': { allow: OWNER_OR_WINDOW, succeeds: true },
  'PUT /api/cases/{id}/commitments': { allow: OWNER_OR_WINDOW, params: (f) => ({ id: f.draftId }), body: { materials: [], signerName: '王芳', declaration: true } },
  'POST /api/cases/{id}/commitments/{material}/supplied': { allow: OWNER_OR_WINDOW, params: (f) => ({ id: f.caseId, material: 'no-such' }) },
  'GET /api/department/commitment-checks': { allow: ['caseReviewer', 'otherReviewer', 'lead'], succeeds: true },
  'POST /api/department/commitment-checks/{id}/complete': { allow: ['caseReviewer', 'otherReviewer', 'lead'], params: () => ({ id: randomUUID() }), body: { compliant: true, note: '经核查，承诺属实。' } },
  // lead department oversight
  'GET /api/lead/cases': { allow: LEAD, succeeds: true },
  'GET /api/lead/cases/{id}': { allow: LEAD, succeeds: true },
  'POST /api/lead/cases/{id}/urges': { allow: LEAD, body: { item: 'no-such-item', deadline: '2099-01-01', note: '请尽快办结本事项。' } },
  'GET /api/department/urges': { allow: ['caseReviewer', 'otherReviewer', 'lead'], succeeds: true },
  'POST /api/department/urges/{id}/answer': { allow: ['caseReviewer', 'otherReviewer', 'lead'], params: () => ({ id: randomUUID() }), body: { answer: '已加快办理。' } },
  // consultations, suggestions and complaints
  'POST /api/consultations': { allow: APPLICANTS, body: { kind: 'consultation', text: '请问办理新生儿出生一件事需要带哪些材料？' }, succeeds: true },
  'GET /api/consultations': { allow: APPLICANTS, succeeds: true },
  // recommendations after life events (issue 14)
  'GET /api/me/recommendations': { allow: APPLICANTS, succeeds: true },
  // 免申即享 (issue 14)
  'GET /api/me/offers': { allow: APPLICANTS, succeeds: true },
  'POST /api/me/offers/{id}/confirm': { allow: APPLICANTS, params: () => ({ id: randomUUID() }) },
  'POST /api/me/offers/{id}/decline': { allow: APPLICANTS, params: () => ({ id: randomUUID() }) },
  'GET /api/public/offers': { allow: EVERYONE, succeeds: true },
  'POST /api/public/offers/{id}/objections': { allow: EVERYONE, params: () => ({ id: randomUUID() }), body: { text: '请核实该名单是否符合条件。' } },
  'GET /api/department/offers': { allow: DEPARTMENTS, succeeds: true },
  'POST /api/department/offers/run': { allow: DEPARTMENTS, body: {}, succeeds: true },
  'POST /api/department/offers/{id}/decision': { allow: DEPARTMENTS, params: () => ({ id: randomUUID() }), body: { grant: true } },
  'POST /api/department/offer-objections/{id}/resolve': { allow: DEPARTMENTS, params: () => ({ id: randomUUID() }), body: { upheld: false, note: '经核查异议不成立。' } },
  'POST /api/admin/offers/run': { allow: ADMIN, body: {}, succeeds: true },
  'POST /api/consultations/{id}/close': { allow: APPLICANTS, params: () => ({ id: randomUUID() }), body: { resolved: true } },
  'POST /api/window/consultations': { allow: WINDOW, body: { kind: 'complaint', text: '窗口排队时间太长了。', caseId: randomUUID() } },
  'POST /api/window/walk-in-consultations': { allow: WINDOW, body: { kind: 'consultation', text: '请问退休一件事要带什么材料？', visitorName: '李来访', visitorMobile: '13901990009' }, succeeds: true },
  'GET /api/window/walk-in-consultations': { allow: WINDOW, succeeds: true },
  'POST /api/window/walk-in-consultations/{id}/close': { allow: WINDOW, params: () => ({ id: randomUUID() }), body: { resolved: true } },
  'GET /api/department/consultations': { allow: ['window', 'caseReviewer', 'otherReviewer', 'lead'], succeeds: true },
  'POST /api/department/consultations/{id}/answer': { allow: ['window', 'caseReviewer', 'otherReviewer', 'lead'], params: () => ({ id: randomUUID() }), body: { answer: '请携带出生医学证明和户口簿。' } },
  // 秒批 switches: departments' staff read them; the department's manager or the administrator sets them
  'GET /api/department/auto-decisions': { allow: ['caseReviewer', 'otherReviewer', 'lead', 'admin'], succeeds: true },
  'PUT /api/department/auto-decisions/{item}': { allow: ['lead', 'admin'], params: () => ({ item: 'sw-resident-insurance-premium' }), body: { enabled: true } },
  'GET /api/admin/knowledge': { allow: ['admin', 'auditor'], succeeds: true },
  'GET /api/admin/knowledge.xlsx': { allow: ['admin', 'auditor'], succeeds: true },
  // reporting upward: no query, so the admin and the auditor get 400 and the others are turned away first
  'GET /api/admin/reports/cases': { allow: ['admin', 'auditor'] },
  'GET /api/admin/reports/ratings': { allow: ['admin', 'auditor'] },
  'GET /api/admin/reports/period': { allow: ['admin', 'auditor'] },
  'GET /api/admin/reports/period.xlsx': { allow: ['admin', 'auditor'] },
  'GET /api/admin/reports/period.csv': { allow: ['admin', 'auditor'] },
  // ratings and rectification
  'POST /api/cases/{id}/ratings': { allow: OWNER, body: { level: 5 } },
  'GET /api/cases/{id}/ratings': { allow: OWNER_OR_WINDOW, succeeds: true },
  'GET /api/lead/rectifications': { allow: LEAD, succeeds: true },
  'POST /api/lead/rectifications/{id}/reply': { allow: LEAD, params: () => ({ id: randomUUID() }), body: { reply: '已整改完毕，感谢监督。' } },
  'POST /api/lead/rectifications/{id}/verify': { allow: LEAD, params: () => ({ id: randomUUID() }), body: { note: '经核实，情况属实。' } },
  'POST /api/lead/rectifications/{id}/appeal': { allow: LEAD, params: () => ({ id: randomUUID() }), body: { reason: '经调取窗口录像，工作人员按规定办理。' } },
  'POST /api/lead/rectifications/{id}/follow-up': { allow: LEAD, params: () => ({ id: randomUUID() }), body: { satisfied: true, note: '电话回访，申请人满意。' } },
  'POST /api/cases/{id}/ratings/{rating}/follow-up': { allow: OWNER, params: (f) => ({ id: f.caseId, rating: randomUUID() }), body: { satisfied: true } },
  'GET /api/admin/rating-appeals': { allow: ADMIN, succeeds: true },
  'POST /api/admin/rating-appeals/{id}/decide': { allow: ADMIN, params: () => ({ id: randomUUID() }), body: { upheld: false, note: '申诉理由不充分。' } },
  'GET /api/ratings/summary': { allow: ['lead', 'admin', 'auditor'], succeeds: true },
  // circulation of paper materials
  'POST /api/circulation': { allow: ['window', 'caseReviewer', 'lead'] },
  'POST /api/circulation/{id}/receive': { allow: ['window', 'caseReviewer', 'otherReviewer', 'lead'], params: () => ({ id: randomUUID() }) },
  'GET /api/cases/{id}/circulation': { allow: ['owner', 'window', 'caseReviewer', 'lead'], succeeds: true },
  // administration and audit
  'POST /api/admin/api-clients': { allow: ADMIN, body: { department: 'sj', name: '市场监管业务系统' }, succeeds: true },
  'GET /api/admin/dead-letters': { allow: ADMIN, succeeds: true },
  'GET /api/admin/calendar': { allow: ADMIN, succeeds: true },
  'POST /api/admin/dead-letters/{id}/retry': { allow: ADMIN, params: () => ({ id: '1' }), bug: 'params.id typed integer, never coerced: every call is a 400' },
  'GET /api/audit/verify': { allow: ['auditor', 'admin'], succeeds: true },
  // the catalogue's versions: drafts, review, publication, change requests
  'GET /api/public/versions': { allow: EVERYONE, succeeds: true },
  'POST /api/admin/drafts': { allow: ['lead', 'admin'], body: { title: '访问检查', reason: '访问检查', matterId: 'newborn-birth' }, succeeds: true },
  'GET /api/admin/drafts': { allow: ['caseReviewer', 'otherReviewer', 'lead', 'admin'], succeeds: true },
  'GET /api/admin/drafts/{id}': { allow: ['caseReviewer', 'otherReviewer', 'lead', 'admin'] },
  'GET /api/admin/drafts/{id}/documents/{file}': { allow: ['caseReviewer', 'otherReviewer', 'lead', 'admin'] },
  'PUT /api/admin/drafts/{id}/documents/{file}': { allow: ['lead', 'admin'], body: { yaml: 'id: x\n' } },
  'DELETE /api/admin/drafts/{id}/documents/{file}': { allow: ['lead', 'admin'] },
  'POST /api/admin/drafts/{id}/preview-plan': { allow: ['caseReviewer', 'otherReviewer', 'lead', 'admin'], body: { matterId: 'newborn-birth', answers: {} } },
  'GET /api/admin/drafts/{id}/diff': { allow: ['caseReviewer', 'otherReviewer', 'lead', 'admin'] },
  'POST /api/admin/drafts/{id}/submit': { allow: ['lead', 'admin'] },
  'POST /api/admin/drafts/{id}/opinions': { allow: ['caseReviewer', 'otherReviewer', 'lead'], body: { opinion: 'agree', comment: '同意' } },
  'POST /api/admin/drafts/{id}/approve': { allow: ADMIN },
  'POST /api/admin/drafts/{id}/publish': { allow: ADMIN },
  'POST /api/admin/drafts/{id}/simulate': { allow: ADMIN, body: {} },
  'POST /api/admin/catalogue-sync': { allow: ADMIN, body: { catalogue: {} } },
  'POST /api/admin/change-requests': { allow: ['window', 'caseReviewer', 'otherReviewer', 'lead', 'admin'], body: { matterId: 'newborn-birth', reason: '访问检查' }, succeeds: true },
  'GET /api/admin/change-requests': { allow: ['window', 'caseReviewer', 'otherReviewer', 'lead', 'admin'], succeeds: true },
  'POST /api/admin/change-requests/{id}/open-draft': { allow: ADMIN, params: () => ({ id: randomUUID() }) },
  'GET /api/admin/versions/{version}/export': { allow: ADMIN, params: () => ({ version: '1' }), succeeds: true },
  'GET /api/metrics': { allow: ['lead', 'admin', 'auditor'], succeeds: true },
  'GET /api/metrics/{id}': { allow: ['lead', 'admin', 'auditor'], params: () => ({ id: 'newborn-birth' }), succeeds: true },
  'GET /api/metrics/regions': { allow: ['lead', 'admin', 'auditor'], succeeds: true },
};

/** Routes left out of OpenAPI on purpose (the rest must be documented). */
export const UNDOCUMENTED = new Set(['GET /verify/{id}', 'GET /verify/p/{token}', 'GET /openapi.json', 'GET /livez', 'GET /readyz', 'GET /api/auth/oidc/{audience}/start', 'GET /api/auth/oidc/{audience}/callback']);
