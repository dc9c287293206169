import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { MARGIN } from '../../documents/pdf.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';

const A4_HEIGHT = 841.89;
const squash = (s: string) => s.replace(/\s+/g, '');

/** The text between the margins of every page (no running header, no page numbers), whitespace removed; and the metadata. */
async function pdfText(pdf: Buffer): Promise<{ body: string; pages: number; title: unknown }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const i of content.items) {
      if (!('str' in i)) continue;
      const y = (i as TextItem).transform[5] as number;
      if (y > MARGIN && y < A4_HEIGHT - MARGIN) parts.push(i.str);
    }
  }
  const { info } = await doc.getMetadata();
  return { body: squash(parts.join('')), pages: doc.numPages, title: (info as Record<string, unknown>).Title };
}

const NEWBORN = {
  bornInProvinceInstitution: true, birthCertificateFirstIssue: true, parentsMarried: true, babyUnderOneYear: true, applicantParent: 'mother',
  joinHousehold: 'mother', hukouLocation: 'other-outside', fertilityRegistered: false, motherMaternityInsured: true,
};
const URL = '/api/public/matters/newborn-birth/checklist.pdf';

describe('personalised material list (PDF) on sqlite', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(async () => h.close());

  it('renders a newborn-birth plan with the matter, situation, items, every required and exempt material, windows and time limit', async () => {
    const planned = (await h.request('POST', '/api/public/matters/newborn-birth/plan', { body: { answers: NEWBORN } })).json().plan as Plan;
    const r = await h.request('POST', URL, { body: { answers: NEWBORN } });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toContain('attachment');
    expect(r.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { body, title } = await pdfText(r.rawPayload);
    expect(title).toBe('「新生儿出生“一件事”」个性化材料清单');
    expect(body).toContain(squash('「新生儿出生“一件事”」个性化材料清单'));
    expect(body).toContain(squash(planned.situation?.name ?? 'none'));
    for (const i of planned.items) expect(body).toContain(squash(i.name));
    const required = planned.materials.filter((m) => m.status === 'required');
    const exempt = planned.materials.filter((m) => m.status === 'exempt');
    expect(required.length).toBeGreaterThan(0);
    expect(exempt.length).toBeGreaterThan(0);
    expect(body).toContain('序号材料名称份数形式审查要点');
    for (const m of required) {
      expect(body).toContain(squash(m.name));
      for (const point of m.review.formal) expect(body).toContain(squash(point));
    }
    expect(body).toContain('可容缺后补'); // the out-of-province parent's household register
    for (const m of exempt) {
      expect(body).toContain(squash(m.name));
      expect(body).toContain(squash(m.exemption?.evidence.replace(/^数据共享核验：/, '') ?? 'none'));
    }
    const window = (await h.deps.catalogues.latest()).catalogue.departments.get('wsjk')?.window;
    expect(body).toContain(squash(window?.address ?? 'none'));
    expect(body).toContain(squash(window?.phone ?? 'none'));
    expect(body).toContain(squash(window?.hours ?? 'none'));
    expect(body).toContain(`承诺办结时限${planned.timeLimit.workingDays}个工作日`);
    expect(body).toContain('生成日期：2025年9月29日');
  });

  it('leaves out the optional items not chosen', async () => {
    const r = await h.request('POST', URL, { body: { answers: NEWBORN, chosenItems: [] } });
    expect(r.statusCode).toBe(200);
    const { body } = await pdfText(r.rawPayload);
    expect(body).toContain('出生医学证明签发');
    expect(body).not.toContain('科学育儿指导服务登记');
    expect(body).not.toContain('生育保险待遇核准支付');
  });

  it('answers bad answers with 400 and the planner\'s errors, in Chinese, by path', async () => {
    const bad = await h.request('POST', URL, { body: { answers: { ...NEWBORN, hukouLocation: 'mars', nonsense: true } } });
    expect(bad.statusCode).toBe(400);
    const json = bad.json();
    expect(json.code).toBe('invalid-answers');
    expect(json.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'answers.hukouLocation', code: 'unknown-option', message: expect.stringMatching(/[\u4e00-\u9fff]/) }),
      expect.objectContaining({ path: 'answers.nonsense', code: 'unknown-question' }),
    ]));
    const items = await h.request('POST', URL, { body: { answers: NEWBORN, chosenItems: ['no-such-item'] } });
    expect(items.statusCode).toBe(400);
    expect(items.json().details[0]).toMatchObject({ path: 'chosenItems[0]', code: 'unknown-item' });
    const shape = await h.request('POST', URL, { body: { answers: 'yes' } });
    expect(shape.statusCode).toBe(400);
  });

  it('refuses incomplete answers and an ineligible situation, saying what to do', async () => {
    const { hukouLocation: _h, ...partial } = NEWBORN;
    const incomplete = await h.request('POST', URL, { body: { answers: partial } });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json()).toMatchObject({ code: 'answers-incomplete', details: [{ path: 'answers.hukouLocation' }] });
    const over = await h.request('POST', URL, { body: { answers: { bornInProvinceInstitution: true, birthCertificateFirstIssue: true, parentsMarried: true, babyUnderOneYear: false } } });
    expect(over.statusCode).toBe(400);
    expect(over.json().code).toBe('not-eligible');
    expect(over.json().details[0].message).toContain('公安派出所');
  });

  it('answers 404 for an unknown matter', async () => {
    const r = await h.request('POST', '/api/public/matters/nope/checklist.pdf', { body: { answers: {} } });
    expect(r.statusCode).toBe(404);
  });
});
