import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemSamplePath, matterSamplePath } from '../../../contracts/samples.ts';
import { missingCharacters, REGULAR, BOLD, registerFonts } from '../../documents/fonts.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { itemSample, matterSample } from './sample-data.ts';

const squash = (s: string) => s.replace(/\s+/g, '');
const dir = mkdtempSync(join(tmpdir(), 'onething-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text layer as poppler reads it (what a screen reader or a copy-paste gets), whitespace removed. */
function pdfText(pdf: Buffer): string {
  const file = join(dir, 'sample.pdf');
  writeFileSync(file, pdf);
  return squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

describe('material samples (PDF) on sqlite', () => {
  let h: Harness;
  beforeAll(async () => {
    // 2025-09-29T17:00Z is already 30 September in Beijing.
    h = await startHarness('sqlite', {}, '2025-09-29T17:00:00Z');
  });
  afterAll(async () => h.close());

  it('prints a commitment form with its type, review points, a made-up filled-in example and the commitment text', async () => {
    const r = await h.request('GET', matterSamplePath('restaurant-opening', 'fire-safety-commitment'));
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(r.rawPayload);
    expect(text).toContain('《公众聚集场所投入使用、营业前消防安全检查告知承诺书》样本');
    expect(text).toContain('样本');
    expect(text).toContain('申请表格');
    expect(text).toContain('原件');
    expect(text).toContain(squash('承诺的场所名称、地址、面积、楼层与申请表一致。'));
    expect(text).toContain('张三');
    expect(text).toContain('示例有限公司');
    expect(text).toContain('000000000000000000');
    expect(text).toContain('现郑重承诺');
    expect(text).toContain('2025年9月30日');
    // The same version and day: the browser's copy is still good.
    const again = await h.request('GET', matterSamplePath('restaurant-opening', 'fire-safety-commitment'), { headers: { 'if-none-match': String(r.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('prints a proof with who issues it and on what basis, and a certificate without a form to fill in', async () => {
    const proof = await h.request('GET', itemSamplePath('sw-tax-credit-repair', 'tax-correction-proof'));
    expect(proof.statusCode, proof.body.slice(0, 300)).toBe(200);
    const text = pdfText(proof.rawPayload);
    expect(text).toContain('证明材料');
    expect(text).toContain('开具单位');
    expect(text).toContain('设定依据');
    const cert = pdfText((await h.request('GET', matterSamplePath('newborn-birth', 'birth-medical-certificate'))).rawPayload);
    expect(cert).toContain('《新生儿出生医学证明》样本');
    expect(cert).toContain('出生医学证明示例');
    expect(cert).not.toContain('填写示例');
  });

  it('fills a form with made-up people, the signer the same on the form and under it', async () => {
    const { catalogue, version } = await h.deps.catalogues.latest();
    const d = itemSample(catalogue, catalogue.items.get('gjj-deceased-withdrawal')!, 'heir-confirmation', version, '2025-09-30')!;
    const value = (label: string) => d.example?.rows.find((r) => r[1] === label)?.[2];
    expect(value('申请人姓名')).toBe('张三');
    expect(value('逝者姓名')).toBe('李四');
    expect(value('申请人公民身份号码')).toMatch(/^0{6}\d{8}0{4}$/);
    expect(d.example?.signature).toEqual(['申请人（签字）：张三', '日期：2025年9月30日']);
    // The 告知承诺 that may stand in for it, in the catalogue's words.
    expect(d.commitmentInstead).toContain('本人承诺是逝者的合法继承人');
  });

  it('answers 404 with a stable code and a Chinese message for an unknown matter, item or material', async () => {
    for (const url of [matterSamplePath('nope', 'fire-safety-commitment'), matterSamplePath('restaurant-opening', 'nope'), itemSamplePath('nope', 'x'), itemSamplePath('xf-public-venue-fire-safety-check', 'nope')]) {
      const r = await h.request('GET', url);
      expect(r.statusCode, url).toBe(404);
      expect(r.json().code).toBe('not-found');
      expect(r.json().message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.json().message).not.toContain('nope');
    }
  });

  it('has a sample for every form and every named sample of the shipped catalogue, all printable in the font', async () => {
    const { catalogue, version } = await h.deps.catalogues.latest();
    const doc = new PDFDocument({ size: 'A4' });
    registerFonts(doc);
    let forms = 0;
    for (const matter of catalogue.matters.values()) {
      for (const e of matter.entries) {
        for (const m of e.def.materials) {
          if (m.kind === 'form') {
            forms++;
            expect(m.sample, `${e.item} ${m.id}`).toBeTruthy();
          }
          if (!m.sample && m.kind !== 'form') continue;
          const d = matterSample(catalogue, matter, m.id, version, '2025-09-30')!;
          expect(d.sampleName ?? '').not.toMatch(/\.(pdf|docx?)$/);
          const all = JSON.stringify(d);
          for (const font of [REGULAR, BOLD]) expect(missingCharacters(doc.font(font), all), `${matter.id} ${m.id}`).toEqual([]);
          expect(itemSample(catalogue, e.def, m.id, version, '2025-09-30')).not.toBeNull();
        }
      }
    }
    expect(forms).toBeGreaterThan(5);
  });
});

describe('the printed material list names the sample', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(async () => h.close());

  it('lists 信用修复承诺书 with its sample and where to get it', async () => {
    const answers = { corrected: true, repairAreas: ['tax'] };
    const r = await h.request('POST', '/api/public/matters/credit-repair/checklist.pdf', { body: { answers } });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(pdfText(r.rawPayload)).toContain(squash('样本：信用修复承诺书（示范文本）（可在办事指南中查看、打印）'));
  });
});
