/** 受理凭证: the acceptance receipt, with a QR code linking to the case's progress page. */
import QRCode from 'qrcode';
import { cnDate, cnDateTime } from './format.ts';
import { denseDocument, type Column } from './pdf.ts';
import type { ReceiptData } from './types.ts';

const QR_SIZE = 90;

const ITEM_COLUMNS: Column[] = [
  { header: '序号', width: 0.8, align: 'center' },
  { header: '办理事项', width: 3.2 },
  { header: '承办部门', width: 2.4 },
  { header: '承诺时限', width: 1.4, align: 'center' },
  { header: '预计办结日期', width: 2, align: 'center' },
];

const MATERIAL_COLUMNS: Column[] = [
  { header: '序号', width: 0.8, align: 'center' },
  { header: '材料名称', width: 3.6 },
  { header: '份数', width: 0.8, align: 'center' },
  { header: '材料形式', width: 1.4, align: 'center' },
  { header: '状态', width: 1.4, align: 'center' },
  { header: '备注', width: 2.2 },
];

export async function renderReceipt(data: ReceiptData): Promise<Buffer> {
  if (data.items.length === 0) throw new RangeError('受理凭证: no items');
  // About 600 dpi at print size, so that printers and viewers do not blur the modules.
  const qr = await QRCode.toBuffer(data.progressUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 800 });
  const acceptedAt = cnDateTime(data.acceptedAt);
  const pdf = denseDocument({
    title: '受理凭证',
    pdfTitle: `受理凭证（${data.caseNumber}）`,
    kicker: data.issuer,
    issuer: data.issuer,
    matterName: data.matterName,
    issuedOn: data.issuedOn,
    runningHeader: `受理凭证　受理编号：${data.caseNumber}`,
  });

  // The case facts on the left, the QR code beside them on the right.
  const top = pdf.y;
  const qrX = pdf.left + pdf.width - QR_SIZE;
  pdf.image(qr, qrX, top, QR_SIZE);
  pdf.caption('扫码查询办理进度', qrX - 10, top + QR_SIZE + 2, QR_SIZE + 20);
  const facts: [string, string][] = [
    ['受理编号', data.caseNumber],
  ];
  if (data.progressCode) facts.push(['查询码', data.progressCode]);
  facts.push(['申请人', data.applicantName]);
  if (data.applicantIdMasked) facts.push(['证件号码', data.applicantIdMasked]);
  facts.push(['申请事项', data.matterName], ['受理时间', acceptedAt], ['受理窗口', data.window.name]);
  pdf.fields(facts, { width: pdf.width - QR_SIZE - 18 });
  pdf.y = Math.max(pdf.y + 6, top + QR_SIZE + 18);

  const deferred = data.materials.filter((m) => m.status === '容缺后补');
  const decision =
    deferred.length === 0
      ? '经审查，您提交的申请材料齐全、符合法定形式，决定予以受理。'
      : `经审查，您的申请基本条件具备、主要申请材料齐全且符合法定形式，所缺${deferred.length}项材料可容缺后补，` +
        '根据您签署的《告知承诺书》，决定予以容缺受理。';
  pdf.paragraph(`${data.applicantName}：`, { align: 'left', after: 0 });
  pdf.paragraph(
    `您于${acceptedAt.split(' ')[0]}申请办理的${data.matterName}，${decision}` +
      `本件共涉及${data.items.length}个事项，预计于${cnDate(data.dueDate)}${data.provisional ? '（暂定）' : ''}前全部办结。` +
      (data.provisional ? '所涉年度的节假日安排尚未公布，期限按法定节假日暂算，公布后以正式安排为准。' : ''),
    { indent: 2 },
  );

  pdf.heading('一、办理事项');
  pdf.table(
    ITEM_COLUMNS,
    data.items.map((item, i) => [
      String(i + 1),
      item.name,
      item.department,
      `${item.promisedDays}个工作日`,
      `${cnDate(item.dueDate)}${item.provisional ? '（暂定）' : ''}`,
    ]),
  );

  pdf.heading('二、申请材料');
  pdf.table(
    MATERIAL_COLUMNS,
    data.materials.map((m, i) => [
      String(i + 1),
      m.name,
      m.status === '免提交' ? '—' : String(m.copies),
      m.form,
      m.status,
      m.note ?? '',
    ]),
  );

  pdf.heading('三、告知事项');
  const notes = [
    '本凭证是您的申请已被受理的凭据，请妥善保管；领取办理结果时，请出示本凭证及本人有效身份证件。',
  ];
  if (deferred.length > 0) {
    notes.push('标注为“容缺后补”的材料，请按《告知承诺书》约定的期限补交；逾期未补交的，按《告知承诺书》的约定处理。');
  }
  notes.push(
    data.progressCode
      ? `您可扫描本凭证右上方的二维码查询办理进度（无需登录），也可在政务服务网“办件进度查询”输入受理编号和查询码 ${data.progressCode} 查询，或拨打咨询电话查询。`
      : '您可扫描本凭证右上方的二维码查询办理进度，也可凭受理编号通过政务服务网或咨询电话查询。',
    `咨询电话：${data.window.phone}；办公时间：${data.window.hours}；办理地点：${data.window.address}。`,
  );
  pdf.closing(
    notes.map((note, i) => `${i + 1}. ${note}`),
    [{ lines: [`受理人：${data.clerk}`] }, { lines: [`${data.issuer}（受理专用章）`, cnDate(data.issuedOn)], centred: true }],
  );
  return pdf.finish();
}
