/**
 * 个性化材料清单: what one applicant, by their answers, takes to the window (clause 6.3.2 一次告知):
 * their situation, the items, the materials to bring with the formal review points, the materials
 * they need not bring and why, where the windows are, and the time limit.
 */
import { cnDate } from './format.ts';
import { denseDocument, type Column } from './pdf.ts';
import type { WindowInfo } from './types.ts';

export interface ChecklistData {
  /** The “一件事”, e.g. 新生儿出生“一件事”. */
  matterName: string;
  /** Who publishes the guide the list comes from (the PDF Author), e.g. the lead department. */
  issuer: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** The published catalogue version the list was planned with. */
  catalogueVersion: number;
  situation: { name: string; description?: string };
  /** The applicant's answers, in the order asked. */
  answers: { question: string; answer: string }[];
  items: { name: string; department: string; /** 1-based step of the flow */ step: number; promisedDays: number; note?: string }[];
  /** Materials to bring. `form` in words, e.g. 原件（纸质或电子）; `notes` e.g. 可容缺后补. */
  required: { name: string; copies: number; form: string; review: string[]; notes: string[] }[];
  /** Materials spared, with the reason in words (电子证照：居民身份证电子证照 …). */
  exempt: { name: string; reason: string }[];
  windows: WindowInfo[];
  contacts: { name: string; phone: string }[];
  timeLimit: { workingDays: number; legalWorkingDays: number; note?: string };
}

const ANSWER_COLUMNS: Column[] = [
  { header: '序号', width: 0.8, align: 'center' },
  { header: '问题', width: 5.6 },
  { header: '您的回答', width: 3.6 },
];

const ITEM_COLUMNS: Column[] = [
  { header: '序号', width: 0.8, align: 'center' },
  { header: '办理事项', width: 4.2 },
  { header: '承办部门', width: 2.6 },
  { header: '办理顺序', width: 1.2, align: 'center' },
  { header: '承诺时限', width: 1.4, align: 'center' },
];

const REQUIRED_COLUMNS: Column[] = [
  { header: '序号', width: 0.8, align: 'center' },
  { header: '材料名称', width: 3.4 },
  { header: '份数', width: 0.8, align: 'center' },
  { header: '形式', width: 1.6, align: 'center' },
  { header: '审查要点', width: 3.6 },
];

const EXEMPT_COLUMNS: Column[] = [
  { header: '序号', width: 0.8, align: 'center' },
  { header: '材料名称', width: 3.8 },
  { header: '无需提交的原因', width: 5.6 },
];

const days = (n: number) => (n === 0 ? '即办' : `${n}个工作日`);

export async function renderChecklist(data: ChecklistData): Promise<Buffer> {
  const title = `「${data.matterName}」个性化材料清单`;
  const pdf = denseDocument({
    title,
    subtitle: `（依据第 ${data.catalogueVersion} 版办事指南，按您的回答生成）`,
    issuer: data.issuer,
    matterName: data.matterName,
    issuedOn: data.issuedOn,
    runningHeader: title,
  });

  pdf.heading('一、您的办理情形');
  pdf.paragraph(`办理情形：${data.situation.name}`, { align: 'left', after: 2 });
  if (data.situation.description) pdf.paragraph(data.situation.description, { indent: 2 });
  if (data.answers.length > 0) {
    pdf.table(ANSWER_COLUMNS, data.answers.map((a, i) => [String(i + 1), a.question, a.answer]));
  }

  pdf.heading('二、办理事项');
  pdf.paragraph(`本次一并办理以下${data.items.length}个事项，一次申请、一窗受理，各部门按顺序或同时办理：`, { indent: 2 });
  pdf.table(
    ITEM_COLUMNS,
    data.items.map((item, i) => [String(i + 1), item.note ? `${item.name}（${item.note}）` : item.name, item.department, `第${item.step}步`, days(item.promisedDays)]),
  );

  pdf.heading('三、需要提交的材料');
  if (data.required.length === 0) {
    pdf.paragraph('按您的回答，本次无需提交材料，请携带本人有效身份证件到窗口办理。', { indent: 2 });
  } else {
    pdf.paragraph(`请携带以下${data.required.length}项材料（同一材料只需提交一次，各事项共用）：`, { indent: 2 });
    pdf.table(
      REQUIRED_COLUMNS,
      data.required.map((m, i) => [
        String(i + 1),
        m.notes.length > 0 ? `${m.name}\n（${m.notes.join('；')}）` : m.name,
        String(m.copies),
        m.form,
        m.review.length > 0 ? m.review.map((r, j) => `${j + 1}. ${r}`).join('\n') : '—',
      ]),
    );
  }

  if (data.exempt.length > 0) {
    pdf.heading('四、无需提交的材料');
    pdf.paragraph('以下材料由窗口通过电子证照、数据共享或前序事项的办理结果核验，您无需携带：', { indent: 2 });
    pdf.table(EXEMPT_COLUMNS, data.exempt.map((m, i) => [String(i + 1), m.name, m.reason]));
  }

  const n = data.exempt.length > 0 ? ['五', '六'] : ['四', '五'];
  pdf.heading(`${n[0]}、办理地点`);
  for (const w of data.windows) {
    pdf.fields([
      ['窗口', w.name],
      ['地址', w.address],
      ['电话', w.phone],
      ['办公时间', w.hours],
    ]);
    pdf.space(4);
  }
  if (data.contacts.length > 0) {
    pdf.paragraph(`咨询电话：${data.contacts.map((c) => `${c.name} ${c.phone}`).join('；')}`, { align: 'left' });
  }

  pdf.heading(`${n[1]}、办理时限`);
  pdf.paragraph(
    `承诺办结时限${days(data.timeLimit.workingDays)}（法定${days(data.timeLimit.legalWorkingDays)}），自受理之日起计算。` +
      (data.timeLimit.note ?? ''),
    { indent: 2 },
  );

  pdf.space(6);
  pdf.paragraph('本清单根据您的回答生成，供您准备材料使用；材料以窗口受理时的审查为准。如情况有变化，请重新生成清单。', { indent: 2, size: 10 });
  pdf.paragraph(`生成日期：${cnDate(data.issuedOn)}`, { align: 'right' });
  return pdf.finish();
}
