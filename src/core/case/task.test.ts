import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDate } from '../calendar/workdays.ts';
import { nationalDay2025, plannedItem } from './fixture.ts';
import { dayOf } from './result.ts';
import {
  newTask, TASK_ACTIONS, TASK_STATUSES, transitionTask,
  type Task, type TaskAction, type TaskActionType, type TaskErrorCode, type TaskStatus,
} from './task.ts';
import { supplementEntries, type SupplementAnswer } from './supplement.ts';

const cal = nationalDay2025;
/** A request for one material, named as the plan names it. */
const ask = (name: string) => ({ kind: 'material' as const, key: name, name, note: '' });
/** The answer to such a request: a file of the material uploaded at `at`. */
const supplied = (at: string, material: string): TaskAction => ({ type: 'supplement-provided', at, uploads: [{ material, at }] });
const base = newTask(plannedItem('a', '出生医学证明签发', [], 3));

function inStatus(status: TaskStatus): Task {
  const open = { ...base, updatedOn: '2025-06-03', dispatchedOn: '2025-06-03', dueDate: '2025-06-06' };
  switch (status) {
    case 'waiting': return base;
    case 'dispatched': return { ...open, status };
    case 'claimed': return { ...open, status, reviewer: '张三' };
    case 'supplement': return { ...open, status, reviewer: '张三', supplement: { requestedOn: '2025-06-03', materials: ['身份证'], note: '' } };
    case 'approved': return { ...open, status, reviewer: '张三', decidedOn: '2025-06-03', result: { name: '出生医学证明' } };
    case 'refused': return { ...open, status, reviewer: '张三', decidedOn: '2025-06-03', reasons: ['不符合条件'] };
    case 'stopped': return { ...open, status, stopReason: '申请人撤回申请' };
  }
}

const at = '2025-06-04';
const ACTION: Record<TaskActionType, TaskAction> = {
  dispatch: { type: 'dispatch', at },
  claim: { type: 'claim', at, reviewer: '李四' },
  release: { type: 'release', at },
  approve: { type: 'approve', at, result: { name: '出生医学证明', ref: 'O440000001' } },
  refuse: { type: 'refuse', at, reasons: ['出生信息与分娩记录不符'] },
  'request-supplement': { type: 'request-supplement', at, entries: [{ kind: 'material', key: 'parents-id-cards', name: '父母双方居民身份证', note: '' }], note: '复印件不清晰' },
  'supplement-provided': { type: 'supplement-provided', at },
  stop: { type: 'stop', at, reason: '申请人撤回申请' },
};

type Outcome = TaskStatus | TaskErrorCode;
const decided = (code: TaskErrorCode): Record<TaskActionType, Outcome> =>
  Object.fromEntries(TASK_ACTIONS.map((a) => [a, code])) as Record<TaskActionType, Outcome>;

// Every (status, action) pair: the status reached, or the error code.
const TABLE: Record<TaskStatus, Record<TaskActionType, Outcome>> = {
  waiting: { dispatch: 'dispatched', claim: 'task-not-claimable', release: 'task-not-open', approve: 'task-not-open', refuse: 'task-not-open', 'request-supplement': 'task-not-open', 'supplement-provided': 'task-not-open', stop: 'stopped' },
  dispatched: { dispatch: 'task-already-dispatched', claim: 'claimed', release: 'task-not-claimed', approve: 'task-not-claimed', refuse: 'task-not-claimed', 'request-supplement': 'task-not-claimed', 'supplement-provided': 'no-supplement-pending', stop: 'stopped' },
  claimed: { dispatch: 'task-already-dispatched', claim: 'task-not-claimable', release: 'dispatched', approve: 'approved', refuse: 'refused', 'request-supplement': 'supplement', 'supplement-provided': 'no-supplement-pending', stop: 'stopped' },
  supplement: { dispatch: 'task-already-dispatched', claim: 'task-not-claimable', release: 'task-in-supplement', approve: 'task-in-supplement', refuse: 'task-in-supplement', 'request-supplement': 'task-in-supplement', 'supplement-provided': 'claimed', stop: 'stopped' },
  approved: decided('task-already-decided'),
  refused: decided('task-already-decided'),
  stopped: decided('task-stopped'),
};

const pairs = TASK_STATUSES.flatMap((s) => TASK_ACTIONS.map((a) => [s, a, TABLE[s][a]] as const));

describe('task transitions', () => {
  it.each(pairs)('%s + %s → %s', (status, action, expected) => {
    const r = transitionTask(inStatus(status), ACTION[action], cal);
    if ((TASK_STATUSES as readonly string[]).includes(expected)) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.state.status).toBe(expected);
    } else {
      expect(r).toMatchObject({ ok: false, error: { code: expected } });
      if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says plainly that a decided task cannot be decided again', () => {
    for (const s of ['approved', 'refused'] as const) {
      for (const a of ['approve', 'refuse'] as const) {
        expect(transitionTask(inStatus(s), ACTION[a], cal)).toEqual({ ok: false, error: { code: 'task-already-decided', message: '该子件已办结，不能再次审批' } });
      }
    }
  });

  it('dispatch dates the task and sets its due date; claim and release move the reviewer', () => {
    const r = transitionTask(base, { type: 'dispatch', at: '2025-09-26' }, cal);
    expect(r).toMatchObject({ ok: true, state: { status: 'dispatched', dispatchedOn: '2025-09-26', dueDate: '2025-09-30' } });
    expect(r.ok && r.effects).toEqual([{ kind: 'dispatched', task: 'a', at: '2025-09-26', department: 'dept-a', dueDate: '2025-09-30' }]);
    const claimed = transitionTask(inStatus('dispatched'), ACTION.claim, cal);
    expect(claimed.ok && claimed.state.reviewer).toBe('李四');
    const released = transitionTask(inStatus('claimed'), ACTION.release, cal);
    expect(released.ok && released.state.reviewer).toBeUndefined();
  });

  it('refuses incomplete actions with their own codes', () => {
    const claimed = inStatus('claimed');
    const cases: [Task, TaskAction, TaskErrorCode][] = [
      [claimed, { type: 'refuse', at, reasons: [] }, 'refusal-needs-reasons'],
      [claimed, { type: 'refuse', at, reasons: ['  '] }, 'refusal-needs-reasons'],
      [claimed, { type: 'approve', at, result: { name: '' } }, 'result-required'],
      [claimed, { type: 'request-supplement', at, entries: [], note: '' }, 'supplement-needs-materials'],
      [claimed, { type: 'stop', at, reason: '' }, 'stop-needs-reason'],
      [inStatus('dispatched'), { type: 'claim', at, reviewer: ' ' }, 'reviewer-required'],
      [claimed, { type: 'approve', at: '2025-6-4', result: { name: '证' } }, 'invalid-date'],
      [claimed, { type: 'approve', at: '2025-06-02', result: { name: '证' } }, 'date-out-of-order'],
    ];
    for (const [task, action, code] of cases) expect(transitionTask(task, action, cal)).toMatchObject({ ok: false, error: { code } });
  });

  it('never throws, whatever the sequence of actions', () => {
    const action = fc.constantFrom(...Object.values(ACTION));
    fc.assert(fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
      let t = base;
      for (const a of actions) {
        const r = transitionTask(t, a, cal);
        if (r.ok) t = r.state;
        else expect(typeof r.error.code).toBe('string');
      }
    }));
  });
});

describe('supplement pauses the clock', () => {
  // Dispatched Friday 26 September 2025 with 5 working days: Sun 28 (make-up), 29, 30, then the
  // holiday 1–8 October, then 9 and 10 October.
  const five = newTask(plannedItem('b', '出生登记', ['a'], 5));
  function run(actions: TaskAction[]): Task {
    let t = five;
    for (const a of actions) {
      const r = transitionTask(t, a, cal);
      if (!r.ok) throw new Error(r.error.message);
      t = r.state;
    }
    return t;
  }
  const start: TaskAction[] = [{ type: 'dispatch', at: '2025-09-26' }, { type: 'claim', at: '2025-09-26', reviewer: '王五' }];

  it('without a pause the task is due on 10 October', () => {
    expect(run(start).dueDate).toBe('2025-10-10');
  });

  it('a request on 30 September answered on 9 October pauses one working day: due on the make-up Saturday 11 October', () => {
    const t = run([...start,
      { type: 'request-supplement', at: '2025-09-30T17:30:00+08:00', entries: [ask('父母结婚证')], note: '' },
      supplied('2025-10-08T18:00:00Z', '父母结婚证'), // 02:00 on 9 October in Beijing
    ]);
    expect(t).toMatchObject({ status: 'claimed', reviewer: '王五', pausedWorkingDays: 1, dueDate: '2025-10-11' });
    expect(t.supplement).toBeUndefined();
  });

  it('pauses add up across requests and skip the holiday', () => {
    const t = run([...start,
      { type: 'request-supplement', at: '2025-09-26', entries: [ask('身份证')], note: '' },
      supplied('2025-09-29T09:00:00+08:00', '身份证'), // Sun 28 (make-up) and Mon 29
      { type: 'request-supplement', at: '2025-09-30', entries: [ask('户口簿')], note: '' },
      supplied('2025-10-10T09:00:00+08:00', '户口簿'), // 9 and 10 October; the holiday is not counted
    ]);
    expect(t.pausedWorkingDays).toBe(4);
    expect(t.dueDate).toBe(dueDate(cal, '2025-09-26', 9));
    expect(t.dueDate).toBe('2025-10-15');
  });

  it('a supplement answered the same day pauses nothing', () => {
    const t = run([...start, { type: 'request-supplement', at: '2025-09-29', entries: [ask('身份证')], note: '' }, supplied('2025-09-29T15:00:00+08:00', '身份证')]);
    expect(t.pausedWorkingDays).toBe(0);
    expect(t.dueDate).toBe('2025-10-10');
  });
});

describe('dayOf', () => {
  it('reads dates, local times and offsets in Beijing time', () => {
    expect(dayOf('2025-10-01')).toBe('2025-10-01');
    expect(dayOf('2025-10-01T23:59')).toBe('2025-10-01');
    expect(dayOf('2025-09-30T16:00:00Z')).toBe('2025-10-01');
    expect(dayOf('2025-10-01T07:59:59.999+08:00')).toBe('2025-10-01');
    expect(dayOf('2025-10-01T01:00-05:00')).toBe('2025-10-01');
    expect(dayOf('2025-12-31T20:00:00-05:00')).toBe('2026-01-01');
    for (const bad of ['2025-02-29', '2025-10-01T24:00', '2025/10/01', 20251001, '']) expect(dayOf(bad)).toBeUndefined();
  });
});

describe('dispatch on a day off (受理 on a weekend or holiday)', () => {
  it('counts from the next working day, itself not counted', () => {
    // 2025-06-07 Sat → start day Mon 06-09 → 3 working days: 06-10, 06-11, 06-12
    const r = transitionTask(base, { type: 'dispatch', at: '2025-06-07T10:00:00+08:00' }, cal);
    expect(r.ok && r.state.dueDate).toBe('2025-06-12');
    expect(r.ok && r.state.dispatchedOn).toBe('2025-06-07');
    // inside the National Day block: start day 10-09, 10-10, the make-up Saturday 10-11, 10-13
    const h = transitionTask(base, { type: 'dispatch', at: '2025-10-03' }, cal);
    expect(h.ok && h.state.dueDate).toBe('2025-10-13');
    expect(h.ok && h.state.dueDate).toBe(dueDate(cal, '2025-10-09', 3));
  });
});

describe('calendar-day periods and provisional years', () => {
  it('adds the item\'s 公示 days in natural days to the due date', () => {
    const t = newTask({ ...plannedItem('p', '公示事项', [], 3), periods: [{ name: '公示', days: 7 }] });
    expect(t.calendarDays).toBe(7);
    // 2025-06-03 Tue → 3 working days: 06-06 Fri → +7 natural days: 06-13 Fri
    const r = transitionTask(t, { type: 'dispatch', at: '2025-06-03' }, cal);
    expect(r.ok && r.state.dueDate).toBe('2025-06-13');
  });

  it('marks a due date in a year without official data as provisional', () => {
    const r = transitionTask(base, { type: 'dispatch', at: '2025-12-30' }, cal); // 2026 unknown to this calendar
    expect(r.ok && r.state.dueDate).toBe('2026-01-05'); // 12-31, (01-01 元旦 computed), 01-02, 01-05
    expect(r.ok && r.state.dueProvisional).toBe(true);
    const inYear = transitionTask(base, { type: 'dispatch', at: '2025-06-03' }, cal);
    expect(inYear.ok && inYear.state.dueProvisional).toBe(false);
  });
});

describe('a supplement request names materials by id and facts, and is answered by each', () => {
  const item = {
    materials: [{ id: 'parents-id-cards', name: '父母双方居民身份证' }, { id: 'delivery-record', name: '助产机构住院分娩记录' }],
    fields: [{ key: 'newbornName', label: '新生儿姓名' }],
  };
  const asked = supplementEntries({
    materials: [{ id: 'parents-id-cards', note: '复印件不清晰' }, { id: 'delivery-record' }],
    facts: [{ field: 'newbornName', note: '与分娩记录不一致' }, { question: '新生儿是否为双胞胎？' }],
  }, item);

  it('shows each entry by the plan’s name, with the reviewer’s note', () => {
    expect(asked).toEqual({ ok: true, entries: [
      { kind: 'material', key: 'parents-id-cards', name: '父母双方居民身份证', note: '复印件不清晰' },
      { kind: 'material', key: 'delivery-record', name: '助产机构住院分娩记录', note: '' },
      { kind: 'field', key: 'newbornName', name: '新生儿姓名', note: '与分娩记录不一致' },
      { kind: 'question', key: 'q1', name: '新生儿是否为双胞胎？', note: '' },
    ] });
  });

  it('refuses what the item does not have, by the field path', () => {
    const r = supplementEntries({ materials: [{ id: 'parents-id-cards' }, { id: 'marriage-certificate' }, { id: 'parents-id-cards' }], facts: [{ field: 'nope' }, { field: 'newbornName', question: '？' }, {}] }, item);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['body.materials[1].id', 'body.materials[2].id', 'body.facts[0].field', 'body.facts[1]', 'body.facts[2]']);
    expect(!r.ok && r.issues[0]?.message).toContain('marriage-certificate');
    expect(supplementEntries({}, item)).toMatchObject({ ok: false, issues: [{ path: 'body.materials' }] });
  });

  const requestedAt = '2025-06-04T02:00:00.000Z';
  const waiting = (() => {
    const r = transitionTask(inStatus('claimed'), { type: 'request-supplement', at: requestedAt, entries: asked.ok ? asked.entries : [], note: '请一次补齐' }, cal);
    if (!r.ok) throw new Error(r.error.message);
    return r;
  })();

  it('keeps the request on the task while it waits, with the instant asked', () => {
    expect(waiting.state.supplement).toMatchObject({ requestedOn: '2025-06-04', requestedAt, materials: ['父母双方居民身份证', '助产机构住院分娩记录'], note: '请一次补齐' });
    expect(waiting.state.supplement?.entries).toHaveLength(4);
    expect(waiting.effects).toEqual([expect.objectContaining({ kind: 'supplement-requested', entries: waiting.state.supplement?.entries })]);
  });

  const later = '2025-06-05T03:00:00.000Z';
  const provided = (answer: SupplementAnswer) => transitionTask(waiting.state, { type: 'supplement-provided', at: later, ...answer }, cal);

  it('refuses 已补正 with nothing, naming everything that is missing', () => {
    const r = provided({});
    expect(r).toMatchObject({ ok: false, error: { code: 'supplement-incomplete' } });
    expect(!r.ok && r.error.message).toBe('补正尚未齐全，还缺：「父母双方居民身份证」「助产机构住院分娩记录」「新生儿姓名」「新生儿是否为双胞胎？」');
  });

  it('refuses it with one of two materials, or with a file uploaded before the request', () => {
    const r = provided({ uploads: [{ material: 'parents-id-cards', at: later }, { material: 'delivery-record', at: '2025-06-03T09:00:00.000Z' }], answered: ['newbornName', 'q1'] });
    expect(!r.ok && r.error.message).toBe('补正尚未齐全，还缺：「助产机构住院分娩记录」');
  });

  it('accepts it with both materials uploaded since and every fact answered; the clock resumes', () => {
    const r = provided({ uploads: [{ material: 'parents-id-cards', at: later }, { material: 'delivery-record', at: later }], answered: ['newbornName', 'q1'] });
    expect(r.ok && r.state).toMatchObject({ status: 'claimed', supplement: undefined });
    expect(r.ok && r.effects).toEqual([expect.objectContaining({ kind: 'supplement-provided', entries: ['parents-id-cards', 'delivery-record', 'newbornName', 'q1'] })]);
  });
});
