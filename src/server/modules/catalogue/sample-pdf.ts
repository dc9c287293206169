/**
 * 材料样本 as a printable PDF: the platform's layout and font (documents/pdf.ts), a 样本 watermark
 * across every page so a printed copy is never mistaken for a filled-in material.
 */
import { cnDate } from '../../documents/format.ts';
import { BOLD, REGULAR } from '../../documents/fonts.ts';
import { denseDocument, type Column, type PdfLayout } from '../../documents/pdf.ts';
import type { SampleData } from './sample-data.ts';

const EXAMPLE_COLUMNS: Column[] = [
  { header: '栏目', width: 2.2 },
  { header: '填写项', width: 3.6 },
  { header: '填写示例', width: 4.2 },
];

export const WATERMARK = '样本';
const WATERMARK_NOTE = '示例 · 仅供参考 · 不作为办事材料';

/** The watermark, drawn over each finished page: large, light and turned, so the content stays legible. */
function watermark(pdf: PdfLayout): void {
  const doc = pdf.doc;
  const { start, count } = doc.bufferedPageRange();
  const cx = pdf.left + pdf.width / 2;
  const cy = 841.89 / 2;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.save();
    doc.rotate(-35, { origin: [cx, cy] });
    doc.fillColor('#b0b0b0').fillOpacity(0.22);
    doc.font(BOLD).fontSize(150);
    const w = doc.widthOfString(WATERMARK);
    doc.text(WATERMARK, cx - w / 2, cy - 110, { lineBreak: false });
    doc.font(REGULAR).fontSize(20);
    const n = doc.widthOfString(WATERMARK_NOTE);
    doc.text(WATERMARK_NOTE, cx - n / 2, cy + 80, { lineBreak: false });
    doc.restore();
  }
}

const numbered = (points: string[]) => points.map((p, i) => `${i + 1}. ${p}`).join('\n');

export async function renderSample(d: SampleData): Promise<Buffer> {
  const pdf = denseDocument({
    title: d.title,
    kicker: d.context,
    subtitle: d.example ? `（${d.sampleName ?? d.title}；所填内容均为虚构，仅供参考）` : `（${d.sampleName ? `${d.sampleName}；` : ''}材料要求说明，仅供参考）`,
    issuer: d.issuer,
    matterName: d.context,
    issuedOn: d.issuedOn,
    runningHeader: `${d.title}（示例）`,
  });
  let n = 0;
  const section = (name: string) => pdf.heading(`${'一二三四五六'[n++]}、${name}`);

  section('材料说明');
  pdf.fields(d.facts);
  pdf.space(4);

  section('材料须载明的内容（审查要点）');
  if (d.review.formal.length > 0) {
    pdf.paragraph('形式审查：', { bold: true, align: 'left', after: 0 });
    pdf.paragraph(numbered(d.review.formal), { align: 'left' });
  }
  if (d.review.substantive.length > 0) {
    pdf.paragraph('实质审查：', { bold: true, align: 'left', after: 0 });
    pdf.paragraph(numbered(d.review.substantive), { align: 'left' });
  }
  if (d.review.formal.length + d.review.substantive.length === 0) pdf.paragraph('目录未列审查要点，以窗口受理时的审查为准。', { indent: 2 });

  if (d.proof) {
    section('证明的开具');
    pdf.fields([
      ['开具单位', d.proof.issuer],
      ['设定依据', d.proof.basis.join('；')],
    ]);
    pdf.space(4);
  }

  if (d.example) {
    section('填写示例');
    pdf.paragraph('以下为填写样式，姓名、号码、地址均为虚构（号码以 0 填充），请按本人（本单位）的真实情况填写。', { indent: 2 });
    if (d.example.rows.length > 0) pdf.table(EXAMPLE_COLUMNS, d.example.rows);
    const parties = [null, { lines: d.example.signature }];
    if (d.example.text) {
      pdf.heading(/授权/.test(d.title) ? '授权内容（示例）' : '承诺内容（示例）');
      pdf.closing([d.example.text], parties, { align: 'left', after: 0 });
    } else {
      pdf.closing([], parties);
    }
  }

  if (d.commitmentInstead) {
    section('以告知承诺代替');
    pdf.paragraph('不能提供本材料的，可签署告知承诺书代替，承诺内容为：', { indent: 2, after: 0 });
    pdf.paragraph(d.commitmentInstead, { indent: 2 });
  }

  pdf.space(6);
  pdf.paragraph(`本样本由平台根据第 ${d.catalogueVersion} 版事项目录生成，供准备材料时参照；材料以窗口受理时的审查为准。`, { indent: 2, size: 10 });
  pdf.paragraph(`生成日期：${cnDate(d.issuedOn)}`, { align: 'right' });
  watermark(pdf);
  return pdf.finish();
}
