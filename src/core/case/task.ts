/**
 * A task (子件): one plan item of an accepted case, reviewed by its department. A pure state machine:
 * a bad transition is an error value, never a throw. The clock stops while supplementary material is
 * awaited (补正期间不计入办理时限), so the due date moves by the working days spent waiting.
 */
import { dueDateWithPeriods, isProvisional, workingDaysBetween, type Calendar } from '../calendar/workdays.ts';
import type { PlannedItem } from '../planning/types.ts';
import { badDate, dayOf, done, fail, outOfOrder, type Transition } from './result.ts';
import { entryNames, missingFromAnswer, type SupplementAnswer, type SupplementEntry, type SupplementRequest } from './supplement.ts';

export type { SupplementEntry, SupplementRequest } from './supplement.ts';

export type TaskStatus = 'waiting' | 'dispatched' | 'claimed' | 'supplement' | 'approved' | 'refused' | 'stopped';

export const TASK_STATUSES: readonly TaskStatus[] = ['waiting', 'dispatched', 'claimed', 'supplement', 'approved', 'refused', 'stopped'];

export const TASK_STATUS_LABEL: Readonly<Record<TaskStatus, string>> = {
  waiting: '等待前置事项',
  dispatched: '待认领',
  claimed: '审查中',
  supplement: '待补正',
  approved: '准予办理',
  refused: '不予办理',
  stopped: '已终止',
};

/**
 * What a task not yet dispatched waits for: one whose predecessors are all approved can only be held
 * for its unpaid fee (orchestrate.ts createTasks/afterDecision), and reads 待缴费.
 */
export function awaiting(t: Pick<Task, 'status' | 'after'>, tasks: readonly Pick<Task, 'id' | 'status'>[]): 'preceding' | 'payment' | null {
  if (t.status !== 'waiting') return null;
  return t.after.every((a) => tasks.some((x) => x.id === a && x.status === 'approved')) ? 'payment' : 'preceding';
}

/** A task's status in words, telling a fee hold from a wait for earlier items. */
export function taskStatusLabel(t: Pick<Task, 'status' | 'after'>, tasks: readonly Pick<Task, 'id' | 'status'>[]): string {
  return awaiting(t, tasks) === 'payment' ? '待缴费' : TASK_STATUS_LABEL[t.status];
}

export const FINAL_TASK_STATUSES: readonly TaskStatus[] = ['approved', 'refused', 'stopped'];
export const isTaskFinal = (s: TaskStatus): boolean => FINAL_TASK_STATUSES.includes(s);

/** What the department issues on approval: the certificate or document, with its number. */
export interface TaskResult {
  name: string;
  ref?: string;
  license?: string;
}

export interface Task {
  /** The plan item's id: unique within a case. */
  id: string;
  name: string;
  department: { code: string; name: string };
  /** Predecessors in the plan: their results are this task's materials. */
  after: string[];
  /** Promised working days, 0 = 即办. */
  promised: number;
  /** Natural days of the item's calendar-day periods (公示, 公告); absent in tasks stored before them. */
  calendarDays?: number;
  status: TaskStatus;
  /** Day of the last transition; a later action may not be dated before it. */
  updatedOn?: string;
  dispatchedOn?: string;
  dueDate?: string;
  /** The due date crosses a year without official holiday data: shown as 暂定. */
  dueProvisional?: boolean;
  reviewer?: string;
  pausedWorkingDays: number;
  /** The open supplement request, while status is 'supplement'. */
  supplement?: SupplementRequest;
  decidedOn?: string;
  result?: TaskResult;
  reasons?: string[];
  stopReason?: string;
}

export type TaskAction =
  | { type: 'dispatch'; at: string }
  | { type: 'claim'; at: string; reviewer: string }
  | { type: 'release'; at: string }
  | { type: 'approve'; at: string; result: TaskResult }
  | { type: 'refuse'; at: string; reasons: string[] }
  | { type: 'request-supplement'; at: string; entries: SupplementEntry[]; note: string }
  /** With what came since the request: every entry must be answered (requests stored before entries need nothing). */
  | ({ type: 'supplement-provided'; at: string } & SupplementAnswer)
  | { type: 'stop'; at: string; reason: string };

export type TaskActionType = TaskAction['type'];

export const TASK_ACTIONS: readonly TaskActionType[] = ['dispatch', 'claim', 'release', 'approve', 'refuse', 'request-supplement', 'supplement-provided', 'stop'];

export type TaskEffect =
  | { kind: 'dispatched'; task: string; at: string; department: string; dueDate: string }
  | { kind: 'claimed'; task: string; at: string; reviewer: string }
  | { kind: 'released'; task: string; at: string }
  | { kind: 'supplement-requested'; task: string; at: string; entries: SupplementEntry[]; materials: string[]; note: string }
  | { kind: 'supplement-provided'; task: string; at: string; pausedWorkingDays: number; dueDate: string; entries: string[] }
  | { kind: 'approved'; task: string; at: string; result: TaskResult }
  | { kind: 'refused'; task: string; at: string; reasons: string[] }
  | { kind: 'stopped'; task: string; at: string; reason: string };

export type TaskErrorCode =
  | 'invalid-date'
  | 'date-out-of-order'
  | 'task-not-open'
  | 'task-already-dispatched'
  | 'task-not-claimable'
  | 'task-not-claimed'
  | 'task-in-supplement'
  | 'no-supplement-pending'
  | 'task-already-decided'
  | 'task-stopped'
  | 'reviewer-required'
  | 'result-required'
  | 'refusal-needs-reasons'
  | 'supplement-needs-materials'
  | 'supplement-incomplete'
  | 'stop-needs-reason';

export type TaskTransition = Transition<Task, TaskEffect, TaskErrorCode>;

const VERB: Readonly<Record<TaskActionType, string>> = {
  dispatch: '派发',
  claim: '认领',
  release: '退回待认领',
  approve: '审批',
  refuse: '审批',
  'request-supplement': '要求补正',
  'supplement-provided': '提交补正材料',
  stop: '终止',
};

export function newTask(item: PlannedItem): Task {
  return {
    id: item.id,
    name: item.name,
    department: { code: item.department.code, name: item.department.name },
    after: [...item.after],
    promised: item.timeLimit.promised,
    calendarDays: (item.periods ?? []).reduce((n, p) => n + p.days, 0),
    status: 'waiting',
    // Every field present from the start: one object shape, so copies on each transition stay cheap.
    updatedOn: undefined,
    dispatchedOn: undefined,
    dueDate: undefined,
    dueProvisional: undefined,
    reviewer: undefined,
    pausedWorkingDays: 0,
    supplement: undefined,
    decidedOn: undefined,
    result: undefined,
    reasons: undefined,
    stopReason: undefined,
  };
}

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';

/** Why `action` is not allowed in the task's status, or undefined if it is. */
function statusError(task: Task, type: TaskActionType): TaskTransition | undefined {
  const verb = VERB[type];
  switch (task.status) {
    case 'approved':
    case 'refused':
      return type === 'approve' || type === 'refuse'
        ? fail('task-already-decided', '该子件已办结，不能再次审批')
        : fail('task-already-decided', `该子件已办结（${TASK_STATUS_LABEL[task.status]}），不能${verb}`);
    case 'stopped':
      return fail('task-stopped', `该子件已终止（${task.stopReason ?? ''}），不能${verb}`);
    case 'waiting':
      if (type === 'dispatch' || type === 'stop') return undefined;
      return type === 'claim'
        ? fail('task-not-claimable', '该子件尚在等待前置事项办结，未派发，不能认领')
        : fail('task-not-open', `该子件尚在等待前置事项办结，未派发，不能${verb}`);
  }
  if (type === 'stop') return undefined;
  if (type === 'dispatch') return fail('task-already-dispatched', '该子件已派发，不能重复派发');
  if (type === 'supplement-provided') {
    return task.status === 'supplement' ? undefined : fail('no-supplement-pending', '该子件没有待补正的材料');
  }
  if (task.status === 'supplement') {
    return type === 'claim'
      ? fail('task-not-claimable', '该子件已有人认领，正在等待补正材料')
      : fail('task-in-supplement', `该子件正在等待申请人补正材料，不能${verb}`);
  }
  if (type === 'claim') {
    return task.status === 'dispatched' ? undefined : fail('task-not-claimable', '该子件已有人认领，不能重复认领');
  }
  return task.status === 'claimed' ? undefined : fail('task-not-claimed', `该子件尚未认领，不能${verb}`);
}

function payloadError(action: TaskAction): TaskTransition | undefined {
  switch (action.type) {
    case 'claim':
      return blank(action.reviewer) ? fail('reviewer-required', '认领须注明审查人员') : undefined;
    case 'approve':
      return blank(action.result?.name) ? fail('result-required', '准予办理须写明办理结果（证照或文书名称）') : undefined;
    case 'refuse':
      return !Array.isArray(action.reasons) || action.reasons.length === 0 || action.reasons.some(blank)
        ? fail('refusal-needs-reasons', '不予办理须逐条说明理由')
        : undefined;
    case 'request-supplement': {
      const entries = Array.isArray(action.entries) ? action.entries : [];
      const keys = new Set(entries.map((e) => `${e.kind}:${e.key}`));
      return entries.length === 0 || entries.some((e) => blank(e.key) || blank(e.name)) || keys.size !== entries.length
        ? fail('supplement-needs-materials', '要求补正须一次性列明全部需补正的材料或需说明的情况，每项一次')
        : undefined;
    }
    case 'stop':
      return blank(action.reason) ? fail('stop-needs-reason', '终止子件须说明原因') : undefined;
    default:
      return undefined;
  }
}

/** Applies one action to a task; the calendar dates the clock (due dates, paused working days). */
export function transitionTask(task: Task, action: TaskAction, calendar: Calendar): TaskTransition {
  const refused = statusError(task, action.type) ?? payloadError(action);
  if (refused) return refused;
  const day = dayOf(action.at);
  if (day === undefined) return badDate(action.at);
  if (task.updatedOn !== undefined && day < task.updatedOn) return outOfOrder(day, task.updatedOn);
  const { at } = action;
  const id = task.id;
  switch (action.type) {
    case 'dispatch': {
      // A dispatch on a day off counts from the next working day (receiptDay in workdays.ts).
      const due = dueDateWithPeriods(calendar, day, task.promised + task.pausedWorkingDays, task.calendarDays ?? 0);
      const state: Task = { ...task, status: 'dispatched', updatedOn: day, dispatchedOn: day, dueDate: due, dueProvisional: isProvisional(calendar, day, due) };
      return done(state, [{ kind: 'dispatched', task: id, at, department: task.department.code, dueDate: due }]);
    }
    case 'claim': {
      const state: Task = { ...task, status: 'claimed', updatedOn: day, reviewer: action.reviewer };
      return done(state, [{ kind: 'claimed', task: id, at, reviewer: action.reviewer }]);
    }
    case 'release':
      return done({ ...task, status: 'dispatched', updatedOn: day, reviewer: undefined }, [{ kind: 'released', task: id, at }]);
    case 'approve': {
      const state: Task = { ...task, status: 'approved', updatedOn: day, decidedOn: day, result: { ...action.result } };
      return done(state, [{ kind: 'approved', task: id, at, result: state.result as TaskResult }]);
    }
    case 'refuse': {
      const reasons = [...action.reasons];
      const state: Task = { ...task, status: 'refused', updatedOn: day, decidedOn: day, reasons };
      return done(state, [{ kind: 'refused', task: id, at, reasons }]);
    }
    case 'request-supplement': {
      const entries = action.entries.map((e) => ({ ...e, note: e.note ?? '' }));
      const materials = entries.filter((e) => e.kind === 'material').map((e) => e.name);
      const supplement: SupplementRequest = { requestedOn: day, requestedAt: at, entries, materials, note: action.note ?? '' };
      const state: Task = { ...task, status: 'supplement', updatedOn: day, supplement };
      return done(state, [{ kind: 'supplement-requested', task: id, at, entries, materials, note: supplement.note }]);
    }
    case 'supplement-provided': {
      const missing = task.supplement ? missingFromAnswer(task.supplement, action) : [];
      if (missing.length > 0) return fail('supplement-incomplete', `补正尚未齐全，还缺：${entryNames(missing)}`);
      // Working days in (requested, provided]: the request day was worked, the day the material arrives was not.
      const paused = task.pausedWorkingDays + workingDaysBetween(calendar, task.supplement?.requestedOn ?? day, day);
      const start = task.dispatchedOn ?? day;
      const due = dueDateWithPeriods(calendar, start, task.promised + paused, task.calendarDays ?? 0);
      const state: Task = { ...task, status: 'claimed', updatedOn: day, pausedWorkingDays: paused, dueDate: due, dueProvisional: isProvisional(calendar, start, due), supplement: undefined };
      const answered = (task.supplement?.entries ?? []).map((e) => e.key);
      return done(state, [{ kind: 'supplement-provided', task: id, at, pausedWorkingDays: paused, dueDate: due, entries: answered }]);
    }
    case 'stop': {
      const state: Task = { ...task, status: 'stopped', updatedOn: day, stopReason: action.reason, supplement: undefined };
      return done(state, [{ kind: 'stopped', task: id, at, reason: action.reason }]);
    }
  }
}
