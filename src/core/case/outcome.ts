/**
 * What a case came to, in the applicant's words: how many items were done and how many refused
 * ("已办结：8 项办成，1 项不予办理"), and the next step for each item that was not done — for a refusal
 * its reasons and the rights to 行政复议 or 行政诉讼 (or applying again once the conditions are met).
 * Pure: from the case's status and its tasks.
 */
import type { CaseStatus } from './case.ts';
import type { Task } from './task.ts';

export interface NextStep {
  item: string;
  name: string;
  kind: 'appeal' | 'reapply';
  text: string;
}

export interface CaseOutcome {
  approved: number;
  refused: number;
  stopped: number;
  open: number;
  /** e.g. 已办结：8 项办成，1 项不予办理 */
  summary: string;
  nextSteps: NextStep[];
}

export const APPEAL_RIGHTS = '如不服本决定，可在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼';

const reasonsOf = (t: Task) => (t.reasons ?? []).map((r) => r.trim().replace(/[。；;，,\s]+$/, '')).filter((r) => r !== '');

/** Null while nothing is decided yet, or for a case never accepted. */
export function caseOutcome(status: CaseStatus, tasks: readonly Task[]): CaseOutcome | null {
  if (status !== 'in-progress' && status !== 'completed' && status !== 'accepted') return null;
  const count = (s: Task['status']) => tasks.filter((t) => t.status === s).length;
  const approved = count('approved');
  const refused = count('refused');
  const stopped = count('stopped');
  const open = tasks.length - approved - refused - stopped;
  if (approved + refused + stopped === 0) return null;
  const parts = [
    ...(approved > 0 ? [`${approved} 项办成`] : []),
    ...(refused > 0 ? [`${refused} 项不予办理`] : []),
    ...(stopped > 0 ? [`${stopped} 项终止办理`] : []),
    ...(open > 0 ? [`${open} 项正在办理`] : []),
  ];
  const nextSteps: NextStep[] = [];
  for (const t of tasks) {
    if (t.status === 'refused') {
      const reasons = reasonsOf(t);
      nextSteps.push({
        item: t.id, name: t.name, kind: 'appeal',
        text: `「${t.name}」不予办理${reasons.length > 0 ? `，理由：${reasons.join('；')}` : ''}。可申请行政复议或提起行政诉讼（收到不予许可决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼）；符合条件后也可重新申请。`,
      });
    } else if (t.status === 'stopped') {
      nextSteps.push({ item: t.id, name: t.name, kind: 'reapply', text: `「${t.name}」已终止办理${t.stopReason ? `：${t.stopReason}` : ''}。具备条件后可重新申请。` });
    }
  }
  return { approved, refused, stopped, open, summary: `${open === 0 ? '已办结' : '办理中'}：${parts.join('，')}`, nextSteps };
}
