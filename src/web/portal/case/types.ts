/** What the case API returns to the applicant: the API's contracts (src/contracts), with plans typed by the core. */
import type { CaseRow, CaseView as CaseAnswer, Rating } from '../../../contracts/index.ts';
import type { Plan, PlannedMaterial } from '../../../core/planning/types.ts';
import { shanghaiDay, shanghaiMinute } from '../../../shared/time/shanghai.ts';
import { wordMap } from '../../shared/words.ts';

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
  correcting: 'warning',
  accepted: 'processing',
  'in-progress': 'processing',
  completed: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

/** What the applicant may call each status: plainer than the departments' words. */
export const CASE_STATUS_TEXT: Record<CaseStatus, string> = wordMap(['draft', 'submitted', 'correcting', 'accepted', 'in-progress', 'completed', 'rejected', 'withdrawn'], 'caseStatus_');

export const DOCUMENT_TEXT: Record<CaseView['documents'][number]['kind'], string> = wordMap(['receipt', 'commitment', 'rejection', 'corrections'], 'document_');

/** The day of a date or an instant in Asia/Shanghai, wherever the browser is: 'YYYY-MM-DD'. */
export const day = shanghaiDay;
/** An instant as 'YYYY-MM-DD HH:MM' in Asia/Shanghai. */
export const minute = shanghaiMinute;

export const withdrawable = (s: CaseStatus): boolean => s === 'submitted' || s === 'correcting' || s === 'accepted' || s === 'in-progress';
