import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

describe.each(DIALECTS)('public catalogue API on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h.close());

  it('lists key matters by life stage, anonymously, with a version and cache headers', async () => {
    const r = await h.request('GET', '/api/public/matters');
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('public, no-cache');
    const body = r.json();
    expect(body.version).toBe(1);
    const birth = body.stages.find((s: { stage: string }) => s.stage === 'person.birth');
    expect(birth.matters.find((m: { id: string }) => m.id === 'newborn-birth')).toMatchObject({ lead: { code: 'wsjk', name: '示例市卫生健康委员会' } });
    const again = await h.request('GET', '/api/public/matters', { headers: { 'if-none-match': String(r.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('publishes each guide with every element of clause 5.3.1', async () => {
    const { guide } = (await h.request('GET', '/api/public/matters/restaurant-opening')).json();
    expect(guide.lead.name).toBe('示例市市场监督管理局');
    expect(guide.partners.length).toBeGreaterThan(0);
    expect(guide.legalBasis.policy.length).toBeGreaterThan(0);
    expect(guide.items.map((i: { id: string }) => i.id)).toContain('sj-food-business-licence');
    expect(guide.materials.find((m: { id: string }) => m.id === 'special-room-layout').when[0]).toBe('「办理情形」为「含冷食类食品制售」或「含生食类食品制售」');
    expect(guide.situations.length).toBe(4);
    expect(guide.process.stages[0]).toContain('sj-business-licence-verification');
    expect(guide.timeLimit.promisedWorkingDays).toBeGreaterThan(0);
    expect(guide.channels.length).toBeGreaterThan(0);
    expect(guide.hours).toBeTruthy();
    expect(guide.contacts[0].phone).toBeTruthy();
    expect(guide.windows[0].window.address).toBeTruthy();
    expect((await h.request('GET', '/api/public/matters/nope')).json()).toMatchObject({ code: 'not-found' });
  });

  it('plans anonymously from answers, and names bad answers in Chinese', async () => {
    const ok = await h.request('POST', '/api/public/matters/retirement/plan', { body: { answers: { insuredAs: 'employee' } } });
    expect(ok.json().plan.nextQuestion.id).toBe('retirementType');
    const bad = await h.request('POST', '/api/public/matters/retirement/plan', { body: { answers: { insuredAs: 'alien' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid-answers', details: [{ path: 'answers.insuredAs', code: 'unknown-option' }] });
  });

  it('serves the item catalogue and the departments with their windows', async () => {
    const items = (await h.request('GET', '/api/public/items')).json().items;
    expect(items.length).toBeGreaterThan(50);
    const one = (await h.request('GET', '/api/public/items/rs-ssc-application')).json();
    expect(one.item.name).toContain('社会保障卡');
    const deps = (await h.request('GET', '/api/public/departments')).json().departments;
    expect(deps.find((d: { code: string }) => d.code === 'ga').window.phone).toBe('12345');
  });

  it('describes itself in OpenAPI and offers a reader', async () => {
    const doc = (await h.request('GET', '/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/public/matters', '/api/auth/login']));
    expect((await h.request('GET', '/docs')).statusCode).toBeLessThan(400);
  });
});

describe.each(DIALECTS)('search and the catalogue source on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h.close());

  it.each([['出生', 'newborn-birth'], ['餐饮', 'restaurant-opening'], ['退休', 'retirement'], ['员工', 'employee-hiring']])('「%s」 finds %s first', async (q, id) => {
    const r = await h.request('GET', `/api/public/search?q=${encodeURIComponent(q)}`);
    expect(r.json().results[0]).toMatchObject({ id });
  });

  it('serves the published documents so every channel can plan with the same data', async () => {
    const body = (await h.request('GET', '/api/public/catalogue')).json();
    expect(body.version).toBe(1);
    expect(body.documents.some((d: { kind: string; data: { id?: string } }) => d.kind === 'matter' && d.data.id === 'newborn-birth')).toBe(true);
    expect(body.calendarYears.some((y: { year: number }) => y.year === 2025)).toBe(true);
  });
});
