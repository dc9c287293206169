/** What the case API returns to the applicant (see src/server/modules/cases/view.ts), and the words for it. */
import type { Exemption, Plan, PlannedMaterial } from '../../../core/planning/types.ts';

export type { Plan, PlannedMaterial };

export type CaseStatus = 'draft' | 'submitted' | 'accepted' | 'rejected' | 'withdrawn' | 'in-progress' | 'completed';
export type TaskStatus = 'waiting' | 'dispatched' | 'claimed' | 'supplement' | 'approved' | 'refused' | 'stopped';

export interface CaseFile {
  id: string;
  name: string;
  source: string;
  status: string;
}

export interface CaseMaterial {
  id: string;
  name: string;
  status: 'required' | 'exempt';
  exemption: Exemption | null;
  deferrable: boolean;
  files: CaseFile[];
}

export interface ProgressItem {
  item: string;
  name: string;
  department: { code: string; name: string };
  status: TaskStatus;
  statusLabel: string;
  dispatchedOn: string | null;
  dueDate: string | null;
  decidedOn: string | null;
  result: { name: string; ref?: string; license?: string } | null;
  reasons: string[] | null;
  stopReason: string | null;
  supplement: { requestedOn: string; materials: string[]; note: string } | null;
}

export interface Correction {
  subject: string;
  problem: string;
  correction: string;
}

export interface CaseView {
  id: string;
  number: string;
  matter: { id: string; name: string };
  status: CaseStatus;
  statusLabel: string;
  channel: string;
  plan: Plan | null;
  form: Record<string, unknown>;
  materials: CaseMaterial[];
  progress: ProgressItem[];
  deferred: { material: string; deadline: string; suppliedOn?: string; late?: boolean }[];
  corrections: (Correction | string)[];
  documents: { kind: 'receipt' | 'commitment' | 'rejection'; url: string }[];
  createdAt: string;
  submittedAt: string | null;
  acceptedAt: string | null;
}

export interface CaseListEntry {
  id: string;
  number: string;
  matter: { id: string; name: string };
  status: CaseStatus;
  statusLabel: string;
  createdAt: string;
  progress: { name: string; statusLabel: string; dueDate: string | null }[];
}

export interface Rating {
  id: string;
  level: number;
  levelName: string;
  tags: string[];
  comment: string;
  channel: string;
  createdAt: string;
  rectification: { id: string; status: string; departmentName: string; dueDate: string; reply: string | null; repliedAt: string | null } | null;
}

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
