import jsQR from 'jsqr';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { newbornReceipt, restaurantCommitment, restaurantCorrections, restaurantRejection } from './fixtures.ts';
import { cnDate, cnDateTime } from './format.ts';
import { REMEDY_TEXT, renderCommitmentLetter, renderCorrectionNotice, renderReceipt, renderRejectionNotice, STANDARD_COMMITMENT } from './index.ts';
import { MARGIN, PdfLayout } from './pdf.ts';
import type { ReceiptData } from './types.ts';

const A4_HEIGHT = 841.89;

interface Parsed {
  doc: PDFDocumentProxy;
  pages: PDFPageProxy[];
  items: TextItem[][];
  /** Each page's text with all whitespace removed. */
  text: string[];
  /** The text between the margins (no running header, no page numbers) of all pages, whitespace removed. */
  body: string;
  info: Record<string, unknown>;
}

async function parse(pdf: Buffer): Promise<Parsed> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const pages: PDFPageProxy[] = [];
  const items: TextItem[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    pages.push(page);
    const content = await page.getTextContent();
    items.push(content.items.filter((i): i is TextItem => 'str' in i));
  }
  const text = items.map((page) => squash(page.map((i) => i.str).join('')));
  const body = squash(
    items
      .flat()
      .filter((i) => inBody(i))
      .map((i) => i.str)
      .join(''),
  );
  const { info } = await doc.getMetadata();
  return { doc, pages, items, text, body, info: info as Record<string, unknown> };
}

function inBody(item: TextItem): boolean {
  const y = item.transform[5] as number; // baseline, from the bottom of the page
  return y > MARGIN && y < A4_HEIGHT - MARGIN;
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The QR codes painted on a page, decoded. */
async function qrCodes(page: PDFPageProxy): Promise<string[]> {
  const ops = await page.getOperatorList();
  const found: string[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
    const name = (ops.argsArray[i] as [string])[0];
    const img = await new Promise<{ width: number; height: number; data: Uint8Array }>((resolve) => {
      page.objs.get(name, resolve);
    });
    const pixels = img.width * img.height;
    const channels = img.data.length / pixels;
    const rgba = new Uint8ClampedArray(pixels * 4);
    for (let p = 0; p < pixels; p++) {
      for (let c = 0; c < 3; c++) rgba[p * 4 + c] = img.data[p * channels + (channels >= 3 ? c : 0)]!;
      rgba[p * 4 + 3] = 255;
    }
    const code = jsQR(rgba, img.width, img.height);
    if (code) found.push(code.data);
  }
  return found;
}

function expectPdf(pdf: Buffer): void {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

function expectPageNumbers(parsed: Parsed): void {
  const m = parsed.text.length;
  parsed.text.forEach((page, i) => expect(page).toContain(`第${i + 1}页共${m}页`));
}

describe('受理凭证', () => {
  let pdf: Buffer;
  let parsed: Parsed;
  beforeAll(async () => {
    pdf = await renderReceipt(newbornReceipt);
    parsed = await parse(pdf);
  });

  it('is an A4 PDF with Chinese metadata', () => {
    expectPdf(pdf);
    const [, , w, h] = parsed.pages[0]!.view;
    expect(w).toBeCloseTo(595.28, 0);
    expect(h).toBeCloseTo(A4_HEIGHT, 0);
    expect(parsed.info.Title).toBe(`受理凭证（${newbornReceipt.caseNumber}）`);
    expect(parsed.info.Author).toBe('示例市政务服务中心');
    expect(parsed.info.CreationDate).toBe('D:20250304160000Z'); // 2025-03-05 00:00 Beijing time
  });

  it('prints the title, case, applicant and acceptance time on the first page', () => {
    const first = parsed.text[0]!;
    expect(first).toContain('受理凭证');
    expect(first).toContain(`受理编号：${newbornReceipt.caseNumber}`);
    expect(first).toContain('李晓梅');
    expect(first).toContain('330106********2426');
    expect(first).toContain('受理时间：2025年3月5日10:32');
    expect(first).toContain('决定予以容缺受理');
  });

  it('has a QR code that decodes to the progress URL', async () => {
    expect(await qrCodes(parsed.pages[0]!)).toEqual([newbornReceipt.progressUrl]);
  });

  it('lists every item and every material, the table running onto page 2 under a repeated header', () => {
    expect(parsed.doc.numPages).toBe(2);
    const all = parsed.body;
    for (const item of newbornReceipt.items) {
      expect(all).toContain(squash(`${item.name}`));
      expect(all).toContain(`${item.promisedDays}个工作日${cnDate(item.dueDate)}`);
    }
    for (const m of newbornReceipt.materials) expect(all).toContain(squash(m.name));
    const second = parsed.text[1]!;
    expect(second).toContain('序号材料名称份数材料形式状态备注');
    expect(second).toContain('受理凭证受理编号：YJS-2025-330108-000127'); // running header
    expectPageNumbers(parsed);
    expect(second).toContain('第2页');
  });

  it('keeps the last notice together with the signature and seal', () => {
    const last = parsed.text.at(-1)!;
    expect(last).toContain('咨询电话：0571-87654321');
    expect(last).toContain('受理人：王静');
    expect(last).toContain('示例市政务服务中心（受理专用章）');
  });

  it('uses the plain acceptance wording when every material is in, on one page', async () => {
    const complete: ReceiptData = {
      ...newbornReceipt,
      caseNumber: 'YJS-2025-330108-000131',
      materials: newbornReceipt.materials.slice(0, 3),
      items: newbornReceipt.items.slice(0, 2),
    };
    const p = await parse(await renderReceipt(complete));
    expect(p.doc.numPages).toBe(1);
    expect(p.text[0]).toContain('经审查，您提交的申请材料齐全、符合法定形式，决定予以受理。');
    expect(p.text[0]).not.toContain('容缺');
    expect(p.text[0]).toContain('第1页共1页');
  });
});

describe('告知承诺书', () => {
  let pdf: Buffer;
  let parsed: Parsed;
  let all: string;
  beforeAll(async () => {
    pdf = await renderCommitmentLetter(restaurantCommitment);
    parsed = await parse(pdf);
    all = parsed.body;
  });

  it('is a PDF titled 告知承诺书 with the case number', () => {
    expectPdf(pdf);
    expect(parsed.info.Title).toBe(`告知承诺书（${restaurantCommitment.caseNumber}）`);
    expect(parsed.text[0]).toContain('告知承诺书');
    expect(parsed.text[0]).toContain(`编号：${restaurantCommitment.caseNumber}`);
    expect(parsed.text[0]).toContain('开办餐饮店“一件事”');
    expectPageNumbers(parsed);
  });

  it('names every missing material with its deadline, in one row', () => {
    restaurantCommitment.missing.forEach((m, i) => {
      expect(all).toContain(`${i + 1}${squash(m.name)}${cnDate(m.deadline)}前`);
      if (m.note) expect(all).toContain(squash(m.note));
    });
  });

  it('states the consequences of not supplying in time', () => {
    expect(all).toContain('超过上表所列期限未补交材料');
    expect(all).toContain('本机关将终止办理');
    expect(all).toContain('依法予以撤销');
    expect(all).toContain('记入您的信用记录');
  });

  it("has the applicant's commitment, signature lines and the stamp area", () => {
    expect(all).toContain(squash(STANDARD_COMMITMENT));
    expect(all).toContain('申请人（签字）：');
    expect(all).toContain('受理机关（盖章）示例市政务服务中心2025年4月1日');
  });

  it('takes a custom commitment text', async () => {
    const text = '本人承诺于2025年4月30日前补齐全部材料，逾期自愿承担终止办理的后果。';
    const p = await parse(await renderCommitmentLetter({ ...restaurantCommitment, commitmentText: text }));
    const joined = p.body;
    expect(joined).toContain(squash(text));
    expect(joined).not.toContain('本人已知晓并理解上述告知事项');
  });

  it('refuses a letter with nothing missing', async () => {
    await expect(renderCommitmentLetter({ ...restaurantCommitment, missing: [] })).rejects.toThrow(RangeError);
  });
});

describe('补正材料通知书', () => {
  let pdf: Buffer;
  let parsed: Parsed;
  let all: string;
  beforeAll(async () => {
    pdf = await renderCorrectionNotice(restaurantCorrections);
    parsed = await parse(pdf);
    all = parsed.body;
  });

  it('is a one-page PDF titled 补正材料通知书 with the case number', () => {
    expectPdf(pdf);
    expect(parsed.doc.numPages).toBe(1);
    expect(parsed.info.Title).toBe(`补正材料通知书（${restaurantCorrections.caseNumber}）`);
    expect(all).toContain('补正材料通知书');
    expect(all).toContain(`编号：${restaurantCorrections.caseNumber}`);
    expect(parsed.text[0]).toContain('第1页共1页');
  });

  it('lists every correction at once, numbered, in a table', () => {
    expect(all).toContain('现将需要补正的全部内容一次性告知如下：序号材料或事项存在问题补正要求');
    restaurantCorrections.items.forEach((r, i) => {
      expect(all).toContain(squash(`${i + 1}${r.subject}${r.problem}${r.correction}`));
    });
  });

  it('keeps the application open: supply by the deadline, online or at the window, nothing again', () => {
    expect(all).toContain('您于2025年3月18日提出的开办餐饮店“一件事”申请');
    expect(all).toContain('根据《中华人民共和国行政许可法》第三十二条的规定');
    expect(all).toContain('请于2025年4月3日前按上述要求补正');
    expect(all).toContain('已提交的申请表和其他材料继续有效，无需重新申请或重复提交');
    expect(all).not.toContain('不予受理');
    expect(all).toContain('经办人：赵明2025年3月20日');
  });

  it('splits a row taller than a page across pages, header repeated, nothing lost', async () => {
    const correction = Array.from(
      { length: 45 },
      (_, i) => `第${i + 1}项：请按照示例市市场监督管理局发布的示范文本重新填写并由申请人签字确认。`,
    ).join('');
    const p = await parse(
      await renderCorrectionNotice({
        ...restaurantCorrections,
        items: [{ subject: '《食品经营许可申请书》', problem: '填写内容不完整。', correction }],
      }),
    );
    expect(p.doc.numPages).toBeGreaterThanOrEqual(3);
    p.text.forEach((page) => expect(page).toContain('序号材料或事项存在问题补正要求'));
    // The text of the last column, read page after page, is the correction in full.
    const lastColumn = MARGIN + ((595.28 - 2 * MARGIN) * 6.4) / 10;
    const column = p.items
      .flat()
      .filter((i) => {
        return (i.transform[4] as number) > lastColumn && inBody(i);
      })
      .map((i) => i.str)
      .join('');
    expect(squash(column).replaceAll('补正要求', '')).toContain(squash(correction));
    expectPageNumbers(p);
  });

  it('refuses a notice without items', async () => {
    await expect(renderCorrectionNotice({ ...restaurantCorrections, items: [] })).rejects.toThrow(RangeError);
  });
});

describe('不予受理通知书', () => {
  let pdf: Buffer;
  let all: string;
  beforeAll(async () => {
    pdf = await renderRejectionNotice(restaurantRejection);
    all = (await parse(pdf)).body;
  });

  it('gives the ground and the reason, not a list of corrections', () => {
    expectPdf(pdf);
    expect(all).toContain(squash(`经审查，申请人不具备申请资格：${restaurantRejection.reason}`));
    expect(all).toContain('决定对您的申请不予受理');
    expect(all).not.toContain('补正要求');
  });

  it('tells the remedies: 行政复议 within 60 days, 行政诉讼 within 6 months', () => {
    expect(all).toContain(squash(REMEDY_TEXT));
    expect(all).toContain('六十日内依法申请行政复议');
    expect(all).toContain('六个月内依法向人民法院提起行政诉讼');
    expect(all).toContain('《中华人民共和国行政复议法》第二十条');
    expect(all).toContain('《中华人民共和国行政诉讼法》第四十六条');
  });

  it('refuses a notice without a reason', async () => {
    await expect(renderRejectionNotice({ ...restaurantRejection, reason: ' ' })).rejects.toThrow(RangeError);
  });
});

describe('line breaking', () => {
  const layout = new PdfLayout({ title: 't', author: 'a', subject: 's', issuedOn: '2025-01-01' });
  const tenChars = 12 * 10 + 0.5;

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    expect(layout.breakLines('一二三四五六七八九十，后面的字', tenChars)).toEqual(['一二三四五六七八九', '十，后面的字']);
    expect(layout.breakLines('一二三四五六七八九《告知承诺书》', tenChars)).toEqual(['一二三四五六七八九', '《告知承诺书》']);
  });

  it('keeps ASCII words and numbers whole, and breaks an over-long URL anywhere', () => {
    const lines = layout.breakLines('咨询电话：0571-87654321，办公时间9:00—17:00', tenChars);
    expect(lines.join('')).toBe('咨询电话：0571-87654321，办公时间9:00—17:00');
    expect(lines.some((l) => l.includes('0571-87654321'))).toBe(true);
    const url = `https://example.gov.cn/${'a'.repeat(60)}`;
    const broken = layout.breakLines(url, tenChars);
    expect(broken.length).toBeGreaterThan(1);
    expect(broken.join('')).toBe(url);
  });

  it('starts each \\n-separated paragraph on a new line', () => {
    expect(layout.breakLines('甲乙\n丙丁', tenChars)).toEqual(['甲乙', '丙丁']);
  });
});

describe('format', () => {
  it('formats dates the Chinese way, in Beijing time', () => {
    expect(cnDate('2025-03-05')).toBe('2025年3月5日');
    expect(cnDateTime('2025-03-04T16:05:00Z')).toBe('2025年3月5日 00:05');
    expect(() => cnDate('2025-3-5')).toThrow(RangeError);
    expect(() => cnDateTime('yesterday')).toThrow(RangeError);
  });
});
