/**
 * The results of a decided item (clause 7.6): the decision letter (准予/不予许可决定书, 行政许可法
 * §38, §40) and the certificate — an e-license's printed copy with
 * its verification QR code, or the 办理结果凭证 of any other result. Each names the department's SM2
 * e-seal that signed it; the signature is printed and kept in the PDF's metadata.
 */
import QRCode from 'qrcode';
import { APPEAL_RIGHTS } from '../../core/case/outcome.ts';
import { cnDate } from './format.ts';
import { PdfLayout } from './pdf.ts';

export interface ResultSeal {
  /** The department whose seal signed it. */
  department: string;
  /** SM2 signature, hex. */
  signature: string;
}

interface ResultBase {
  caseNumber: string;
  matterName: string;
  applicantName: string;
  itemName: string;
  /** YYYY-MM-DD in China. */
  decidedOn: string;
  seal: ResultSeal;
}

export interface DecisionLetterData extends ResultBase {
  decision: 'approve' | 'refuse';
  /** YYYY-MM-DD, the day the case was accepted. */
  acceptedOn: string;
  legalBasis: string[];
  reasons: string[];
  result?: { name: string; ref?: string; holder?: string };
}

export interface CertificateData extends ResultBase {
  result: { name: string; ref?: string };
  license?: {
    holder: string;
    /** 统一社会信用代码 or the masked ID number. */
    holderNumber?: { label: string; value: string };
    keeper?: string;
    validFrom: string;
    validUntil: string | null;
    verifyUrl: string;
  };
}

const sealLine = (s: ResultSeal) => `本文书由${s.department}电子印章（SM2）签章。签章值：${s.signature.slice(0, 32)}…`;

function sealed(pdf: PdfLayout, seal: ResultSeal): void {
  // PDFKit writes the info dictionary when the document ends.
  (pdf.doc.info as unknown as Record<string, string>).Keywords = `SM2:${seal.department}:${seal.signature}`;
}

export const decisionTitle = (decision: 'approve' | 'refuse'): string => `${decision === 'approve' ? '准予' : '不予'}许可决定书`;

export async function renderDecisionLetter(data: DecisionLetterData): Promise<Buffer> {
  if (data.decision === 'refuse' && data.reasons.length === 0) throw new RangeError('不予决定书: no reasons');
  const title = decisionTitle(data.decision);
  const pdf = new PdfLayout({ title: `${title}（${data.caseNumber}）`, author: data.seal.department, subject: data.itemName, issuedOn: data.decidedOn, runningHeader: `${title}　办件编号：${data.caseNumber}` });
  sealed(pdf, data.seal);
  pdf.title(title, { kicker: data.seal.department });
  pdf.paragraph(`办件编号：${data.caseNumber}`, { align: 'right', size: 11, after: 6 });
  pdf.paragraph(`${data.applicantName}：`, { align: 'left', after: 0 });
  const basis = data.legalBasis.length > 0 ? `根据${data.legalBasis.join('、')}的规定，` : '';
  const asked = `你（单位）于${cnDate(data.acceptedOn)}在${data.matterName}中提出的“${data.itemName}”申请，本机关已依法受理。`;
  if (data.decision === 'approve') {
    pdf.paragraph(`${asked}经审查，你（单位）的申请符合法定条件和标准，${basis}决定准予许可。`, { indent: 2 });
    if (data.result) {
      const ref = data.result.ref ? `（编号：${data.result.ref}）` : '';
      pdf.paragraph(`办理结果：${data.result.name}${ref}${data.result.holder ? `，持证主体：${data.result.holder}` : ''}。电子证照已存入申请人的电子证照卡包，纸质结果可到综合窗口领取或申请邮寄送达。`, { indent: 2 });
    }
  } else {
    pdf.paragraph(`${asked}经审查，你（单位）的申请不符合法定条件，${basis}决定不予许可。理由如下：`, { indent: 2 });
    data.reasons.forEach((r, i) => pdf.paragraph(`${i + 1}. ${r}`, { indent: 2 }));
    pdf.paragraph('符合条件后，可重新提出申请。', { indent: 2 });
  }
  const closing = data.decision === 'refuse' ? [`${APPEAL_RIGHTS}。`, sealLine(data.seal)] : [sealLine(data.seal)];
  pdf.closing(closing, [null, { lines: [data.seal.department, cnDate(data.decidedOn)], stamp: true }]);
  return pdf.finish();
}

const QR_SIZE = 110;

export async function renderCertificate(data: CertificateData): Promise<Buffer> {
  const title = data.license ? data.result.name : '办理结果凭证';
  const pdf = new PdfLayout({ title: `${title}（${data.caseNumber}）`, author: data.seal.department, subject: data.itemName, issuedOn: data.decidedOn, runningHeader: `${title}　办件编号：${data.caseNumber}` });
  sealed(pdf, data.seal);
  pdf.title(title, { kicker: data.seal.department, ...(data.license ? { subtitle: '电子证照打印件' } : {}) });
  const rows: [string, string][] = [];
  const l = data.license;
  if (l) {
    rows.push(['证照编号', data.result.ref ?? ''], ['持证主体', l.holder]);
    if (l.holderNumber) rows.push([l.holderNumber.label, l.holderNumber.value]);
    if (l.keeper) rows.push(['持有方式', `${l.keeper}（${data.applicantName}）`]);
    rows.push(['签发机关', data.seal.department], ['签发日期', cnDate(data.decidedOn)], ['有效期', l.validUntil ? `${cnDate(l.validFrom)}至${cnDate(l.validUntil)}` : `${cnDate(l.validFrom)}起长期有效`]);
  } else {
    rows.push(['办理事项', data.itemName], ['办理结果', data.result.name], ...(data.result.ref ? [['结果编号', data.result.ref] as [string, string]] : []), ['申请人', data.applicantName], ['办理部门', data.seal.department], ['办结日期', cnDate(data.decidedOn)]);
  }
  rows.push(['所属一件事', data.matterName], ['办件编号', data.caseNumber]);
  const top = pdf.y;
  if (l) {
    const qr = await QRCode.toBuffer(l.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 800 });
    const x = pdf.left + pdf.width - QR_SIZE;
    pdf.image(qr, x, top, QR_SIZE);
    pdf.caption('扫码核验电子证照真伪', x - 10, top + QR_SIZE + 2, QR_SIZE + 20);
  }
  pdf.fields(rows, { width: pdf.width - (l ? QR_SIZE + 18 : 0) });
  pdf.y = Math.max(pdf.y + 6, l ? top + QR_SIZE + 20 : pdf.y);
  const notes = l
    ? ['本件为电子证照的打印件，与电子证照具有同等效力；扫描二维码或访问核验地址可核验真伪。', `核验地址：${l.verifyUrl}`, sealLine(data.seal)]
    : ['本凭证证明上述事项已办结。', sealLine(data.seal)];
  pdf.closing(notes, [null, { lines: [data.seal.department, cnDate(data.decidedOn)], stamp: true }]);
  return pdf.finish();
}
