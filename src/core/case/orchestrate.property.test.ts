import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDate } from '../calendar/workdays.ts';
import type { PlannedItem } from '../planning/types.ts';
import { nationalDay2025, plannedItem } from './fixture.ts';
import { afterDecision, createTasks, runInMemory, type FlowEvent } from './orchestrate.ts';
import { isTaskFinal, transitionTask, type Task, type TaskAction, type TaskEffect } from './task.ts';

const cal = nationalDay2025;

/** A random DAG: item i may follow any earlier item; the plan lists the items in a shuffled order. */
const dag = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    edges: fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    days: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
    order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    approve: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  }).map(({ edges, days, order, approve }) => {
    const items = order.map((i) => plannedItem(`t${i}`, `事项${i}`, [...Array(i).keys()].filter((j) => edges[i]?.[j]).map((j) => `t${j}`), days[i]));
    return { items, approve: new Map(items.map((it, k) => [it.id, approve[k] as boolean])) };
  }));

const acceptedOn = fc.constantFrom('2025-09-26', '2025-09-28', '2025-09-30', '2025-10-09', '2025-06-03');

/** Checks the dispatch rules over an event list. */
function checkEvents(items: readonly PlannedItem[], events: readonly FlowEvent[]): void {
  const after = new Map(items.map((it) => [it.id, it.after]));
  const approved = new Map<string, string>();
  const dispatched = new Set<string>();
  const attached = new Map<string, Set<string>>();
  for (const e of events) {
    if (e.kind === 'dispatched') {
      expect(dispatched.has(e.task), `${e.task} dispatched twice`).toBe(false);
      for (const p of after.get(e.task) ?? []) {
        expect(approved.has(p), `${e.task} dispatched before ${p} was approved`).toBe(true);
        expect(e.at >= (approved.get(p) as string), `${e.task} dispatched on a day before ${p} was approved`).toBe(true);
        expect(attached.get(e.task)?.has(p), `${e.task} dispatched without ${p}'s result`).toBe(true);
      }
      dispatched.add(e.task);
    }
    if (e.kind === 'approved' || e.kind === 'refused' || e.kind === 'claimed') expect(dispatched.has(e.task)).toBe(true);
    if (e.kind === 'approved') approved.set(e.task, e.at);
    if (e.kind === 'attach-result') {
      expect(approved.has(e.from)).toBe(true);
      attached.set(e.to, (attached.get(e.to) ?? new Set()).add(e.from));
    }
  }
}

/** Longest chain of promised days ending at each item. */
function longestPath(items: readonly PlannedItem[]): number {
  const byId = new Map(items.map((it) => [it.id, it]));
  const memo = new Map<string, number>();
  const finish = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const it = byId.get(id) as PlannedItem;
    const f = Math.max(0, ...it.after.map(finish)) + it.timeLimit.promised;
    memo.set(id, f);
    return f;
  };
  return Math.max(0, ...items.map((it) => finish(it.id)));
}

describe('orchestration on random DAGs', () => {
  it('runInMemory always ends with every task closed, dispatched once and only after its predecessors', () => {
    fc.assert(fc.property(dag, acceptedOn, ({ items, approve }, on) => {
      const run = runInMemory({ items }, (id) => (approve.get(id) ? 'approve' : 'refuse'), { acceptedOn: on, calendar: cal });
      expect(run.tasks.every((t) => isTaskFinal(t.status))).toBe(true);
      expect(run.status).toBe('completed');
      checkEvents(items, run.events);
      const final = new Map(run.tasks.map((t) => [t.id, t.status]));
      for (const it of items) {
        const blocked = it.after.some((p) => final.get(p) !== 'approved');
        expect(final.get(it.id)).toBe(blocked ? 'stopped' : approve.get(it.id) ? 'approved' : 'refused');
      }
    }), { numRuns: 300 });
  });

  it('when all are approved the case ends on the due date of the longest chain', () => {
    fc.assert(fc.property(dag, acceptedOn, ({ items }, on) => {
      const run = runInMemory({ items }, () => 'approve', { acceptedOn: on, calendar: cal });
      expect(run.tasks.every((t) => t.status === 'approved')).toBe(true);
      expect(run.completedOn).toBe(dueDate(cal, on, longestPath(items)));
    }), { numRuns: 200 });
  });

  it('holds in any order of deciding the open tasks', () => {
    const picks = fc.array(fc.nat(), { minLength: 9, maxLength: 9 });
    fc.assert(fc.property(dag, picks, ({ items, approve }, choice) => {
      const created = createTasks({ items }, '2025-06-03', cal);
      if (!created.ok) throw new Error(created.error.message);
      let tasks: Task[] = created.state;
      const events: FlowEvent[] = [...created.effects];
      const apply = (effects: TaskEffect[] | FlowEvent[]) => events.push(...effects);
      for (let k = 0; ; k++) {
        const open = tasks.filter((t) => t.status === 'dispatched');
        if (open.length === 0) break;
        const pick = open[(choice[k % choice.length] as number) % open.length] as Task;
        const i = tasks.indexOf(pick);
        let t = pick;
        const at = '2025-06-03';
        const actions: TaskAction[] = [
          { type: 'claim', at, reviewer: 'r' },
          approve.get(t.id) ? { type: 'approve', at, result: { name: '结果' } } : { type: 'refuse', at, reasons: ['否'] },
        ];
        for (const action of actions) {
          const r = transitionTask(t, action, cal);
          if (!r.ok) throw new Error(r.error.message);
          t = r.state;
          apply(r.effects);
        }
        tasks = tasks.map((x, j) => (j === i ? t : x));
        const next = afterDecision(tasks, t.id, '2025-06-03', cal);
        if (!next.ok) throw new Error(next.error.message);
        tasks = next.state;
        apply(next.effects);
      }
      expect(tasks.every((t) => isTaskFinal(t.status))).toBe(true);
      checkEvents(items, events);
    }), { numRuns: 300 });
  });
});
