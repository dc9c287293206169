import { describe, expect, it } from 'vitest';
import { checkCatalogue } from '../catalog/check.ts';
import { dueDate } from '../calendar/workdays.ts';
import { plan } from '../planning/plan.ts';
import { fixtureDocuments } from '../testing/fixture.ts';
import { newCase, transitionCase, WITHDRAWN_REASON } from './case.ts';
import { chainPlan, nationalDay2025, plannedItem } from './fixture.ts';
import { afterDecision, createTasks, deriveCaseStatus, runInMemory, withdrawCase, type FlowResult } from './orchestrate.ts';
import { awaiting, taskStatusLabel, transitionTask, type Task, type TaskAction } from './task.ts';

const cal = nationalDay2025;

function ok(r: FlowResult): Extract<FlowResult, { ok: true }> {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r;
}

/** Claims and decides task `id` on `at`, then runs afterDecision. */
function decide(tasks: Task[], id: string, at: string, outcome: 'approve' | 'refuse') {
  const i = tasks.findIndex((t) => t.id === id);
  let t = tasks[i] as Task;
  const actions: TaskAction[] = [
    { type: 'claim', at, reviewer: '审查员' },
    outcome === 'approve' ? { type: 'approve', at, result: { name: `${t.name}结果` } } : { type: 'refuse', at, reasons: ['不符合办理条件'] },
  ];
  for (const action of actions) {
    const r = transitionTask(t, action, cal);
    if (!r.ok) throw new Error(r.error.message);
    t = r.state;
  }
  const next = [...tasks];
  next[i] = t;
  return ok(afterDecision(next, id, at, cal));
}

const status = (tasks: Task[]) => Object.fromEntries(tasks.map((t) => [t.id, t.status]));

describe('a serial chain a → b → c beside a parallel d', () => {
  const created = ok(createTasks(chainPlan, '2025-09-26', cal));

  it('tells a task held for its fee (待缴费) from one waiting for an earlier item', () => {
    const held = ok(createTasks(chainPlan, '2025-09-26', cal, new Set(['d'])));
    const [a, b, , d] = held.state as [Task, Task, Task, Task];
    expect(d.status).toBe('waiting');
    expect([awaiting(d, held.state), taskStatusLabel(d, held.state)]).toEqual(['payment', '待缴费']);
    expect([awaiting(b, held.state), taskStatusLabel(b, held.state)]).toEqual(['preceding', '等待前置事项']);
    expect(awaiting(a, held.state)).toBeNull();
    const afterA = decide(held.state, 'a', '2025-09-28', 'approve');
    expect(awaiting(afterA.state[2] as Task, afterA.state)).toBe('preceding');
  });

  it('dispatches a and d on acceptance and lets b and c wait', () => {
    expect(created.dispatch).toEqual(['a', 'd']);
    expect(status(created.state)).toEqual({ a: 'dispatched', b: 'waiting', c: 'waiting', d: 'dispatched' });
    expect(created.state[0]).toMatchObject({ dispatchedOn: '2025-09-26', dueDate: '2025-09-28' }); // the make-up Sunday
    expect(created.state[3]).toMatchObject({ dispatchedOn: '2025-09-26', dueDate: '2025-09-26' }); // 即办
  });

  it('dispatches each successor once its predecessor is approved, attaching the result', () => {
    const afterA = decide(created.state, 'a', '2025-09-28', 'approve');
    expect(afterA.dispatch).toEqual(['b']);
    expect(afterA.effects).toContainEqual({ kind: 'attach-result', at: '2025-09-28', from: 'a', to: 'b', result: { name: '出生医学证明签发结果' } });
    expect(afterA.state[1]).toMatchObject({ status: 'dispatched', dispatchedOn: '2025-09-28', dueDate: '2025-09-30' });
    expect(status(afterA.state).c).toBe('waiting');
    const afterB = decide(afterA.state, 'b', '2025-09-30', 'approve');
    expect(afterB.dispatch).toEqual(['c']);
    expect(afterB.effects.filter((e) => e.kind === 'attach-result')).toEqual([
      { kind: 'attach-result', at: '2025-09-30', from: 'b', to: 'c', result: { name: '出生登记结果' } },
    ]);
    expect(afterB.state[2]?.dueDate).toBe('2025-10-10'); // two working days after the holiday
    const afterD = decide(afterB.state, 'd', '2025-09-26', 'approve');
    expect(afterD.dispatch).toEqual([]);
    // Repeating a decision's follow-up changes nothing.
    expect(ok(afterDecision(afterB.state, 'b', '2025-09-30', cal))).toMatchObject({ state: afterB.state, effects: [], dispatch: [], stop: [] });
  });

  it('refusing a stops b and c, naming a, and leaves d alone', () => {
    const r = decide(created.state, 'a', '2025-09-28', 'refuse');
    const reason = '前置事项「出生医学证明签发」不予办理，本事项无法继续';
    expect(r.dispatch).toEqual([]);
    expect(r.stop).toEqual([{ task: 'b', reason }, { task: 'c', reason }]);
    expect(status(r.state)).toEqual({ a: 'refused', b: 'stopped', c: 'stopped', d: 'dispatched' });
    expect(r.state[2]?.stopReason).toBe(reason);
    expect(r.effects.some((e) => e.kind === 'attach-result')).toBe(false);
    const accepted = { ...newCase('x', 'demo'), status: 'accepted' as const };
    expect(deriveCaseStatus(accepted, r.state)).toBe('in-progress');
    expect(deriveCaseStatus(accepted, decide(r.state, 'd', '2025-09-29', 'approve').state)).toBe('completed');
  });

  it('a join waits for all its predecessors', () => {
    const join = { items: [...chainPlan.items, plannedItem('e', '新生儿医保参保', ['a', 'd'], 1)] };
    const start = ok(createTasks(join, '2025-06-03', cal)).state;
    const afterD = decide(start, 'd', '2025-06-03', 'approve');
    expect(afterD.dispatch).toEqual([]);
    expect(afterD.effects).toContainEqual(expect.objectContaining({ kind: 'attach-result', from: 'd', to: 'e' }));
    const afterA = decide(afterD.state, 'a', '2025-06-04', 'approve');
    expect(afterA.dispatch).toEqual(['b', 'e']);
  });

  it('dispatches a join on the day its last predecessor was approved, whatever the order reported', () => {
    const join = { items: [plannedItem('a', '甲'), plannedItem('d', '丁'), plannedItem('e', '戊', ['a', 'd'])] };
    const start = ok(createTasks(join, '2025-06-03', cal)).state;
    const afterA = decide(start, 'a', '2025-06-10', 'approve');
    const afterD = decide(afterA.state, 'd', '2025-06-04', 'approve');
    expect(afterD.dispatch).toEqual(['e']);
    expect(afterD.state[2]).toMatchObject({ dispatchedOn: '2025-06-10', dueDate: '2025-06-11' });
  });

  it('refuses to decide the flow of an undecided or unknown task', () => {
    expect(afterDecision(created.state, 'a', '2025-09-26', cal)).toMatchObject({ ok: false, error: { code: 'task-not-decided' } });
    expect(afterDecision(created.state, 'zz', '2025-09-26', cal)).toMatchObject({ ok: false, error: { code: 'unknown-task' } });
  });

  it('refuses an unsound plan', () => {
    const bad = [
      [plannedItem('a', '甲', ['b']), plannedItem('b', '乙', ['a'])],
      [plannedItem('a', '甲', ['x'])],
      [plannedItem('a', '甲'), plannedItem('a', '甲')],
    ];
    for (const items of bad) expect(createTasks({ items }, '2025-06-03', cal)).toMatchObject({ ok: false, error: { code: 'invalid-plan' } });
    expect(createTasks(chainPlan, '2025-13-01', cal)).toMatchObject({ ok: false, error: { code: 'invalid-date' } });
  });
});

describe('withdrawal', () => {
  const accepted = [{ type: 'submit', at: '2025-06-03' }, { type: 'accept', at: '2025-06-03' }] as const;
  let c = newCase('w', 'demo');
  for (const a of accepted) {
    const r = transitionCase(c, a);
    if (r.ok) c = r.state;
  }

  it('stops every open task, claimed, dispatched or waiting, and leaves decided ones', () => {
    const start = ok(createTasks(chainPlan, '2025-06-03', cal)).state;
    const tasks = decide(start, 'd', '2025-06-03', 'approve').state;
    const claimed = transitionTask(tasks[0] as Task, { type: 'claim', at: '2025-06-03', reviewer: '审查员' }, cal);
    if (claimed.ok) tasks[0] = claimed.state;
    const r = withdrawCase(c, tasks, '2025-06-04', cal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.case.status).toBe('withdrawn');
    expect(status(r.tasks)).toEqual({ a: 'stopped', b: 'stopped', c: 'stopped', d: 'approved' });
    expect(r.tasks.every((t) => t.status !== 'stopped' || t.stopReason === WITHDRAWN_REASON)).toBe(true);
    expect(r.effects.filter((e) => e.kind === 'stop-task')).toHaveLength(3);
    expect(deriveCaseStatus(r.case, r.tasks)).toBe('withdrawn');
  });

  it('is refused once every task is decided', () => {
    const done = runInMemory(chainPlan, () => 'approve', { calendar: cal });
    expect(withdrawCase(c, done.tasks, '2025-07-01', cal)).toMatchObject({ ok: false, error: { code: 'case-already-decided' } });
  });
});

describe('runInMemory', () => {
  it('runs the planner\'s own chain to completion on the promised day', () => {
    const { catalogue } = checkCatalogue(fixtureDocuments());
    const p = plan(catalogue, 'demo', { answers: { married: true, inProvince: true, extras: ['vaccine'] } });
    if (!p.ok) throw new Error(p.errors[0]?.message);
    const run = runInMemory(p.plan, () => 'approve', { acceptedOn: '2025-09-26', calendar: cal });
    expect(run.status).toBe('completed');
    expect(run.tasks.every((t) => t.status === 'approved')).toBe(true);
    expect(run.completedOn).toBe(dueDate(cal, '2025-09-26', p.plan.timeLimit.workingDays));
    expect(run.events.at(-1)).toEqual({ kind: 'completed', at: run.completedOn });
    expect(run.events.filter((e) => e.kind === 'attach-result').map((e) => e.kind === 'attach-result' && `${e.from}→${e.to}`)).toEqual(['a-cert→b-reg', 'b-reg→c-ins']);
  });

  it('completes with stopped successors when a task is refused', () => {
    const run = runInMemory(chainPlan, (id) => (id === 'b' ? 'refuse' : 'approve'));
    expect(status(run.tasks)).toEqual({ a: 'approved', b: 'refused', c: 'stopped', d: 'approved' });
    expect(run.case.status).toBe('completed');
  });
});
