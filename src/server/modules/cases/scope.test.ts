/**
 * 属地管辖 of single cases: 示例二市's window cannot open, check, accept or find a case of 示例市 that
 * it did not take in — it is answered as a case that does not exist — while the one it took in for
 * 示例市 (跨域通办) stays its own; 示例市's window in turn cannot reach 示例二市's own case. A reviewer
 * reaches the tasks of their own department only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { DEMO_PEOPLE } from '../shareddata/demo.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { fillForm } from '../../testing/fill.ts';

const ANSWERS = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };
const zhang = DEMO_PEOPLE[2]!;
const visitor = { idNumber: zhang.idNumber, name: zhang.name };
type Created = { id: string; number: string };

describe.each(DIALECTS)('a window reaches the cases of its own regions only, on %s', (dialect) => {
  let h: Harness;
  let home: string;
  let far: string;
  let homeCase: Created;
  let farCase: Created;
  let farOwnRegion: Created;
  beforeAll(async () => {
    h = await startHarness(dialect);
    home = await h.login('window');
    far = await h.login('window-er');
    const enter = async (cookie: string, region?: string): Promise<Created> => {
      const c = await h.request('POST', '/api/window/cases', { cookie, body: { matterId: 'retirement', applicant: visitor, ...(region ? { region } : {}) } });
      expect(c.statusCode, c.body).toBe(201);
      const plan: Plan = (await h.request('PUT', `/api/cases/${c.json().id}/answers`, { cookie, body: { answers: ANSWERS } })).json().plan;
      expect((await h.request('PUT', `/api/cases/${c.json().id}/form`, { cookie, body: { values: fillForm(plan) } })).statusCode).toBe(200);
      expect((await h.request('POST', `/api/cases/${c.json().id}/submit`, { cookie })).statusCode).toBe(200);
      return c.json();
    };
    homeCase = await enter(home);
    farCase = await enter(far);
    farOwnRegion = await enter(far, '990200');
  });
  afterAll(() => h.close());

  const status = async (method: string, url: string, cookie: string) => (await h.request(method, url, { cookie })).statusCode;
  const found = async (cookie: string, by: string, q: string) => {
    const r = await h.request('GET', `/api/window/search?by=${by}&q=${encodeURIComponent(q)}`, { cookie });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().cases.map((c: { number: string }) => c.number);
  };

  it('answers a case of a region the window does not serve exactly as a case that is not there', async () => {
    const missing = await h.request('GET', `/api/cases/${randomUUID()}`, { cookie: far });
    const outside = await h.request('GET', `/api/cases/${homeCase.id}`, { cookie: far });
    expect(outside.statusCode).toBe(404);
    const strip = (body: string) => ({ ...JSON.parse(body), requestId: undefined });
    expect(strip(outside.body)).toEqual(strip(missing.body));
    // Nor can it check, accept, read the documents of or push paper for it.
    expect(await status('GET', `/api/window/cases/${homeCase.id}/check`, far)).toBe(404);
    expect(await status('POST', `/api/window/cases/${homeCase.id}/accept`, far)).toBe(404);
    expect(await status('GET', `/api/cases/${homeCase.id}/documents/receipt.pdf`, far)).toBe(404);
    const push = await h.request('POST', '/api/circulation', { cookie: far, body: { caseId: homeCase.id, kind: 'handover', to: 'rs' } });
    expect(push.statusCode).toBe(404);
    expect(await found(far, 'number', homeCase.number)).toEqual([]);
    expect(await found(far, 'idNumber', zhang.idNumber)).not.toContain(homeCase.number);
  });

  it('keeps what the window took in for another region its own (跨域通办), and the home region sees it too', async () => {
    expect(await status('GET', `/api/cases/${farCase.id}`, far)).toBe(200);
    expect(await status('GET', `/api/window/cases/${farCase.id}/check`, far)).toBe(200);
    expect(await found(far, 'number', farCase.number)).toEqual([farCase.number]);
    expect(await found(far, 'idNumber', zhang.idNumber)).toEqual(expect.arrayContaining([farCase.number, farOwnRegion.number]));
    expect(await status('GET', `/api/cases/${farCase.id}`, home)).toBe(200);
    // Both windows' views name the window that took it in, with its region: 收件窗口.
    const seen = (await h.request('GET', `/api/cases/${farCase.id}`, { cookie: home })).json();
    expect(seen.intake).toEqual({ window: '示例二市政务服务中心 一楼 跨域通办窗口', department: { code: 'zwfw-er', name: '示例二市政务服务和数据管理局' }, region: { code: '990200', name: '示例二市', fullName: '示例省示例二市' } });
    expect((await h.request('GET', `/api/cases/${homeCase.id}`, { cookie: home })).json().intake).toMatchObject({ window: '示例市政务服务中心 一楼 综合咨询台', region: { fullName: '示例省示例市' } });
    expect(await found(home, 'number', farCase.number)).toEqual([farCase.number]);
  });

  it('keeps 示例市’s window out of a case of 示例二市', async () => {
    expect(await status('GET', `/api/cases/${farOwnRegion.id}`, home)).toBe(404);
    expect(await status('POST', `/api/window/cases/${farOwnRegion.id}/accept`, home)).toBe(404);
    expect(await found(home, 'number', farOwnRegion.number)).toEqual([]);
    expect(await found(home, 'idNumber', zhang.idNumber)).toEqual(expect.arrayContaining([homeCase.number, farCase.number]));
    expect(await found(home, 'idNumber', zhang.idNumber)).not.toContain(farOwnRegion.number);
    expect(await status('GET', `/api/cases/${farOwnRegion.id}`, far)).toBe(200);
  });

  it('lets a reviewer reach the tasks of their own department only', async () => {
    expect(await status('POST', `/api/window/cases/${homeCase.id}/accept`, home)).toBe(200);
    const view = (await h.request('GET', `/api/cases/${homeCase.id}`, { cookie: home })).json() as { progress: { item: string; department: { code: string } }[] };
    const rsTask = view.progress.find((p) => p.department.code === 'rs');
    expect(rsTask).toBeDefined();
    const rs = await h.login('rs-reviewer');
    const ga = await h.login('ga-reviewer');
    const queue = async (cookie: string) => (await h.request('GET', '/api/department/tasks', { cookie })).json().tasks as { case_id?: string; caseId?: string; item: string }[];
    expect(JSON.stringify(await queue(rs))).toContain(homeCase.number);
    expect(JSON.stringify(await queue(ga))).not.toContain(homeCase.number);
    const task = await h.request('GET', `/api/department/tasks/${homeCase.id}/${rsTask?.item}`, { cookie: rs });
    expect(task.statusCode).toBe(200);
    expect(task.json().intake).toMatchObject({ department: { code: 'zwfw' }, region: { name: '示例市' } });
    expect(await status('GET', `/api/department/tasks/${homeCase.id}/${rsTask?.item}`, ga)).toBe(404);
  });
});
