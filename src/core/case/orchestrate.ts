/**
 * Dispatching a case's tasks along the plan's flow: an item goes to its department once every
 * predecessor is approved, gets their results as materials, and cannot go on if one is refused.
 */
import { buildCalendar, type Calendar } from '../calendar/workdays.ts';
import type { PlannedItem } from '../planning/types.ts';
import { transitionCase, newCase, type CaseEffect, type CaseErrorCode, type CaseRecord, type CaseStatus } from './case.ts';
import { dayOf, fail, type TransitionError } from './result.ts';
import { isTaskFinal, newTask, transitionTask, type Task, type TaskAction, type TaskEffect, type TaskErrorCode, type TaskResult } from './task.ts';

export interface AttachResult {
  kind: 'attach-result';
  at: string;
  from: string;
  to: string;
  result: TaskResult;
}

export type FlowEffect = TaskEffect | AttachResult;

export type FlowEvent = CaseEffect | FlowEffect | { kind: 'completed'; at: string };

export type FlowErrorCode = 'invalid-plan' | 'unknown-task' | 'task-not-decided' | 'invalid-date' | 'date-out-of-order';

export type FlowResult =
  | { ok: true; state: Task[]; effects: FlowEffect[]; dispatch: string[]; stop: { task: string; reason: string }[] }
  | { ok: false; error: TransitionError<FlowErrorCode | TaskErrorCode> };

type PlanLike = { items: readonly PlannedItem[]; matter?: { id: string } };

function checkPlan(items: readonly PlannedItem[]): string | undefined {
  const ids = new Set<string>();
  for (const it of items) {
    if (ids.has(it.id)) return `事项「${it.id}」在办理清单中重复`;
    ids.add(it.id);
  }
  for (const it of items) for (const p of it.after) if (!ids.has(p)) return `事项「${it.name}」的前置事项「${p}」不在办理清单中`;
  // Kahn's algorithm: a cycle would leave tasks waiting for ever.
  const indegree = new Map(items.map((it) => [it.id, it.after.length]));
  const ready = items.filter((it) => it.after.length === 0).map((it) => it.id);
  let seen = 0;
  while (ready.length > 0) {
    const id = ready.pop() as string;
    seen++;
    for (const it of items) {
      if (!it.after.includes(id)) continue;
      const left = (indegree.get(it.id) as number) - 1;
      indegree.set(it.id, left);
      if (left === 0) ready.push(it.id);
    }
  }
  return seen === items.length ? undefined : '办理清单中的前后置关系成环';
}

function step(tasks: Task[], i: number, action: TaskAction, calendar: Calendar, effects: { push(...e: TaskEffect[]): number }): TransitionError<TaskErrorCode> | undefined {
  const r = transitionTask(tasks[i] as Task, action, calendar);
  if (!r.ok) return r.error;
  tasks[i] = r.state;
  effects.push(...r.effects);
  return undefined;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * One task per plan item; those without predecessors are dispatched on acceptance, the rest wait.
 * `held`: items whose fee is unpaid (待缴费) wait too, until releaseHeld on payment.
 */
export function createTasks(plan: PlanLike, acceptedOn: string, calendar: Calendar, held: ReadonlySet<string> = NONE): FlowResult {
  const wrong = checkPlan(plan.items);
  if (wrong) return fail('invalid-plan', wrong);
  const tasks = plan.items.map(newTask);
  const effects: FlowEffect[] = [];
  const dispatch: string[] = [];
  for (let i = 0; i < tasks.length; i++) {
    if ((tasks[i] as Task).after.length > 0 || held.has((tasks[i] as Task).id)) continue;
    const error = step(tasks, i, { type: 'dispatch', at: acceptedOn }, calendar, effects);
    if (error) return { ok: false, error };
    dispatch.push((tasks[i] as Task).id);
  }
  return { ok: true, state: tasks, effects, dispatch, stop: [] };
}

/**
 * After a task is decided on `at`: an approved task's result goes to each open successor, and those
 * whose predecessors are now all approved are dispatched; a refused (or stopped) task stops every
 * transitive successor still open.
 */
export function afterDecision(tasks: readonly Task[], decidedTaskId: string, at: string, calendar: Calendar, held: ReadonlySet<string> = NONE): FlowResult {
  const decided = tasks.find((t) => t.id === decidedTaskId);
  if (!decided) return fail('unknown-task', `本件没有子件「${decidedTaskId}」`);
  if (!isTaskFinal(decided.status)) return fail('task-not-decided', `子件「${decided.name}」尚未办结`);
  const next = [...tasks];
  const effects: FlowEffect[] = [];
  const dispatch: string[] = [];
  const stop: { task: string; reason: string }[] = [];
  if (decided.status === 'approved') {
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const day = dayOf(at) ?? at;
    for (let i = 0; i < next.length; i++) {
      const t = next[i] as Task;
      // Only waiting successors: one already dispatched has every result, so a repeated call changes nothing.
      if (t.status !== 'waiting' || !t.after.includes(decided.id)) continue;
      effects.push({ kind: 'attach-result', at, from: decided.id, to: t.id, result: decided.result as TaskResult });
      // Dispatched when the last predecessor was approved, even if the caller reports decisions out of order.
      let on = at;
      let latest = day;
      let ready = true;
      for (const id of t.after) {
        const p = byId.get(id);
        if (p?.status !== 'approved') ready = false;
        else if ((p.decidedOn as string) > latest) on = latest = p.decidedOn as string;
      }
      if (!ready || held.has(t.id)) continue;
      const error = step(next, i, { type: 'dispatch', at: on }, calendar, effects);
      if (error) return { ok: false, error };
      dispatch.push(t.id);
    }
  } else {
    const reason = `前置事项「${decided.name}」${decided.status === 'refused' ? '不予办理' : '已终止'}，本事项无法继续`;
    const blocked = new Set([decided.id]);
    // Tasks are in plan order, which need not be topological: repeat until nothing new is blocked.
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of next) {
        if (!blocked.has(t.id) && t.after.some((p) => blocked.has(p))) {
          blocked.add(t.id);
          grew = true;
        }
      }
    }
    for (let i = 0; i < next.length; i++) {
      const t = next[i] as Task;
      if (t.id === decided.id || !blocked.has(t.id) || isTaskFinal(t.status)) continue;
      const error = step(next, i, { type: 'stop', at, reason }, calendar, effects);
      if (error) return { ok: false, error };
      stop.push({ task: t.id, reason });
    }
  }
  return { ok: true, state: next, effects, dispatch, stop };
}

/**
 * A held task's fee is paid on `at`: it is dispatched if it still waits and every predecessor is
 * approved (otherwise it goes when the last one is, as any other); the time limit runs from payment.
 */
export function releaseHeld(tasks: readonly Task[], taskId: string, at: string, calendar: Calendar): FlowResult {
  const i = tasks.findIndex((t) => t.id === taskId);
  if (i < 0) return fail('unknown-task', `本件没有子件「${taskId}」`);
  const next = [...tasks];
  const effects: FlowEffect[] = [];
  const t = tasks[i] as Task;
  const ready = t.status === 'waiting' && t.after.every((p) => tasks.find((x) => x.id === p)?.status === 'approved');
  if (!ready) return { ok: true, state: next, effects, dispatch: [], stop: [] };
  const latest = t.after.reduce((d, p) => { const on = tasks.find((x) => x.id === p)?.decidedOn ?? d; return on > d ? on : d; }, dayOf(at) ?? at);
  const error = step(next, i, { type: 'dispatch', at: latest }, calendar, effects);
  if (error) return { ok: false, error };
  return { ok: true, state: next, effects, dispatch: [t.id], stop: [] };
}

/** completed once every task is closed, in-progress once one is claimed or closed, else the case's own status. */
export function deriveCaseStatus(caseRecord: CaseRecord, tasks: readonly Task[]): CaseStatus {
  const own = caseRecord.status;
  if (own === 'draft' || own === 'submitted' || own === 'correcting' || own === 'rejected' || own === 'withdrawn') return own;
  if (tasks.length > 0 && tasks.every((t) => isTaskFinal(t.status))) return 'completed';
  if (tasks.some((t) => t.status !== 'waiting' && t.status !== 'dispatched')) return 'in-progress';
  return own;
}

/** Withdraws the case and stops each of its open tasks, as the withdraw effects ask. */
export function withdrawCase(caseRecord: CaseRecord, tasks: readonly Task[], at: string, calendar: Calendar):
  | { ok: true; case: CaseRecord; tasks: Task[]; effects: FlowEvent[] }
  | { ok: false; error: TransitionError<CaseErrorCode | TaskErrorCode | FlowErrorCode> } {
  const r = transitionCase(caseRecord, { type: 'withdraw', at, tasks });
  if (!r.ok) return r;
  const next = [...tasks];
  const effects: FlowEvent[] = [...r.effects];
  for (const e of r.effects) {
    if (e.kind !== 'stop-task') continue;
    const error = step(next, next.findIndex((t) => t.id === e.task), { type: 'stop', at, reason: e.reason }, calendar, effects);
    if (error) return { ok: false, error };
  }
  return { ok: true, case: r.state, tasks: next, effects };
}

const WEEKENDS_ONLY = buildCalendar([]);

export interface MemoryRun {
  case: CaseRecord;
  status: CaseStatus;
  tasks: Task[];
  events: FlowEvent[];
  completedOn?: string;
}

/**
 * Drives a case from submission to completion in memory: each dispatched task is claimed on the day it
 * arrives and decided on its due date, as `decide` says. For tests and the benchmark; throws only if
 * the plan itself is unsound (a cycle, an unknown predecessor).
 */
export function runInMemory(
  plan: PlanLike,
  decide: (taskId: string) => 'approve' | 'refuse',
  options: { acceptedOn?: string; calendar?: Calendar } = {},
): MemoryRun {
  const calendar = options.calendar ?? WEEKENDS_ONLY;
  const acceptedOn = options.acceptedOn ?? '2025-06-03';
  const events: FlowEvent[] = [];
  const must = <T>(r: { ok: true; state: T; effects: FlowEvent[] } | { ok: false; error: TransitionError }): T => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    events.push(...r.effects);
    return r.state;
  };
  let c = newCase('in-memory', plan.matter?.id ?? '');
  c = must(transitionCase(c, { type: 'submit', at: acceptedOn }));
  c = must(transitionCase(c, { type: 'accept', at: acceptedOn }));
  const created = createTasks(plan, acceptedOn, calendar);
  let tasks = must(created);
  const results = new Map(plan.items.map((it) => [it.id, it.result]));
  const index = new Map(tasks.map((t, i) => [t.id, i]));
  const pending = created.ok ? created.dispatch.map((id) => index.get(id) as number) : [];
  let completedOn: string | undefined;
  while (pending.length > 0) {
    // Decide in date order (earliest due first), so that a join is dispatched on its last predecessor's day.
    let first = 0;
    for (let k = 1; k < pending.length; k++) {
      if ((tasks[pending[k] as number]?.dueDate as string) < (tasks[pending[first] as number]?.dueDate as string)) first = k;
    }
    const i = pending.splice(first, 1)[0] as number;
    let t = tasks[i] as Task;
    if (t.status !== 'dispatched') continue;
    const on = t.dueDate as string;
    t = must(transitionTask(t, { type: 'claim', at: t.dispatchedOn as string, reviewer: t.department.code }, calendar));
    const action: TaskAction = decide(t.id) === 'approve'
      ? { type: 'approve', at: on, result: { name: results.get(t.id)?.name ?? t.name } }
      : { type: 'refuse', at: on, reasons: ['经审查不符合办理条件'] };
    t = must(transitionTask(t, action, calendar));
    tasks = [...tasks];
    tasks[i] = t;
    const after = afterDecision(tasks, t.id, on, calendar);
    tasks = must(after);
    if (after.ok) for (const id of after.dispatch) pending.push(index.get(id) as number);
    if (completedOn === undefined || on > completedOn) completedOn = on;
  }
  const status = deriveCaseStatus(c, tasks);
  if (status === 'completed') events.push({ kind: 'completed', at: completedOn ?? acceptedOn });
  return { case: { ...c, status }, status, tasks, events, completedOn };
}
