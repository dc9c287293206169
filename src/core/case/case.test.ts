import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES, newCase, outstandingDeferred, overdueDeferred, transitionCase,
  type CaseAction, type CaseErrorCode, type CaseRecord, type CaseStatus, type MaterialRef,
} from './case.ts';
import { createTasks, deriveCaseStatus } from './orchestrate.ts';
import { chainPlan, nationalDay2025 } from './fixture.ts';
import type { Task } from './task.ts';

function apply(c: CaseRecord, ...actions: CaseAction[]): CaseRecord {
  for (const a of actions) {
    const r = transitionCase(c, a);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    c = r.state;
  }
  return c;
}

const draft = newCase('case-1', 'newborn-birth');
const submitted = apply(draft, { type: 'submit', at: '2025-06-03' });
const accepted = apply(submitted, { type: 'accept', at: '2025-06-03T10:00:00+08:00' });

const materials: MaterialRef[] = [
  { id: 'parents-id-cards', name: '父母双方居民身份证', status: 'required', deferrable: false },
  { id: 'marriage-certificate', name: '父母结婚证', status: 'required', deferrable: true },
  { id: 'household-register', name: '居民户口簿', status: 'required', deferrable: true },
  { id: 'delivery-record', name: '住院分娩记录', status: 'exempt', deferrable: false },
];
const commit = (missing: string[], deferred: { material: string; deadline: string }[]): CaseAction =>
  ({ type: 'accept-on-commitment', at: '2025-06-03', materials, missing, deferred });

function stored(status: CaseStatus): CaseRecord {
  return { ...accepted, status };
}

describe('case transitions', () => {
  it('goes draft → submitted → accepted, dating each step', () => {
    expect(submitted).toMatchObject({ status: 'submitted', submittedOn: '2025-06-03' });
    expect(accepted).toMatchObject({ status: 'accepted', acceptedOn: '2025-06-03', onCommitment: false, deferred: [] });
    const r = transitionCase(submitted, { type: 'accept', at: '2025-06-03' });
    expect(r.ok && r.effects).toEqual([{ kind: 'accepted', at: '2025-06-03', onCommitment: false, deferred: [] }]);
  });

  it('refuses each action in the wrong status with its code', () => {
    const expectations: [CaseRecord, CaseAction, CaseErrorCode][] = [
      [submitted, { type: 'submit', at: '2025-06-04' }, 'case-already-submitted'],
      [draft, { type: 'accept', at: '2025-06-04' }, 'case-not-submitted'],
      [accepted, { type: 'accept', at: '2025-06-04' }, 'case-already-accepted'],
      [stored('in-progress'), { type: 'reject', at: '2025-06-04', corrections: ['x'] }, 'case-already-accepted'],
      [stored('rejected'), { type: 'submit', at: '2025-06-04' }, 'case-closed'],
      [stored('withdrawn'), { type: 'withdraw', at: '2025-06-04', tasks: [] }, 'case-closed'],
      [stored('completed'), { type: 'withdraw', at: '2025-06-04', tasks: [] }, 'case-already-decided'],
      [accepted, { type: 'supply-deferred', at: '2025-06-04', material: 'marriage-certificate' }, 'not-on-commitment'],
      [submitted, { type: 'accept', at: '2025-06-02' }, 'date-out-of-order'],
      [submitted, { type: 'accept', at: 'tomorrow' }, 'invalid-date'],
    ];
    for (const [c, a, code] of expectations) {
      const r = transitionCase(c, a);
      expect(r, `${c.status} + ${a.type}`).toMatchObject({ ok: false, error: { code } });
    }
  });

  it('every status answers every action without throwing', () => {
    const actions: CaseAction[] = [
      { type: 'submit', at: '2025-06-04' }, { type: 'accept', at: '2025-06-04' }, commit(['marriage-certificate'], [{ material: 'marriage-certificate', deadline: '2025-06-20' }]),
      { type: 'reject', at: '2025-06-04', corrections: ['补正'] }, { type: 'withdraw', at: '2025-06-04', tasks: [] },
      { type: 'supply-deferred', at: '2025-06-04', material: 'marriage-certificate' },
    ];
    for (const s of CASE_STATUSES) for (const a of actions) expect(typeof transitionCase(stored(s), a).ok).toBe('boolean');
  });

  it('rejection tells every correction at once, and needs at least one', () => {
    expect(transitionCase(submitted, { type: 'reject', at: '2025-06-04', corrections: [] })).toMatchObject({ ok: false, error: { code: 'rejection-needs-corrections' } });
    const r = transitionCase(submitted, { type: 'reject', at: '2025-06-04', corrections: ['出生医学证明编号有误', '缺少监护人签名'] });
    expect(r).toMatchObject({ ok: true, state: { status: 'rejected', rejectedOn: '2025-06-04', corrections: ['出生医学证明编号有误', '缺少监护人签名'] } });
  });
});

describe('accept on commitment (容缺受理)', () => {
  it('is refused when a missing material may not be deferred, naming it', () => {
    const r = transitionCase(submitted, commit(['marriage-certificate', 'parents-id-cards'], []));
    expect(r).toMatchObject({ ok: false, error: { code: 'not-deferrable' } });
    if (r.ok) return;
    expect(r.error.message).toContain('「父母双方居民身份证」');
    expect(r.error.message).not.toContain('结婚证');
  });

  it('checks the missing list and the deadlines', () => {
    const cases: [CaseAction, CaseErrorCode][] = [
      [commit([], []), 'nothing-missing'],
      [commit(['birth-certificate'], []), 'unknown-material'],
      [commit(['delivery-record'], []), 'not-required'],
      [commit(['marriage-certificate', 'household-register'], [{ material: 'marriage-certificate', deadline: '2025-06-20' }]), 'deferred-mismatch'],
      [commit(['marriage-certificate'], [{ material: 'marriage-certificate', deadline: '2025-06-02' }]), 'invalid-deadline'],
      [commit(['marriage-certificate'], [{ material: 'marriage-certificate', deadline: 'soon' }]), 'invalid-deadline'],
    ];
    for (const [a, code] of cases) expect(transitionCase(submitted, a)).toMatchObject({ ok: false, error: { code } });
  });

  const onCommitment = apply(submitted, commit(['marriage-certificate', 'household-register'], [
    { material: 'marriage-certificate', deadline: '2025-06-10' },
    { material: 'household-register', deadline: '2025-06-10' },
  ]));

  it('accepts with every deferrable material deferred to its deadline', () => {
    expect(onCommitment).toMatchObject({ status: 'accepted', onCommitment: true, acceptedOn: '2025-06-03' });
    expect(outstandingDeferred(onCommitment).map((d) => d.material)).toEqual(['marriage-certificate', 'household-register']);
  });

  it('records each supply and whether it came after the deadline', () => {
    const r1 = transitionCase(onCommitment, { type: 'supply-deferred', at: '2025-06-10', material: 'marriage-certificate' });
    expect(r1.ok && r1.effects).toEqual([{ kind: 'deferred-supplied', at: '2025-06-10', material: 'marriage-certificate', late: false }]);
    if (!r1.ok) return;
    expect(overdueDeferred(r1.state, '2025-06-11').map((d) => d.material)).toEqual(['household-register']);
    const c = apply(r1.state, { type: 'supply-deferred', at: '2025-06-12T09:00:00+08:00', material: 'household-register' });
    expect(c.deferred).toEqual([
      { material: 'marriage-certificate', deadline: '2025-06-10', suppliedOn: '2025-06-10', late: false },
      { material: 'household-register', deadline: '2025-06-10', suppliedOn: '2025-06-12', late: true },
    ]);
    expect(outstandingDeferred(c)).toEqual([]);
    expect(transitionCase(c, { type: 'supply-deferred', at: '2025-06-13', material: 'household-register' })).toMatchObject({ ok: false, error: { code: 'already-supplied' } });
    expect(transitionCase(c, { type: 'supply-deferred', at: '2025-06-13', material: 'parents-id-cards' })).toMatchObject({ ok: false, error: { code: 'not-deferred' } });
  });
});

describe('withdrawal and derived status', () => {
  const created = createTasks(chainPlan, '2025-06-03', nationalDay2025);
  const tasks = created.ok ? created.state : [];
  const closeAll = (status: 'approved' | 'refused' | 'stopped'): Task[] => tasks.map((t) => ({ ...t, status }));

  it('before acceptance there is nothing to stop', () => {
    const r = transitionCase(submitted, { type: 'withdraw', at: '2025-06-04', tasks: [] });
    expect(r.ok && r.effects).toEqual([{ kind: 'withdrawn', at: '2025-06-04' }]);
  });

  it('stops every open task, one effect per task', () => {
    const mixed = tasks.map((t) => (t.id === 'd' ? { ...t, status: 'approved' as const } : t));
    const r = transitionCase(accepted, { type: 'withdraw', at: '2025-06-04', tasks: mixed });
    expect(r.ok && r.effects.filter((e) => e.kind === 'stop-task').map((e) => e.kind === 'stop-task' && e.task)).toEqual(['a', 'b', 'c']);
    expect(r.ok && r.state).toMatchObject({ status: 'withdrawn', withdrawnOn: '2025-06-04' });
  });

  it('is refused once every task is decided', () => {
    expect(transitionCase(stored('in-progress'), { type: 'withdraw', at: '2025-06-04', tasks: closeAll('approved') }))
      .toEqual({ ok: false, error: { code: 'case-already-decided', message: '该件各子件均已办结，不能撤回' } });
  });

  it('derives in-progress and completed from the tasks', () => {
    expect(deriveCaseStatus(accepted, tasks)).toBe('accepted');
    expect(deriveCaseStatus(accepted, tasks.map((t, i) => (i === 0 ? { ...t, status: 'claimed' } : t)))).toBe('in-progress');
    expect(deriveCaseStatus(accepted, closeAll('refused'))).toBe('completed');
    expect(deriveCaseStatus(stored('withdrawn'), closeAll('stopped'))).toBe('withdrawn');
    expect(deriveCaseStatus(submitted, [])).toBe('submitted');
  });
});
