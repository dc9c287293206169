/**
 * The Chinese headers of every export, in order, shared by the JSON answers (as `fields`), the
 * workbooks, the CSV files and the admin console; and the CSV writer itself (RFC 4180, UTF-8 with a
 * BOM so that Excel opens Chinese text as Chinese).
 */
import type { Grouping, PeriodRow } from './period.ts';
import type { RatingRecord, StageRecord } from './records.ts';

export interface Column<T> {
  key: string;
  header: string;
  /** Workbook width, in characters. */
  width: number;
  value: (row: T) => string | number | null;
  /** A rate: the workbook keeps the number (0–1) and formats it as a percentage. */
  rate?: (row: T) => number | null;
  /** Long text, wrapped in the workbook. */
  wrap?: boolean;
}

const yesNo = (b: boolean | null) => (b === null ? '' : b ? '是' : '否');

export const STAGE_COLUMNS: Column<StageRecord>[] = [
  { key: 'caseNumber', header: '办件编号', width: 20, value: (r) => r.caseNumber },
  { key: 'matterName', header: '一件事名称', width: 22, value: (r) => r.matterName },
  { key: 'itemName', header: '事项名称', width: 26, value: (r) => r.itemName },
  { key: 'itemCodeMain', header: '事项编码（主项）', width: 18, value: (r) => r.itemCodeMain },
  { key: 'itemCodeSub', header: '事项编码（子项）', width: 18, value: (r) => r.itemCodeSub },
  { key: 'department', header: '实施机构', width: 22, value: (r) => r.department },
  { key: 'regionCode', header: '区划代码', width: 10, value: (r) => r.regionCode },
  { key: 'applicantType', header: '申请人类型', width: 10, value: (r) => r.applicantType },
  { key: 'applicantName', header: '申请人名称', width: 16, value: (r) => r.applicantName },
  { key: 'applicantIdMasked', header: '申请人证件号码（脱敏）', width: 22, value: (r) => r.applicantIdMasked },
  { key: 'channel', header: '申报渠道', width: 10, value: (r) => r.channel },
  { key: 'stage', header: '办件环节', width: 10, value: (r) => r.stage },
  { key: 'step', header: '环节名称', width: 18, value: (r) => r.step },
  { key: 'time', header: '环节时间', width: 30, value: (r) => r.time },
  { key: 'handler', header: '办理人', width: 14, value: (r) => r.handler },
  { key: 'promisedDays', header: '承诺时限（工作日）', width: 12, value: (r) => r.promisedDays },
  { key: 'dueDate', header: '办理期限', width: 12, value: (r) => r.dueDate },
  { key: 'overdue', header: '是否超期', width: 10, value: (r) => yesNo(r.overdue) },
  { key: 'note', header: '办理意见', width: 30, value: (r) => r.note },
];

export const RATING_COLUMNS: Column<RatingRecord>[] = [
  { key: 'ratingId', header: '评价编号', width: 38, value: (r) => r.ratingId },
  { key: 'caseNumber', header: '办件编号', width: 20, value: (r) => r.caseNumber },
  { key: 'matterName', header: '事项名称', width: 22, value: (r) => r.matterName },
  { key: 'department', header: '责任部门', width: 22, value: (r) => r.department },
  { key: 'channel', header: '评价渠道', width: 16, value: (r) => r.channel },
  { key: 'event', header: '评价环节', width: 10, value: (r) => r.event },
  { key: 'level', header: '评价分值', width: 10, value: (r) => r.level },
  { key: 'levelName', header: '评价等级', width: 12, value: (r) => r.levelName },
  { key: 'tags', header: '评价标签', width: 24, value: (r) => r.tags },
  { key: 'comment', header: '评价内容', width: 36, value: (r) => r.comment },
  { key: 'time', header: '评价时间', width: 30, value: (r) => r.time },
  { key: 'servedBy', header: '被评价人', width: 14, value: (r) => r.servedBy },
  { key: 'valid', header: '是否有效', width: 10, value: (r) => yesNo(r.valid) },
  { key: 'rectification', header: '整改情况', width: 14, value: (r) => r.rectification },
  { key: 'rectificationReply', header: '整改答复', width: 36, value: (r) => r.rectificationReply },
  { key: 'rectifiedAt', header: '整改时间', width: 30, value: (r) => r.rectifiedAt },
];

const percent = (x: number | null) => (x === null ? '' : `${Math.round(x * 1000) / 10}%`);

const KEY_HEADER: Readonly<Record<Grouping, [string, string]>> = { matter: ['一件事编号', '一件事名称'], region: ['区划代码', '区划名称'], department: ['部门编码', '部门名称'] };

export function periodColumns(by: Grouping): Column<PeriodRow>[] {
  const [keyHeader, nameHeader] = KEY_HEADER[by];
  return [
    { key: 'key', header: keyHeader, width: 24, value: (r) => r.key },
    { key: 'name', header: nameHeader, width: 26, value: (r) => r.name },
    { key: 'accepted', header: '受理件数', width: 10, value: (r) => r.accepted },
    { key: 'completed', header: '办结件数', width: 10, value: (r) => r.completed },
    { key: 'onTime', header: '按期办结件数', width: 12, value: (r) => r.onTime },
    { key: 'onTimeRate', header: '按期办结率', width: 12, value: (r) => percent(r.onTimeRate), rate: (r) => r.onTimeRate },
    { key: 'overdue', header: '超期办结件数', width: 12, value: (r) => r.overdue },
    { key: 'overdueRate', header: '超期率', width: 10, value: (r) => percent(r.overdueRate), rate: (r) => r.overdueRate },
    { key: 'averageDays', header: '平均办理时长（工作日）', width: 14, value: (r) => r.averageDays },
    { key: 'ratings', header: '评价数', width: 10, value: (r) => r.ratings },
    ...[5, 4, 3, 2, 1].map((l) => ({ key: `level${l}`, header: ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'][l] as string, width: 10, value: (r: PeriodRow) => r.byLevel[l] ?? 0 })),
    { key: 'satisfactionRate', header: '满意率', width: 10, value: (r) => percent(r.satisfactionRate), rate: (r) => r.satisfactionRate },
    { key: 'rectificationRate', header: '差评整改率', width: 12, value: (r) => percent(r.rectificationRate), rate: (r) => r.rectificationRate },
  ];
}

export const fieldsOf = <T>(columns: readonly Column<T>[]) => columns.map((c) => ({ key: c.key, name: c.header }));

const cell = (v: string | number | null) => {
  // Text from applicants may start like a formula; Excel must show it, not run it.
  const s = v === null ? '' : typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The rows as CSV: header line, one line per row, CRLF, with a UTF-8 BOM. */
export function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => cell(c.header)), ...rows.map((r) => columns.map((c) => cell(c.value(r))))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
