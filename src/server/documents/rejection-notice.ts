/** 不予受理通知书: every correction listed at once (一次性告知). */
import { BLANK_DATE, cnDate } from './format.ts';
import { PdfLayout, type Column } from './pdf.ts';
import type { RejectionNoticeData } from './types.ts';

const REASON_COLUMNS: Column[] = [
  { header: '序号', width: 0.8, align: 'center' },
  { header: '材料或事项', width: 2.4 },
  { header: '存在问题', width: 3.3 },
  { header: '补正要求', width: 3.6 },
];

export async function renderRejectionNotice(data: RejectionNoticeData): Promise<Buffer> {
  if (data.reasons.length === 0) throw new RangeError('不予受理通知书: no reasons');
  const pdf = new PdfLayout({
    title: `不予受理通知书（${data.caseNumber}）`,
    author: data.issuer,
    subject: data.matterName,
    issuedOn: data.issuedOn,
    runningHeader: `不予受理通知书　编号：${data.caseNumber}`,
  });
  pdf.title('不予受理通知书', { kicker: data.issuer });
  pdf.paragraph(`编号：${data.caseNumber}`, { align: 'right', size: 11, after: 6 });

  const applicant = data.applicantIdMasked
    ? `${data.applicantName}（证件号码：${data.applicantIdMasked}）`
    : data.applicantName;
  pdf.paragraph(`${applicant}：`, { align: 'left', after: 0 });
  pdf.paragraph(`您申请办理的${data.matterName}，经审查，您的申请存在以下问题，现一次性告知如下：`, { indent: 2 });
  pdf.table(
    REASON_COLUMNS,
    data.reasons.map((r, i) => [String(i + 1), r.subject, r.problem, r.correction]),
  );

  const basis = data.legalBasis.length > 0 ? `根据${data.legalBasis.join('、')}的规定，` : '';
  pdf.closing(
    [
      `${basis}决定对您的申请不予受理。`,
      '请按上述要求补正后重新提交申请。如对本决定不服，可依法申请行政复议或者提起行政诉讼。',
      `咨询电话：${data.window.phone}；办理地点：${data.window.name}（${data.window.address}）；` +
        `办公时间：${data.window.hours}。`,
      '本通知书一式两份，一份送达申请人，一份由受理机关存档。',
    ],
    [
      { lines: [{ label: '申请人签收：', rule: true }, `签收日期：${BLANK_DATE}`] },
      { lines: [data.issuer, `经办人：${data.clerk}`, cnDate(data.issuedOn)], stamp: true },
    ],
  );
  return pdf.finish();
}
