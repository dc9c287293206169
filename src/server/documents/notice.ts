/** The head every window notice shares (补正材料通知书, 不予受理通知书): title, number, the applicant addressed. */
import { PdfLayout } from './pdf.ts';
import type { DocumentBase } from './types.ts';

export function openNotice(name: string, data: DocumentBase): PdfLayout {
  const pdf = new PdfLayout({
    title: `${name}（${data.caseNumber}）`,
    author: data.issuer,
    subject: data.matterName,
    issuedOn: data.issuedOn,
    runningHeader: `${name}　编号：${data.caseNumber}`,
  });
  pdf.title(name, { kicker: data.issuer });
  pdf.paragraph(`编号：${data.caseNumber}`, { align: 'right', size: 11, after: 6 });
  const applicant = data.applicantIdMasked ? `${data.applicantName}（证件号码：${data.applicantIdMasked}）` : data.applicantName;
  pdf.paragraph(`${applicant}：`, { align: 'left', after: 0 });
  return pdf;
}
