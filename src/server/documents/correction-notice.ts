/** 补正材料通知书 (行政许可法 §32): every correction told at once (一次性告知); the application stays open. */
import { BLANK_DATE, cnDate } from './format.ts';
import { openNotice } from './notice.ts';
import type { Column } from './pdf.ts';
import type { CorrectionNoticeData } from './types.ts';

const ITEM_COLUMNS: Column[] = [
  { header: '序号', width: 0.8, align: 'center' },
  { header: '材料或事项', width: 2.4 },
  { header: '存在问题', width: 3.3 },
  { header: '补正要求', width: 3.6 },
];

export async function renderCorrectionNotice(data: CorrectionNoticeData): Promise<Buffer> {
  if (data.items.length === 0) throw new RangeError('补正材料通知书: no items');
  const pdf = openNotice('补正材料通知书', data);
  pdf.paragraph(
    `您于${cnDate(data.receivedOn)}提出的${data.matterName}申请，经审查，申请材料不齐全或者不符合法定形式。` +
      `根据《中华人民共和国行政许可法》第三十二条的规定，现将需要补正的全部内容一次性告知如下：`,
    { indent: 2 },
  );
  pdf.table(ITEM_COLUMNS, data.items.map((r, i) => [String(i + 1), r.subject, r.problem, r.correction]));

  const by = data.deadline ? `请于${cnDate(data.deadline)}前` : '请';
  pdf.closing(
    [
      `${by}按上述要求补正：可在网上办件页面逐项上传补正后的材料，也可携带材料到${data.window.name}补正。` +
        '已提交的申请表和其他材料继续有效，无需重新申请或重复提交。补正材料齐全、符合法定形式后，本中心予以受理。',
      `咨询电话：${data.window.phone}；办理地点：${data.window.name}（${data.window.address}）；办公时间：${data.window.hours}。`,
      '本通知书一式两份，一份送达申请人，一份由受理机关存档。',
    ],
    [
      { lines: [{ label: '申请人签收：', rule: true }, `签收日期：${BLANK_DATE}`] },
      { lines: [data.issuer, `经办人：${data.clerk}`, cnDate(data.issuedOn)], stamp: true },
    ],
  );
  return pdf.finish();
}
