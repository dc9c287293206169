/**
 * 不予受理通知书: only for a matter outside the centre's remit or an applicant not eligible (incomplete
 * materials get a 补正材料通知书 instead), with the reason and the remedies: 行政复议 within 60 days
 * (行政复议法 §20) or 行政诉讼 within 6 months (行政诉讼法 §46).
 */
import { BLANK_DATE, cnDate } from './format.ts';
import { openNotice } from './notice.ts';
import type { RejectionNoticeData } from './types.ts';

export const REMEDY_TEXT =
  '如不服本决定，可以自收到本通知书之日起六十日内依法申请行政复议，也可以自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。';

export async function renderRejectionNotice(data: RejectionNoticeData): Promise<Buffer> {
  if (data.reason.trim() === '') throw new RangeError('不予受理通知书: no reason');
  const pdf = openNotice('不予受理通知书', data);
  pdf.paragraph(`您申请办理的${data.matterName}，经审查，${data.ground}：${data.reason}`, { indent: 2 });

  const basis = data.legalBasis.length > 0 ? `根据${data.legalBasis.join('、')}的规定，` : '';
  pdf.closing(
    [
      `${basis}决定对您的申请不予受理。${data.referral ?? ''}`,
      `${REMEDY_TEXT}（《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条）`,
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
