/**
 * Who may call what: every route of the API, called by every kind of caller, against an explicit
 * table. A route that appears without a line in the table fails the test, so access to it is decided
 * on purpose, not by accident.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/planning/types.ts';
import { signedHeaders, type ClientCredentials } from '../modules/integration/client.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../testing/fill.ts';
import { CALLERS, CHINESE, EXPECTATIONS, OUTSIDE, UNDOCUMENTED, USERNAME, WSJK_ITEM, type Caller, type Fixture } from './roles-table.ts';


/** Bodies that name the walk's case. */
function bodyFor(key: string, f: Fixture): unknown {
  if (key === 'POST /api/department/joint-reviews') return { caseId: f.caseId, kind: 'review', tasks: [WSJK_ITEM, 'jk-vaccination-certificate'], heldOn: '2025-09-29', outcome: '联合评审通过' };
  if (key === 'POST /api/circulation') return { caseId: f.caseId, kind: 'handover', to: 'ga' };
  return EXPECTATIONS[key]?.body;
}

/** Every registered route except the Swagger UI, as `METHOD /path/{param}`. */
function registeredRoutes(app: FastifyInstance): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    const path = (depth > 0 ? stack[depth - 1] ?? '' : '') + (m[2] ?? '');
    stack.length = depth;
    stack.push(path);
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) out.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return out.filter((r) => !r.split(' ')[1]?.startsWith('/docs'));
}

const NEWBORN_OTHER_OUTSIDE = {
  bornInProvinceInstitution: true, birthCertificateFirstIssue: true, babyUnderOneYear: true, applicantParent: 'mother',
  joinHousehold: 'mother', hukouLocation: 'other-outside', fertilityRegistered: true, motherMaternityInsured: false,
};

describe.each(DIALECTS)('access by role on %s', (dialect) => {
  let h: Harness;
  let cookies: Record<string, string>;
  let client: ClientCredentials;
  let f: Fixture;
  let strangerCase: string;
  let plan: Plan;

  const as = (caller: Caller, method: string, url: string, options: { body?: unknown; upload?: boolean; cookie?: string } = {}): Promise<LightMyRequestResponse> => {
    const upload = options.upload ? multipart('file', '材料.pdf', 'application/pdf', SAMPLE_PDF) : null;
    const raw = upload ? upload.payload : options.body === undefined ? '' : JSON.stringify(options.body);
    const headers: Record<string, string> = { ...(upload ? upload.headers : raw !== '' ? { 'content-type': 'application/json' } : {}) };
    if (caller === 'client') {
      // A multipart body is not part of the string to sign (the server signs the JSON text it parsed).
      Object.assign(headers, signedHeaders(client, { method, url, body: typeof raw === 'string' ? raw : '', timestamp: Math.floor(h.clock.now().getTime() / 1000) }));
    } else if (caller !== 'anonymous') {
      headers.cookie = options.cookie ?? (cookies[caller] as string);
    }
    return h.app.inject({ method: method as 'GET', url, headers, ...(raw !== '' ? { payload: raw } : {}) });
  };

  beforeAll(async () => {
    h = await startHarness(dialect);
    cookies = {};
    for (const [caller, username] of Object.entries(USERNAME)) cookies[caller] = await h.login(username);
    const owner = cookies.owner as string;
    const r = await h.request('POST', '/api/admin/api-clients', { cookie: cookies.admin, body: { department: 'wsjk', name: '出生医学证明管理系统', webhookUrl: 'https://wsjk.example.gov.cn/onething' } });
    expect(r.statusCode, r.body).toBe(201);
    client = r.json();

    // The walk's case: a newborn case whose out-of-province parent's documents were uploaded, accepted.
    const created = await h.request('POST', '/api/cases', { cookie: owner, body: { matterId: 'newborn-birth' } });
    const caseId = created.json().id as string;
    const answered = await h.request('PUT', `/api/cases/${caseId}/answers`, { cookie: owner, body: { answers: NEWBORN_OTHER_OUTSIDE, chosenItems: [] } });
    expect(answered.statusCode, answered.body).toBe(200);
    plan = answered.json().plan;
    expect((await h.request('PUT', `/api/cases/${caseId}/form`, { cookie: owner, body: { values: fillForm(plan, { newbornName: '李小宝' }) } })).statusCode).toBe(200);
    const upload = await as('owner', 'POST', `/api/cases/${caseId}/materials/${OUTSIDE}/files`, { upload: true });
    expect(upload.statusCode, upload.body).toBe(201);
    expect((await h.request('POST', `/api/cases/${caseId}/submit`, { cookie: owner })).statusCode).toBe(200);
    const accepted = await h.request('POST', `/api/window/cases/${caseId}/accept`, { cookie: cookies.window });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // A draft of the owner's to withdraw, and another applicant's case.
    const draft = await h.request('POST', '/api/cases', { cookie: owner, body: { matterId: 'newborn-birth' } });
    const stranger = await h.request('POST', '/api/cases', { cookie: cookies.otherApplicant, body: { matterId: 'social-security-card' } });
    expect(stranger.statusCode, stranger.body).toBe(201);
    strangerCase = stranger.json().id;
    f = { caseId, draftId: draft.json().id, fileId: upload.json().id };
  });
  afterAll(async () => h.close());

  it('has an expectation for every route, and every route but a few is documented', async () => {
    const doc = (await h.request('GET', '/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => m !== 'head').map((m) => `${m.toUpperCase()} ${path}`));
    const registered = registeredRoutes(h.app);
    // Any route added to the API needs a line in EXPECTATIONS saying who may call it.
    expect(documented.filter((r) => !EXPECTATIONS[r]), 'routes without an access expectation').toEqual([]);
    expect(registered.filter((r) => !EXPECTATIONS[r]), 'routes without an access expectation').toEqual([]);
    expect(registered.filter((r) => !documented.includes(r) && !UNDOCUMENTED.has(r)), 'undocumented routes').toEqual([]);
    expect(Object.keys(EXPECTATIONS).filter((r) => !registered.includes(r)), 'expectations for routes that no longer exist').toEqual([]);
  });

  it('shows a department only its own tasks, and of a task only what its item needs', async () => {
    const queue = async (username: string) => (await h.request('GET', '/api/department/tasks', { cookie: await h.login(username) })).json().tasks as { id: string; caseId: string; item: string }[];
    const wsjk = await queue('wsjk-reviewer');
    expect(wsjk.map((t) => t.id)).toContain(`${f.caseId}:${WSJK_ITEM}`);
    const departments = await h.deps.db.kysely.selectFrom('tasks').select(['id', 'department']).execute();
    const departmentOf = new Map(departments.map((d) => [d.id, d.department]));
    expect(new Set(wsjk.map((t) => departmentOf.get(t.id)))).toEqual(new Set(['wsjk']));
    // ga's item waits for the birth certificate: nothing of it in ga's queue yet, and never wsjk's
    const ga = await queue('ga-reviewer');
    expect(ga.filter((t) => t.caseId === f.caseId)).toEqual([]);
    expect(ga.every((t) => departmentOf.get(t.id) === 'ga')).toBe(true);
    expect((await queue('sj-reviewer'))).toEqual([]);
    const gaCookie = await h.login('ga-reviewer');
    expect((await h.request('GET', `/api/department/tasks/${f.caseId}/${WSJK_ITEM}`, { cookie: gaCookie })).statusCode).toBe(404);
    expect((await as('client', 'GET', `/api/department/tasks/${f.caseId}/ga-birth-registration`)).statusCode).toBe(404);

    const view = (await h.request('GET', `/api/department/tasks/${f.caseId}/${WSJK_ITEM}`, { cookie: cookies.caseReviewer })).json();
    const needed = new Set(plan.form.fields.filter((x) => x.items.includes(WSJK_ITEM)).map((x) => x.key));
    const notNeeded = plan.form.fields.filter((x) => !x.items.includes(WSJK_ITEM)).map((x) => x.key);
    expect(notNeeded.length).toBeGreaterThan(0);
    expect(Object.keys(view.form.values).length).toBeGreaterThan(0);
    for (const key of Object.keys(view.form.values)) expect(needed.has(key), `field ${key}`).toBe(true);
    for (const key of view.form.fields.map((x: { key: string }) => x.key)) expect(needed.has(key), `field ${key}`).toBe(true);
    const materials = view.materials.map((m: { id: string }) => m.id) as string[];
    expect(materials).not.toContain(OUTSIDE);
    expect(materials.every((id) => plan.materials.find((m) => m.id === id)?.items.includes(WSJK_ITEM))).toBe(true);
    // Of the other items only their progress, nothing of their content.
    for (const o of view.others) expect(Object.keys(o).sort()).toEqual(['department', 'dueDate', 'dueProvisional', 'item', 'name', 'status']);
    // The uploaded material is ga's: wsjk may not fetch it, the owner may.
    expect((await h.request('GET', `/api/cases/${f.caseId}/files/${f.fileId}`, { cookie: cookies.caseReviewer })).statusCode).toBe(403);
    expect((await h.request('GET', `/api/cases/${f.caseId}/files/${f.fileId}`, { cookie: cookies.owner })).rawPayload.equals(SAMPLE_PDF)).toBe(true);
  });

  it('lists an applicant\'s own cases only, and hides the others\' cases', async () => {
    const own = (await h.request('GET', '/api/cases', { cookie: cookies.owner })).json().cases as { id: string }[];
    expect(own.map((c) => c.id)).toEqual(expect.arrayContaining([f.caseId, f.draftId]));
    expect(own.map((c) => c.id)).not.toContain(strangerCase);
    const theirs = (await h.request('GET', '/api/cases', { cookie: cookies.otherApplicant })).json().cases as { id: string }[];
    expect(theirs.map((c) => c.id)).toContain(strangerCase);
    expect(theirs.map((c) => c.id)).not.toContain(f.caseId);
    const owners = await h.deps.db.kysely.selectFrom('cases').select(['id', 'applicant_id']).execute();
    const mine = (await h.request('GET', '/api/auth/me', { cookie: cookies.owner })).json().account.id;
    expect(own.every((c) => owners.find((o) => o.id === c.id)?.applicant_id === mine)).toBe(true);
    const peek = await h.request('GET', `/api/cases/${strangerCase}`, { cookie: cookies.owner });
    expect(peek.statusCode).toBe(404);
    expect(peek.body).not.toContain('YJS');
  });

  it('walks every route with every caller: the allowed get in, the rest are turned away', async () => {
    const doc = (await h.request('GET', '/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = [...new Set([...Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => m !== 'head').map((m) => `${m.toUpperCase()} ${path}`)), ...UNDOCUMENTED])];
    const defaults: Record<string, string> = { id: f.caseId, caseId: f.caseId, item: WSJK_ITEM, material: OUTSIDE, file: f.fileId };
    const failures: string[] = [];
    let calls = 0;
    for (const key of routes) {
      const e = EXPECTATIONS[key];
      if (!e) {
        failures.push(`${key}: no expectation`);
        continue;
      }
      const [method, template] = key.split(' ') as [string, string];
      const params = { ...defaults, ...(e.params?.(f) ?? {}) };
      const url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? randomUUID()));
      // The turned-away first, so that what an allowed caller changes cannot make them look turned away.
      const order = [...CALLERS.filter((c) => !e.allow.includes(c)), ...CALLERS.filter((c) => e.allow.includes(c))];
      for (const caller of order) {
        const own = e.ownSession && caller !== 'anonymous' && caller !== 'client' ? await h.login(USERNAME[caller]) : undefined;
        const r = await as(caller, method, url, { body: bodyFor(key, f), upload: e.upload ?? false, ...(own ? { cookie: own } : {}) });
        calls++;
        const s = r.statusCode;
        const say = (why: string) => failures.push(`${caller} ${method} ${url} → ${s} ${r.body.slice(0, 160)} (${why})`);
        if (s >= 500) say('server error');
        else if (e.bug) continue;
        else if (e.allow.includes(caller)) {
          if (s === 401 || s === 403) say('allowed but turned away');
          else if (e.succeeds && (s < 200 || s >= 300)) say('allowed but did not succeed');
        } else {
          const expected = caller === 'anonymous' ? [401] : caller === 'client' ? [401, 403, 404] : [403, 404];
          if (!expected.includes(s)) say(`should be ${expected.join('/')}`);
          else if (!CHINESE.test(String(r.json().message))) say('no Chinese message');
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBe(routes.length * CALLERS.length);
  });

  // BUG (src/server/modules/admin/routes.ts, POST /api/admin/dead-letters/:id/retry): `id` is typed
  // integer but the app turns type coercion off, so the path parameter (a string) never validates:
  // every caller, the admin included, gets 400 before authentication. Remove `.fails` once fixed.
  it('lets the admin retry a dead letter, and turns the anonymous away with 401', async () => {
    expect((await as('anonymous', 'POST', '/api/admin/dead-letters/1/retry')).statusCode).toBe(401);
    expect((await as('admin', 'POST', '/api/admin/dead-letters/1/retry')).statusCode).toBe(404);
  });
});
