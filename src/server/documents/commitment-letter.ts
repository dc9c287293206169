/** 告知承诺书 for acceptance on commitment (容缺受理): what is missing, by when, and what happens otherwise. */
import { BLANK_DATE, cnDate } from './format.ts';
import { PdfLayout, type Column } from './pdf.ts';
import type { CommitmentLetterData } from './types.ts';

const MISSING_COLUMNS: Column[] = [
  { header: '序号', width: 0.8, align: 'center' },
  { header: '容缺材料名称', width: 3.8 },
  { header: '补交期限', width: 2.2, align: 'center' },
  { header: '说明', width: 3.3 },
];

/** The applicant's standard commitment, one clause a line. */
export const STANDARD_COMMITMENT = [
  '本人已知晓并理解上述告知事项，现郑重承诺：',
  '（一）本人所提交的申请材料真实、合法、有效，所填写的信息准确、完整；',
  '（二）在上表所列期限内补齐全部容缺材料，且补交的材料与已提交的材料及申请内容一致；',
  '（三）如未按期补齐材料，或者所作承诺与实际情况不符，本人自愿承担终止办理、撤销办理结果、记入信用记录等相应后果和法律责任。',
].join('\n');

export async function renderCommitmentLetter(data: CommitmentLetterData): Promise<Buffer> {
  if (data.missing.length === 0) throw new RangeError('告知承诺书: no missing materials');
  const pdf = new PdfLayout({
    title: `告知承诺书（${data.caseNumber}）`,
    author: data.issuer,
    subject: `${data.matterName}容缺受理`,
    issuedOn: data.issuedOn,
    runningHeader: `告知承诺书　编号：${data.caseNumber}`,
  });
  pdf.title('告知承诺书', { kicker: data.issuer, subtitle: '（容缺受理适用）' });
  pdf.paragraph(`编号：${data.caseNumber}`, { align: 'right', size: 11, after: 2 });
  const facts: [string, string][] = [['申请人', data.applicantName]];
  if (data.applicantIdMasked) facts.push(['证件号码', data.applicantIdMasked]);
  facts.push(['申请事项', data.matterName], ['受理窗口', data.window.name], ['受理人', data.clerk]);
  pdf.fields(facts);
  pdf.space(4);

  pdf.heading('一、告知事项');
  pdf.paragraph(
    `${data.applicantName}：您申请办理的${data.matterName}，经审查，基本条件具备，主要申请材料齐全且符合法定形式，` +
      `尚缺下列${data.missing.length}项材料。根据容缺受理有关规定，本机关对您的申请先行受理，现将有关事项一次性告知如下：`,
    { indent: 2 },
  );
  pdf.table(
    MISSING_COLUMNS,
    data.missing.map((m, i) => [String(i + 1), m.name, `${cnDate(m.deadline)}前`, m.note ?? '']),
  );
  [
    `（一）请您在上表所列期限内，将所缺材料补交至${data.window.name}（地址：${data.window.address}）。` +
      '材料补齐并经审核通过后，本机关出具办理结果。',
    '（二）超过上表所列期限未补交材料，或者补交的材料不符合要求且未按期补正的，本机关将终止办理，' +
      '视为您撤回申请；已先行作出的决定，依法予以撤销。',
    '（三）您作出的承诺与实际情况不符的，本机关将依法撤销相关决定，并将有关情况记入您的信用记录；' +
      '给他人造成损失的，依法承担相应的法律责任。',
    `（四）咨询电话：${data.window.phone}；办公时间：${data.window.hours}。`,
  ].forEach((text) => pdf.paragraph(text, { indent: 2, after: 0 }));

  pdf.heading('二、申请人承诺');
  pdf.closing([data.commitmentText ?? STANDARD_COMMITMENT, '本告知承诺书一式两份，申请人与受理机关各执一份。'], [
    {
      lines: [{ label: '申请人（签字）：', rule: true }, { label: '委托代理人（签字）：', rule: true }, `日期：${BLANK_DATE}`],
    },
    { lines: ['受理机关（盖章）', data.issuer, cnDate(data.issuedOn)], stamp: true },
  ]);
  return pdf.finish();
}
