/** What the workbench reads from the server, and the deadline mark (colour and words, never colour alone). */
import { Tag } from 'antd';
import type { Intake } from '../../contracts/regions.ts';
import type { ExemptionKind } from '../../core/catalog/types.ts';
import type { Task } from '../../core/case/task.ts';
import type { SupplementRecord } from '../../contracts/tasks.ts';
import type { TaskAutoDecision } from '../../contracts/auto-decision.ts';
import { usePrefs } from '../shared/prefs.tsx';
import type { MessageKey } from '../shared/messages/index.ts';
import { dueWords } from '../window/ui.tsx';

export type { SupplementRecord, Task };

export interface QueueTask {
  id: string;
  caseId: string;
  caseNumber: string;
  matter: string;
  item: string;
  itemName: string;
  status: Task['status'];
  dispatchedOn: string | null;
  dueDate: string | null;
  /** the due date crosses a year without official holiday data */
  dueProvisional: boolean;
  claimedBy: string | null;
  deadline: 'on-time' | 'due-soon' | 'overdue' | 'paused';
}

export interface TaskView {
  task: Task;
  case: { id: string; number: string; matter: string; acceptedAt: string | null };
  form: { fields: { key: string; label: string; options?: { value: string; label: string }[] }[]; values: Record<string, unknown> };
  materials: {
    id: string; name: string; status: 'required' | 'exempt'; exemption: { kind: ExemptionKind; evidence: string } | null;
    review: { formal: string[]; substantive: string[] };
    files: { id: string; name: string; source: string; evidence: { kind: string; evidence: string } | null }[];
  }[];
  others: { item: string; name: string; department: string; status: Task['status']; dueDate: string | null; dueProvisional: boolean }[];
  /** The task's supplement requests and what came in answer, oldest first. */
  supplements: SupplementRecord[];
  /** What 系统自动审批 found (秒批 items only). */
  autoDecision?: TaskAutoDecision;
  /** 收件窗口: the window that took the application in. */
  intake: Intake;
}

const DEADLINE: Record<QueueTask['deadline'], { color: string; text: MessageKey }> = {
  'on-time': { color: 'green', text: 'wbOnTime' },
  'due-soon': { color: 'orange', text: 'wbDueSoon' },
  overdue: { color: 'red', text: 'wbOverdue3' },
  paused: { color: 'blue', text: 'wbAwaitingCorrectionsClockPaused' },
};

/** 正常 / 即将到期 / 已超期, with the due date; a decided task shows no mark. */
export function DeadlineTag({ deadline, dueDate, provisional, open }: { deadline: QueueTask['deadline']; dueDate: string | null; provisional?: boolean; open: boolean }) {
  const { t } = usePrefs();
  if (!open) return <span>{dueDate ? t('wbDue5', { p0: dueWords(t, dueDate, provisional) }) : '—'}</span>;
  const d = DEADLINE[deadline];
  return (
    <Tag color={d.color} style={{ fontWeight: 600 }}>
      <span aria-hidden="true">{deadline === 'overdue' ? '!! ' : deadline === 'due-soon' ? '! ' : deadline === 'paused' ? '‖ ' : '✓ '}</span>{t(d.text)}{dueDate && deadline !== 'paused' ? ` · ${dueWords(t, dueDate, provisional)}` : ''}
    </Tag>
  );
}

export const STATUS_COLOR: Record<Task['status'], string> = {
  waiting: 'default', dispatched: 'gold', claimed: 'blue', supplement: 'orange', approved: 'green', refused: 'red', stopped: 'default',
};

export const isOpen = (s: Task['status']) => s === 'dispatched' || s === 'claimed' || s === 'supplement' || s === 'waiting';
