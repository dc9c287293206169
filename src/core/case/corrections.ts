/**
 * 补正 at acceptance (行政许可法 §32): incomplete or incorrect materials are told all at once (一次性告知)
 * and the case stays open; not telling within 5 working days of receipt means the application counts
 * as accepted on receipt. 不予受理 is left for a matter outside the centre's remit or an applicant not
 * eligible. Pure: the checks answer with error values, the deadline reads the catalogue's calendar.
 */
import { isDate } from '../calendar/dates.ts';
import { addWorkingDays, isProvisional, receiptDay, workingDaysBetween, type Calendar } from '../calendar/workdays.ts';
import type { PlannedMaterial } from '../planning/types.ts';
import { fail } from './result.ts';

/** One thing to correct: a material of the plan or a field of the form, what is wrong and what to do. */
export interface CorrectionItem {
  material?: string;
  field?: string;
  /** The material's or field's name, as the applicant reads it. */
  name: string;
  problem: string;
  correction: string;
}

export interface CorrectionRequest {
  requestedOn: string;
  /** The instant of the request as given; an upload after it is a new one. */
  requestedAt: string;
  deadline?: string;
  items: CorrectionItem[];
  answeredOn?: string;
  answeredBy?: 'applicant' | 'window';
}

export interface FieldRef {
  id: string;
  label: string;
}

export type RejectionKind = 'outside-remit' | 'not-eligible';
export const REJECTION_KINDS: readonly RejectionKind[] = ['outside-remit', 'not-eligible'];
export const REJECTION_KIND_LABEL: Readonly<Record<RejectionKind, string>> = {
  'outside-remit': '申请事项不属于本中心受理范围',
  'not-eligible': '申请人不具备申请资格',
};

type MaterialLike = Pick<PlannedMaterial, 'id' | 'name' | 'status'>;

/** Working days the window has to tell corrections (§32). */
export const CORRECTION_NOTICE_DAYS = 5;

const quote = (names: string[]) => names.map((n) => `「${n}」`).join('');
const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

export function correctionError(
  action: { items: readonly Omit<CorrectionItem, 'name'>[]; deadline?: string; materials: readonly MaterialLike[]; fields: readonly FieldRef[] },
  day: string,
) {
  const { items } = action;
  if (!Array.isArray(items) || items.length === 0) return fail('corrections-required', '请至少列出一项需补正的内容，并一次性告知全部');
  const bad = items.findIndex((x) => (x.material === undefined) === (x.field === undefined) || blank(x.problem) || blank(x.correction));
  if (bad >= 0) return fail('correction-incomplete', `第 ${bad + 1} 项补正应指明一项材料或一个表单项，并写明存在的问题和补正要求`);
  const materials = new Map(action.materials.map((m) => [m.id, m]));
  const unknown = items.filter((x) => x.material !== undefined && !materials.has(x.material)).map((x) => x.material as string);
  if (unknown.length > 0) return fail('unknown-material', `办理清单中没有这些材料：${quote(unknown)}`);
  const exempt = items.filter((x) => x.material !== undefined && materials.get(x.material)?.status === 'exempt').map((x) => materials.get(x.material as string)?.name ?? '');
  if (exempt.length > 0) return fail('not-required', `以下材料已免于提交，无需补正：${quote(exempt)}`);
  const fields = new Set(action.fields.map((f) => f.id));
  const unknownFields = items.filter((x) => x.field !== undefined && !fields.has(x.field)).map((x) => x.field as string);
  if (unknownFields.length > 0) return fail('unknown-field', `申请表中没有这些表单项：${quote(unknownFields)}`);
  if (action.deadline !== undefined && (!isDate(action.deadline) || action.deadline < day)) return fail('invalid-deadline', '补正期限应为不早于今天的日期');
  return undefined;
}

/** 已补正 needs every named material uploaded anew and every named field given a value. */
export function suppliedError(request: CorrectionRequest, supplied: readonly string[]) {
  const given = new Set(supplied);
  const open = request.items.filter((x) => !given.has((x.material ?? x.field) as string));
  if (open.length === 0) return undefined;
  return fail('corrections-not-supplied', `以下补正内容尚未补正：${open.map((x) => `「${x.name}」${x.material !== undefined ? '（请上传补正后的材料）' : '（请填写更正后的内容）'}`).join('')}`);
}

export function rejectionError(kind: unknown, reason: unknown) {
  if (!REJECTION_KINDS.includes(kind as RejectionKind) || blank(reason)) {
    return fail('rejection-needs-reason', '不予受理只适用于申请事项不属于受理范围或申请人不具备申请资格，须选择其一并写明理由；材料不齐全或不符合法定形式的，应一次性告知补正');
  }
  return undefined;
}

export interface CorrectionNoticeTerm {
  /** The application's receipt day (a day off counts from the next working day). */
  receivedOn: string;
  /** The last day corrections can be told; after it the application counts as accepted on receipt. */
  lastDay: string;
  /** Working days left after today until lastDay (0 on the last day itself). */
  daysLeft: number;
  overdue: boolean;
  provisional: boolean;
  /** e.g. 还剩 1 个工作日 / 已超过补正告知期限，视为受理 */
  text: string;
}

/** How long the window has to tell corrections for an application received on `submittedOn`, seen `today`. */
export function correctionNoticeTerm(cal: Calendar, submittedOn: string, today: string): CorrectionNoticeTerm {
  const receivedOn = receiptDay(cal, submittedOn);
  const lastDay = addWorkingDays(cal, receivedOn, CORRECTION_NOTICE_DAYS);
  const overdue = today > lastDay;
  const daysLeft = overdue ? 0 : workingDaysBetween(cal, today, lastDay);
  const text = overdue ? '已超过补正告知期限，视为受理' : daysLeft === 0 ? '今天是补正告知的最后一天' : `还剩 ${daysLeft} 个工作日`;
  return { receivedOn, lastDay, daysLeft, overdue, provisional: isProvisional(cal, receivedOn, lastDay), text };
}
