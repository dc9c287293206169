/** What the case API returns to the applicant: the API's contracts (src/contracts), with plans typed by the core. */
import type { CaseRow, CaseView as CaseAnswer, Rating } from '../../../contracts/index.ts';
import type { Plan, PlannedMaterial } from '../../../core/planning/types.ts';

export type { Plan, PlannedMaterial, Rating };
export type { Correction } from '../../../contracts/index.ts';

/** The contract passes the plan as it is (docs/plan-format.md); the core says what it holds. */
export type CaseView = Omit<CaseAnswer, 'plan'> & { plan: Plan | null };
export type CaseStatus = CaseAnswer['status'];
export type CaseMaterial = CaseAnswer['materials'][number];
export type CaseFile = CaseMaterial['files'][number];
export type ProgressItem = CaseAnswer['progress'][number];
export type TaskStatus = ProgressItem['status'];
export type CaseListEntry = CaseRow;

export const STATUS_COLOR: Record<CaseStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  accepted: 'processing',
  'in-progress': 'processing',
  completed: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

/** What the applicant may call each status: plainer than the departments' words. */
export const CASE_STATUS_TEXT: Record<CaseStatus, string> = {
  draft: '未提交（草稿）',
  submitted: '已提交，等待受理',
  accepted: '已受理',
  'in-progress': '办理中',
  completed: '已办结',
  rejected: '不予受理',
  withdrawn: '已撤回',
};

export const DOCUMENT_TEXT: Record<CaseView['documents'][number]['kind'], string> = { receipt: '受理回执', commitment: '容缺受理告知承诺书', rejection: '不予受理通知书' };

const two = (n: number) => String(n).padStart(2, '0');

/** The day of a date or an instant, in the applicant's own time zone: 'YYYY-MM-DD'. */
export function day(iso: string | null | undefined): string {
  if (!iso) return '';
  if (iso.length <= 10) return iso;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso.slice(0, 10) : `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** An instant as 'YYYY-MM-DD HH:MM' in the applicant's own time zone. */
export function minute(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${day(iso)} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export const withdrawable = (s: CaseStatus): boolean => s === 'submitted' || s === 'accepted' || s === 'in-progress';
