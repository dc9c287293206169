import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { GOLDEN_QUESTIONS, GOLDEN_SEARCHES } from './golden.ts';

const url = (path: string, q: string) => `${path}?q=${encodeURIComponent(q)}`;

describe.each(DIALECTS)('search and questions over the published guides on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h.close());

  it.each(GOLDEN_SEARCHES)('search 「%s」 finds %s first', async (q, id) => {
    const r = await h.request('GET', url('/api/public/search', q));
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.results[0]?.id).toBe(id);
    expect(body).toMatchObject({ handoff: false, suggestions: [] });
  });

  it('ranks by field and says where it matched: a name above an item above a material', async () => {
    const { results } = (await h.request('GET', url('/api/public/search', '出生医学证明'))).json();
    expect(results[0]).toMatchObject({ id: 'newborn-birth', matchedIn: expect.arrayContaining(['items']) });
    const school = results.find((r: { id: string }) => r.id === 'school-admission');
    expect(school).toBeDefined();
    expect(results.indexOf(school)).toBeGreaterThan(0);
  });

  it('suggests the nearest matters and a person when nothing is found', async () => {
    const body = (await h.request('GET', url('/api/public/search', '办护照出国'))).json();
    expect(body.results).toEqual([]);
    expect(body.handoff).toBe(true);
    expect(body.person).toMatchObject({ hotline: '12345', window: { name: expect.stringContaining('咨询') } });
    const near = (await h.request('GET', url('/api/public/search', '育儿嫂培训'))).json();
    expect(near.results).toEqual([]);
    expect(near.suggestions.map((s: { id: string }) => s.id)).toContain('newborn-birth');
    // 育儿补贴 was such a near miss until 育儿补贴申领 joined the catalogue: now it is found first.
    const found = (await h.request('GET', url('/api/public/search', '育儿补贴发放'))).json();
    expect(found.results[0]).toMatchObject({ id: 'childcare-subsidy', name: '育儿补贴申领“一件事”' });
  });

  it.each(GOLDEN_QUESTIONS.filter((g) => g.matter))('answers 「$q」 from $matter, $section', async (g) => {
    const body = (await h.request('GET', url('/api/public/ask', g.q))).json();
    expect(body.handoff, JSON.stringify(body)).toBe(false);
    expect(body.answer).toMatchObject({ matter: { id: g.matter }, section: { key: g.section } });
    expect(body.answer.text.length).toBeGreaterThan(5);
    expect(body.start.answers).toEqual(g.answers ?? {});
  });

  it.each(GOLDEN_QUESTIONS.filter((g) => !g.matter))('hands 「$q」 to a person instead of guessing', async (g) => {
    const body = (await h.request('GET', url('/api/public/ask', g.q))).json();
    expect(body).toMatchObject({ handoff: true, answer: null, start: null, person: { hotline: '12345' } });
  });

  it('answers from the published guide, with a link to that section of that version', async () => {
    const { guide } = (await h.request('GET', '/api/public/matters/newborn-birth')).json();
    const materials = (await h.request('GET', url('/api/public/ask', '生孩子要带什么材料'))).json();
    expect(materials.answer.link).toBe(`/matters/newborn-birth?v=${materials.version}#section-materials`);
    for (const m of guide.materials) expect(materials.answer.text).toContain(m.name);
    const time = (await h.request('GET', url('/api/public/ask', '宝宝出生后多久能办好'))).json();
    expect(time.answer.text).toContain(`承诺时限 ${guide.timeLimit.promisedWorkingDays} 个工作日`);
    expect(time.answer.section.name).toBe('办理时限');
    const faq = (await h.request('GET', url('/api/public/ask', '宝宝已经满1周岁了怎么办'))).json();
    expect(faq.answer).toMatchObject({ faq: guide.faq[4].q, text: guide.faq[4].a, link: expect.stringMatching(/#section-faq$/) });
  });

  it('starts the questionnaire with the answers a question implies, named in words', async () => {
    const body = (await h.request('GET', url('/api/public/ask', '在家生的孩子能办吗'))).json();
    expect(body.start).toMatchObject({
      matter: { id: 'newborn-birth', name: '新生儿出生“一件事”' },
      answers: { bornInProvinceInstitution: false },
      described: [{ question: expect.stringContaining('助产机构'), answer: '否' }],
      link: '/matters/newborn-birth/apply',
    });
    expect(body.answer.text).toContain('不能联办的情形');
  });

  it('refuses an empty or overlong question with the field named', async () => {
    for (const q of ['', 'x'.repeat(101)]) {
      const r = await h.request('GET', url('/api/public/ask', q));
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'invalid-request', details: [{ path: 'querystring.q' }] });
    }
    expect((await h.request('GET', '/api/public/ask')).statusCode).toBe(400);
  });
});
