/** 缴费凭证: the printable proof of one payment, amounts in figures and in capitals, times in Beijing time. */
import { amountInWords } from '../../../core/planning/fees.ts';
import { shanghaiDay } from '../../../core/reporting/time.ts';
import { cnDate, cnDateTime } from '../../documents/format.ts';
import { denseDocument, type Column } from '../../documents/pdf.ts';
import type { PlannedCharge } from './orders.ts';

export interface FeeReceiptData {
  reference: string;
  caseNumber: string;
  matterName: string;
  itemName: string;
  payer: string;
  department: string;
  charges: PlannedCharge[];
  amount: number;
  paidAt: string;
  channel: string;
  method: string;
  collector: string;
  /** Set when the payment was given back. */
  refundedAt: string | null;
}

const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

const COLUMNS: Column[] = [
  { header: '序号', width: 0.7, align: 'center' },
  { header: '收费项目', width: 3 },
  { header: '收费标准', width: 1.4, align: 'right' },
  { header: '减免', width: 2.4 },
  { header: '实缴金额', width: 1.4, align: 'right' },
];

export function renderFeeReceipt(d: FeeReceiptData): Promise<Buffer> {
  const issuedOn = shanghaiDay(d.paidAt);
  const pdf = denseDocument({
    title: '缴费凭证',
    pdfTitle: `缴费凭证（${d.reference}）`,
    kicker: d.department,
    issuer: d.department,
    matterName: d.matterName,
    issuedOn,
    runningHeader: `缴费凭证　缴款码：${d.reference}`,
  });
  pdf.fields([
    ['缴款码', d.reference],
    ['办件编号', d.caseNumber],
    ['缴款人', d.payer],
    ['办理事项', `${d.matterName}：${d.itemName}`],
    ['收款单位', d.department],
    ['缴费时间', cnDateTime(d.paidAt)],
    ['缴费方式', `${d.channel}（${d.method}）`],
  ]);
  pdf.space(6);
  pdf.table(COLUMNS, d.charges.map((c, i) => [
    String(i + 1),
    `${c.name}（依据：${c.basis}）`,
    yuan(c.amount),
    c.exempt ? `免收：${c.exempt}` : c.reductions.map((r) => `${r.name} ${yuan(r.amount)}`).join('；') || '—',
    yuan(c.due),
  ]));
  pdf.paragraph(`合计金额（大写）：人民币${amountInWords(d.amount)}　　（小写）：${yuan(d.amount)}`, { bold: true, align: 'left' });
  if (d.refundedAt) pdf.paragraph(`本笔款项已于${cnDateTime(d.refundedAt)}全额退还。`, { bold: true, align: 'left' });
  pdf.closing(
    [
      '1. 本凭证证明上列款项已缴纳，请妥善保管；需要财政票据的，以财政部门开具的电子非税收入票据为准，可凭缴款码查验。',
      '2. 申请撤回且事项未作出决定的，已缴款项按原渠道退还。',
    ],
    [{ lines: [`收款人：${d.collector}`] }, { lines: [`${d.department}（收费专用章）`, cnDate(issuedOn)], centred: true }],
  );
  return pdf.finish();
}
