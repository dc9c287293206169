/**
 * 属地管辖 in cases: the applicant's region, from the enterprise's registered address in shared data
 * or chosen, decides which region's implementation handles each item, and is kept by every replan;
 * the implementing department's staff get the task, the default department's do not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../../testing/fill.ts';

const ANSWERS = { servesColdDishes: false, servesFreshDrinks: false, servesRawSeafood: false, hasSignboard: false, largeSignboard: false, largeVenue: false, staffNeedHealthCheck: false, sellsTobacco: false };
const LICENCE = 'sj-food-business-licence';
type View = { id: string; plan: Plan; progress: { item: string; status: string; department: { code: string; name: string } }[] };

describe.each(DIALECTS)('the applicant’s region in a case on %s', (dialect) => {
  let h: Harness;
  let enterprise: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    enterprise = await h.login('haowei');
  });
  afterAll(() => h.close());

  const call = async <T>(method: string, url: string, cookie: string, body?: unknown): Promise<T> => {
    const r = await h.request(method, url, { cookie, ...(body !== undefined ? { body } : {}) });
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json() as T;
  };
  const licence = (p: Plan) => p.items.find((i) => i.id === LICENCE);

  it('takes the region from the enterprise’s registered address: 示例区 has its own window for the city’s licence', async () => {
    const c = await call<View>('POST', '/api/cases', enterprise, { matterId: 'restaurant-opening', answers: ANSWERS });
    expect(c.plan.region).toEqual({ code: '990102', name: '示例区', level: 'county' });
    expect(licence(c.plan)).toMatchObject({ department: { code: 'sj', name: '示例市市场监督管理局' }, timeLimit: { promised: 5 } });
    expect(licence(c.plan)?.windows?.[0]?.name).toContain('示例区政务服务中心');
    // Answering again plans in the same region.
    const again = await call<{ plan: Plan }>('PUT', `/api/cases/${c.id}/answers`, enterprise, { answers: ANSWERS });
    expect(again.plan.region?.code).toBe('990102');
  });

  it('refuses a region the platform does not have, naming the field', async () => {
    const r = await h.request('POST', '/api/cases', { cookie: enterprise, body: { matterId: 'restaurant-opening', region: '990999' } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'unknown-region', details: [{ path: 'body.region' }] });
  });

  it('sends the task of a case in 示例县 to the county’s own bureau, whose reviewer decides it and the city’s cannot', async () => {
    const c = await call<View>('POST', '/api/cases', enterprise, { matterId: 'restaurant-opening', region: '990121' });
    const { plan } = await call<{ plan: Plan }>('PUT', `/api/cases/${c.id}/answers`, enterprise, { answers: ANSWERS, chosenItems: [] });
    expect(plan.region?.name).toBe('示例县');
    expect(licence(plan)).toMatchObject({ department: { code: 'sj-xx', name: '示例市示例县市场监督管理局' }, region: { name: '示例县', level: 'county' }, timeLimit: { promised: 4 } });
    await call('PUT', `/api/cases/${c.id}/form`, enterprise, { values: fillForm(plan) });
    for (const m of plan.materials.filter((x) => x.status === 'required')) {
      const { payload, headers } = multipart('file', `${m.id}.pdf`, 'application/pdf', SAMPLE_PDF);
      const r = await h.app.inject({ method: 'POST', url: `/api/cases/${c.id}/materials/${m.id}/files`, headers: { ...headers, cookie: enterprise }, payload });
      expect(r.statusCode, r.body).toBe(201);
    }
    await call('POST', `/api/cases/${c.id}/submit`, enterprise);
    await call('POST', `/api/window/cases/${c.id}/accept`, await h.login('window'));
    let view = await call<View>('GET', `/api/cases/${c.id}`, enterprise);
    for (let round = 0; round < 5 && view.progress.find((p) => p.item === LICENCE)?.status !== 'dispatched'; round++) {
      for (const t of view.progress.filter((p) => p.status === 'dispatched')) {
        const reviewer = await h.login(`${t.department.code}-reviewer`);
        await call('POST', `/api/department/tasks/${c.id}/${t.item}/claim`, reviewer);
        await call('POST', `/api/department/tasks/${c.id}/${t.item}/approve`, reviewer, {});
      }
      view = await call<View>('GET', `/api/cases/${c.id}`, enterprise);
    }
    expect(view.progress.find((p) => p.item === LICENCE)).toMatchObject({ status: 'dispatched', department: { code: 'sj-xx' } });
    const city = await h.request('POST', `/api/department/tasks/${c.id}/${LICENCE}/claim`, { cookie: await h.login('sj-reviewer') });
    expect(city.statusCode).toBeGreaterThanOrEqual(400);
    const county = await h.login('sj-xx-reviewer');
    await call('POST', `/api/department/tasks/${c.id}/${LICENCE}/claim`, county);
    await call('POST', `/api/department/tasks/${c.id}/${LICENCE}/approve`, county, {});
    view = await call<View>('GET', `/api/cases/${c.id}`, enterprise);
    expect(view.progress.find((p) => p.item === LICENCE)?.status).toBe('approved');
  });

  it('shows a window the applications of its own region and those below it, not another city’s', async () => {
    const person = await h.login('zhangjianguo');
    const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };
    const draft = await call<View>('POST', '/api/cases', person, { matterId: 'retirement' });
    const { plan } = await call<{ plan: Plan }>('PUT', `/api/cases/${draft.id}/answers`, person, { answers });
    const submitted = async (region: string) => (await call<{ number: string }>('POST', '/api/cases', person, { matterId: 'retirement', answers, values: fillForm(plan), submit: true, region })).number;
    const county = await submitted('990121');
    const otherCity = await submitted('990200');
    const queue = await call<{ cases: { number: string }[] }>('GET', '/api/window/cases', await h.login('window'));
    const numbers = queue.cases.map((c) => c.number);
    expect(numbers).toContain(county);
    expect(numbers).not.toContain(otherCity);
  });

  it('plans for a chosen region in the public guide’s plan too', async () => {
    const r = await h.request('POST', '/api/public/matters/restaurant-opening/plan', { body: { answers: ANSWERS, region: '990121' } });
    expect(r.statusCode, r.body).toBe(200);
    expect(licence(r.json().plan)).toMatchObject({ department: { code: 'sj-xx' } });
  });
});
