/**
 * A case (办件): one application for one key matter, from draft to acceptance (possibly on commitment,
 * 容缺受理), rejection or withdrawal. Incomplete materials are not a rejection (行政许可法 §32): the window
 * tells every correction at once and the case waits, open, in 'correcting' until they are supplied. 'in-progress' and 'completed' follow from its tasks (see
 * deriveCaseStatus); transitions accept them as stored statuses too. Pure: errors are values.
 */
import { isDate } from '../calendar/dates.ts';
import type { PlannedMaterial } from '../planning/types.ts';
import { correctionError, type CorrectionItem, type CorrectionRequest, type FieldRef, type RejectionKind, rejectionError, suppliedError } from './corrections.ts';
import { badDate, dayOf, done, fail, outOfOrder, type Transition } from './result.ts';
import { isTaskFinal, type Task } from './task.ts';

export type CaseStatus = 'draft' | 'submitted' | 'correcting' | 'accepted' | 'rejected' | 'withdrawn' | 'in-progress' | 'completed';

export const CASE_STATUSES: readonly CaseStatus[] = ['draft', 'submitted', 'correcting', 'accepted', 'rejected', 'withdrawn', 'in-progress', 'completed'];

export const CASE_STATUS_LABEL: Readonly<Record<CaseStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  correcting: '待补正',
  accepted: '已受理',
  rejected: '不予受理',
  withdrawn: '已撤回',
  'in-progress': '办理中',
  completed: '已办结',
};

export const isCaseFinal = (s: CaseStatus): boolean => s === 'rejected' || s === 'withdrawn' || s === 'completed';

/** Accepted with tasks under way or done (stored as 'accepted' or derived). */
const isAccepted = (s: CaseStatus): boolean => s === 'accepted' || s === 'in-progress' || s === 'completed';

export interface DeferredMaterial {
  material: string;
  deadline: string;
  suppliedOn?: string;
  /** Supplied after the deadline. */
  late?: boolean;
}

export interface CaseRecord {
  id: string;
  matter: string;
  status: CaseStatus;
  updatedOn?: string;
  submittedOn?: string;
  acceptedOn?: string;
  onCommitment: boolean;
  deferred: DeferredMaterial[];
  rejectedOn?: string;
  /** Why it was not accepted (不予受理): outside the centre's remit, or the applicant not eligible. */
  rejection?: { kind: RejectionKind; reason: string };
  /** Rejections recorded before 补正 was its own step listed corrections here. */
  corrections?: string[];
  /** The latest 补正材料通知书 (一次性告知) and when it was answered; earlier ones are in the case's history. */
  correction?: CorrectionRequest;
  withdrawnOn?: string;
}

export type MaterialRef = Pick<PlannedMaterial, 'id' | 'name' | 'status' | 'deferrable'>;

export type CaseAction =
  | { type: 'submit'; at: string }
  | { type: 'accept'; at: string }
  | {
      type: 'accept-on-commitment';
      at: string;
      deferred: { material: string; deadline: string }[];
      /** The plan's materials, and the ids of those the applicant did not bring. */
      materials: readonly MaterialRef[];
      missing: readonly string[];
    }
  | {
      type: 'ask-corrections';
      at: string;
      items: readonly Omit<CorrectionItem, 'name'>[];
      /** The day the applicant is asked to supply by, if any. */
      deadline?: string;
      /** What a correction may name: the plan's materials and the form's fields. */
      materials: readonly MaterialRef[];
      fields: readonly FieldRef[];
    }
  /** The corrections are supplied (已补正): `supplied` lists the named materials with a new upload and the named fields given a new value. */
  | { type: 'resubmit'; at: string; by: 'applicant' | 'window'; supplied: readonly string[] }
  | { type: 'reject'; at: string; kind: RejectionKind; reason: string }
  | { type: 'withdraw'; at: string; tasks: readonly Task[] }
  | { type: 'supply-deferred'; at: string; material: string };

export type CaseActionType = CaseAction['type'];

export type CaseEffect =
  | { kind: 'submitted'; at: string }
  /** The caller now creates the tasks (createTasks). */
  | { kind: 'accepted'; at: string; onCommitment: boolean; deferred: DeferredMaterial[] }
  | { kind: 'corrections-asked'; at: string; items: CorrectionItem[] }
  | { kind: 'resubmitted'; at: string; by: 'applicant' | 'window' }
  | { kind: 'rejected'; at: string; rejection: { kind: RejectionKind; reason: string } }
  | { kind: 'withdrawn'; at: string }
  | { kind: 'stop-task'; at: string; task: string; reason: string }
  | { kind: 'deferred-supplied'; at: string; material: string; late: boolean };

export type CaseErrorCode =
  | 'invalid-date'
  | 'date-out-of-order'
  | 'case-not-submitted'
  | 'case-already-submitted'
  | 'case-already-accepted'
  | 'case-closed'
  | 'case-already-decided'
  | 'nothing-missing'
  | 'unknown-material'
  | 'not-required'
  | 'not-deferrable'
  | 'deferred-mismatch'
  | 'invalid-deadline'
  | 'rejection-needs-reason'
  | 'corrections-required'
  | 'correction-incomplete'
  | 'unknown-field'
  | 'corrections-pending'
  | 'not-correcting'
  | 'corrections-not-supplied'
  | 'not-on-commitment'
  | 'not-deferred'
  | 'already-supplied';

export type CaseTransition = Transition<CaseRecord, CaseEffect, CaseErrorCode>;

export const WITHDRAWN_REASON = '申请人撤回申请，本子件终止办理';

const VERB: Readonly<Record<CaseActionType, string>> = {
  submit: '提交',
  accept: '受理',
  'accept-on-commitment': '容缺受理',
  'ask-corrections': '一次性告知补正',
  resubmit: '提交补正',
  reject: '不予受理',
  withdraw: '撤回',
  'supply-deferred': '补交容缺材料',
};

export function newCase(id: string, matter: string): CaseRecord {
  const unset = undefined;
  return { id, matter, status: 'draft', updatedOn: unset, submittedOn: unset, acceptedOn: unset, onCommitment: false, deferred: [], rejectedOn: unset, corrections: unset, withdrawnOn: unset };
}

const quote = (names: string[]) => names.map((n) => `「${n}」`).join('');

function statusError(c: CaseRecord, type: CaseActionType): CaseTransition | undefined {
  const verb = VERB[type];
  if (c.status === 'rejected') return fail('case-closed', `该件已不予受理，不能${verb}`);
  if (c.status === 'withdrawn') return fail('case-closed', `该件已撤回，不能${verb}`);
  switch (type) {
    case 'submit':
      return c.status === 'draft' ? undefined : fail('case-already-submitted', '该件已提交，不能重复提交');
    case 'accept':
    case 'accept-on-commitment':
    case 'ask-corrections':
    case 'reject':
      if (c.status === 'draft') return fail('case-not-submitted', `该件尚未提交，不能${verb}`);
      // Not accepting a case waiting for its corrections is still possible (the applicant may turn out not eligible).
      if (c.status === 'correcting') return type === 'reject' ? undefined : fail('corrections-pending', `该件正在等待补正，补正后方可${verb}`);
      return c.status === 'submitted' ? undefined : fail('case-already-accepted', `该件已受理，不能${verb}`);
    case 'resubmit':
      return c.status === 'correcting' ? undefined : fail('not-correcting', '该件没有待补正的内容');
    case 'withdraw':
      return c.status === 'completed' ? fail('case-already-decided', '该件各子件均已办结，不能撤回') : undefined;
    case 'supply-deferred':
      return isAccepted(c.status) && c.onCommitment ? undefined : fail('not-on-commitment', '该件不是容缺受理，没有待补交的材料');
  }
}

function commitmentError(action: Extract<CaseAction, { type: 'accept-on-commitment' }>, day: string): CaseTransition | undefined {
  if (!Array.isArray(action.missing) || action.missing.length === 0) return fail('nothing-missing', '材料齐全，应直接受理，无需容缺');
  const byId = new Map(action.materials.map((m) => [m.id, m]));
  const unknown = action.missing.filter((id) => !byId.has(id));
  if (unknown.length > 0) return fail('unknown-material', `办理清单中没有这些材料：${quote(unknown)}`);
  const missing = action.missing.map((id) => byId.get(id) as MaterialRef);
  const exempt = missing.filter((m) => m.status === 'exempt');
  if (exempt.length > 0) return fail('not-required', `以下材料已免于提交，无需容缺：${quote(exempt.map((m) => m.name))}`);
  const fixed = missing.filter((m) => !m.deferrable);
  if (fixed.length > 0) return fail('not-deferrable', `以下材料不可容缺，须补齐后方可受理：${quote(fixed.map((m) => m.name))}`);
  const listed = action.deferred.map((d) => d.material);
  const same = listed.length === action.missing.length && new Set(listed).size === listed.length && listed.every((id) => action.missing.includes(id));
  if (!same) return fail('deferred-mismatch', '容缺材料清单应与所缺材料逐一对应，每项注明补交期限');
  const bad = action.deferred.filter((d) => !isDate(d.deadline) || d.deadline < day);
  if (bad.length > 0) return fail('invalid-deadline', `补交期限应为不早于受理日的日期：${quote(bad.map((d) => byId.get(d.material)?.name ?? d.material))}`);
  return undefined;
}

function payloadError(c: CaseRecord, action: CaseAction, day: string): CaseTransition | undefined {
  switch (action.type) {
    case 'accept-on-commitment':
      return commitmentError(action, day);
    case 'ask-corrections':
      return correctionError(action, day);
    case 'resubmit':
      return c.correction ? suppliedError(c.correction, action.supplied) : fail('not-correcting', '该件没有待补正的内容');
    case 'reject':
      return rejectionError(action.kind, action.reason);
    case 'withdraw':
      return action.tasks.length > 0 && action.tasks.every((t) => isTaskFinal(t.status))
        ? fail('case-already-decided', '该件各子件均已办结，不能撤回')
        : undefined;
    case 'supply-deferred': {
      const d = c.deferred.find((x) => x.material === action.material);
      if (!d) return fail('not-deferred', `材料「${action.material}」不在容缺清单中`);
      return d.suppliedOn === undefined ? undefined : fail('already-supplied', `材料「${action.material}」已于 ${d.suppliedOn} 补交`);
    }
    default:
      return undefined;
  }
}

export function transitionCase(c: CaseRecord, action: CaseAction): CaseTransition {
  const refused = statusError(c, action.type);
  if (refused) return refused;
  const day = dayOf(action.at);
  if (day === undefined) return badDate(action.at);
  const invalid = payloadError(c, action, day);
  if (invalid) return invalid;
  if (c.updatedOn !== undefined && day < c.updatedOn) return outOfOrder(day, c.updatedOn);
  const { at } = action;
  switch (action.type) {
    case 'submit':
      return done({ ...c, status: 'submitted', updatedOn: day, submittedOn: day }, [{ kind: 'submitted', at }]);
    case 'accept':
      return done({ ...c, status: 'accepted', updatedOn: day, acceptedOn: day }, [{ kind: 'accepted', at, onCommitment: false, deferred: [] }]);
    case 'accept-on-commitment': {
      const deferred = action.deferred.map((d) => ({ material: d.material, deadline: d.deadline }));
      const state: CaseRecord = { ...c, status: 'accepted', updatedOn: day, acceptedOn: day, onCommitment: true, deferred };
      return done(state, [{ kind: 'accepted', at, onCommitment: true, deferred }]);
    }
    case 'ask-corrections': {
      const items = namedItems(action);
      const correction: CorrectionRequest = { requestedOn: day, requestedAt: at, items, ...(action.deadline ? { deadline: action.deadline } : {}) };
      return done({ ...c, status: 'correcting', updatedOn: day, correction }, [{ kind: 'corrections-asked', at, items }]);
    }
    case 'resubmit': {
      const correction = { ...(c.correction as CorrectionRequest), answeredOn: day, answeredBy: action.by };
      return done({ ...c, status: 'submitted', updatedOn: day, correction }, [{ kind: 'resubmitted', at, by: action.by }]);
    }
    case 'reject': {
      const rejection = { kind: action.kind, reason: action.reason.trim() };
      return done({ ...c, status: 'rejected', updatedOn: day, rejectedOn: day, rejection }, [{ kind: 'rejected', at, rejection }]);
    }
    case 'withdraw': {
      const effects: CaseEffect[] = [{ kind: 'withdrawn', at }];
      for (const t of action.tasks) if (!isTaskFinal(t.status)) effects.push({ kind: 'stop-task', at, task: t.id, reason: WITHDRAWN_REASON });
      return done({ ...c, status: 'withdrawn', updatedOn: day, withdrawnOn: day }, effects);
    }
    case 'supply-deferred': {
      let late = false;
      const deferred = c.deferred.map((d) => {
        if (d.material !== action.material) return d;
        late = day > d.deadline;
        return { ...d, suppliedOn: day, late };
      });
      return done({ ...c, updatedOn: day, deferred }, [{ kind: 'deferred-supplied', at, material: action.material, late }]);
    }
  }
}

/** Each correction with the name of the material or field it is about, as the applicant will read it. */
function namedItems(action: Extract<CaseAction, { type: 'ask-corrections' }>): CorrectionItem[] {
  return action.items.map((x) => {
    const name = x.material !== undefined ? action.materials.find((m) => m.id === x.material)?.name : action.fields.find((f) => f.id === x.field)?.label;
    return { ...(x.material !== undefined ? { material: x.material } : { field: x.field as string }), name: name ?? '', problem: x.problem.trim(), correction: x.correction.trim() };
  });
}

/** Deferred materials not supplied yet. */
export function outstandingDeferred(c: CaseRecord): DeferredMaterial[] {
  return c.deferred.filter((d) => d.suppliedOn === undefined);
}

/** Deferred materials still missing after their deadline, as of `today` ('YYYY-MM-DD'). */
export function overdueDeferred(c: CaseRecord, today: string): DeferredMaterial[] {
  return c.deferred.filter((d) => d.suppliedOn === undefined && d.deadline < today);
}
