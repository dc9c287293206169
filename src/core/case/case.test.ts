import { describe, expect, it } from 'vitest';
import {
  CASE_STATUS_LABEL, CASE_STATUSES, newCase, outstandingDeferred, overdueDeferred, transitionCase,
  type CaseAction, type CaseErrorCode, type CaseRecord, type CaseStatus, type MaterialRef,
} from './case.ts';
import { createTasks, deriveCaseStatus } from './orchestrate.ts';
import { correctionNoticeTerm, type CorrectionItem } from './corrections.ts';
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

const fields = [{ id: 'childName', label: '新生儿姓名' }];
function ask(items: Omit<CorrectionItem, 'name'>[]): CaseAction {
  return { type: 'ask-corrections', at: '2025-06-04', items, materials, fields };
}

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
      [stored('in-progress'), { type: 'reject', at: '2025-06-04', kind: 'not-eligible', reason: 'x' }, 'case-already-accepted'],
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
      { type: 'reject', at: '2025-06-04', kind: 'outside-remit', reason: '不属于本中心' }, { type: 'withdraw', at: '2025-06-04', tasks: [] },
      ask([{ material: 'household-register', problem: '缺页', correction: '补齐' }]), { type: 'resubmit', at: '2025-06-04', by: 'applicant', supplied: ['household-register'] },
      { type: 'supply-deferred', at: '2025-06-04', material: 'marriage-certificate' },
    ];
    for (const s of CASE_STATUSES) for (const a of actions) expect(typeof transitionCase(stored(s), a).ok).toBe('boolean');
  });

  it('rejection is only for a matter outside the remit or an applicant not eligible, with a reason', () => {
    expect(transitionCase(submitted, { type: 'reject', at: '2025-06-04', kind: 'incomplete' as never, reason: '材料不全' })).toMatchObject({ ok: false, error: { code: 'rejection-needs-reason' } });
    expect(transitionCase(submitted, { type: 'reject', at: '2025-06-04', kind: 'not-eligible', reason: '  ' })).toMatchObject({ ok: false, error: { code: 'rejection-needs-reason' } });
    const r = transitionCase(submitted, { type: 'reject', at: '2025-06-04', kind: 'not-eligible', reason: '申请人不是新生儿的父母或监护人' });
    expect(r).toMatchObject({ ok: true, state: { status: 'rejected', rejectedOn: '2025-06-04', rejection: { kind: 'not-eligible', reason: '申请人不是新生儿的父母或监护人' } } });
  });
});

describe('补正 at acceptance (行政许可法 §32)', () => {
  const asked = apply(submitted, ask([
    { material: 'household-register', problem: '缺少户主页', correction: '请上传含户主页的完整户口簿' },
    { field: 'childName', problem: '与出生医学证明不一致', correction: '请按出生医学证明填写' },
  ]));

  it('keeps the case open, waiting, with every correction named at once', () => {
    expect(asked).toMatchObject({ status: 'correcting', submittedOn: '2025-06-03', correction: { requestedOn: '2025-06-04', items: [{ material: 'household-register', name: '居民户口簿' }, { field: 'childName', name: '新生儿姓名' }] } });
    expect(CASE_STATUS_LABEL.correcting).toBe('待补正');
  });

  it('needs at least one correction, each naming a material of the plan or a field of the form', () => {
    const cases: [CaseAction, CaseErrorCode][] = [
      [ask([]), 'corrections-required'],
      [ask([{ problem: '错', correction: '改' }]), 'correction-incomplete'],
      [ask([{ material: 'household-register', field: 'childName', problem: '错', correction: '改' }]), 'correction-incomplete'],
      [ask([{ material: 'household-register', problem: ' ', correction: '改' }]), 'correction-incomplete'],
      [ask([{ material: 'lease', problem: '错', correction: '改' }]), 'unknown-material'],
      [ask([{ material: 'delivery-record', problem: '错', correction: '改' }]), 'not-required'],
      [ask([{ field: 'nickname', problem: '错', correction: '改' }]), 'unknown-field'],
      [{ ...ask([{ field: 'childName', problem: '错', correction: '改' }]), deadline: '2025-06-01' } as CaseAction, 'invalid-deadline'],
    ];
    for (const [a, code] of cases) expect(transitionCase(submitted, a), code).toMatchObject({ ok: false, error: { code } });
  });

  it('is not accepted while corrections are pending, and 已补正 needs every named material and field', () => {
    expect(transitionCase(asked, { type: 'accept', at: '2025-06-05' })).toMatchObject({ ok: false, error: { code: 'corrections-pending' } });
    const partly = transitionCase(asked, { type: 'resubmit', at: '2025-06-05', by: 'applicant', supplied: ['childName'] });
    expect(partly).toMatchObject({ ok: false, error: { code: 'corrections-not-supplied' } });
    expect(!partly.ok && partly.error.message).toContain('居民户口簿');
    expect(transitionCase(submitted, { type: 'resubmit', at: '2025-06-05', by: 'applicant', supplied: [] })).toMatchObject({ ok: false, error: { code: 'not-correcting' } });
  });

  it('goes back to the window once supplied, which accepts it as it stands', () => {
    const back = apply(asked, { type: 'resubmit', at: '2025-06-05', by: 'window', supplied: ['household-register', 'childName'] });
    expect(back).toMatchObject({ status: 'submitted', correction: { answeredOn: '2025-06-05', answeredBy: 'window' } });
    expect(apply(back, { type: 'accept', at: '2025-06-05' })).toMatchObject({ status: 'accepted', acceptedOn: '2025-06-05', submittedOn: '2025-06-03' });
    expect(apply(back, { ...commit(['marriage-certificate'], [{ material: 'marriage-certificate', deadline: '2025-06-20' }]), at: '2025-06-05' } as CaseAction)).toMatchObject({ status: 'accepted', onCommitment: true });
  });

  it('can still be refused (not eligible) or withdrawn while waiting', () => {
    expect(apply(asked, { type: 'reject', at: '2025-06-05', kind: 'not-eligible', reason: '非本人' }).status).toBe('rejected');
    expect(apply(asked, { type: 'withdraw', at: '2025-06-05', tasks: [] }).status).toBe('withdrawn');
  });

  it('gives the window 5 working days from receipt to tell them, across a holiday', () => {
    // Received on Tuesday 30 September 2025; 1–8 October are off and Saturday 11 October is a make-up workday: the fifth working day after is 14 October.
    const t = correctionNoticeTerm(nationalDay2025, '2025-09-30', '2025-10-11');
    expect(t).toMatchObject({ receivedOn: '2025-09-30', lastDay: '2025-10-14', daysLeft: 2, overdue: false, text: '还剩 2 个工作日' });
    expect(correctionNoticeTerm(nationalDay2025, '2025-09-30', '2025-10-13').text).toBe('还剩 1 个工作日');
    expect(correctionNoticeTerm(nationalDay2025, '2025-09-30', '2025-10-14').text).toBe('今天是补正告知的最后一天');
    expect(correctionNoticeTerm(nationalDay2025, '2025-09-30', '2025-10-15')).toMatchObject({ overdue: true, text: '已超过补正告知期限，视为受理' });
    // Received on a holiday: counted from the next working day (9 October).
    expect(correctionNoticeTerm(nationalDay2025, '2025-10-03', '2025-10-03')).toMatchObject({ receivedOn: '2025-10-09', lastDay: '2025-10-15' });
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
