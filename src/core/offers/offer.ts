/**
 * An offer (免申即享): one policy for one eligible subject, found by the rules over shared data.
 *   confirm mode: offered → confirmed by the applicant (一键确认) → 公示 …   or → declined
 *   grant mode:   found → 公示 …                          (no application is asked for)
 *   公示 → 异议 raised (held) → resolved → 公示 … → 公示期满 → the department's 二次确认 → granted | refused
 * Pure: the state, the action and the dates in; the next state or a stable error code out.
 */
import { dueDate, type Calendar } from '../calendar/workdays.ts';
import type { Policy, PolicyMode } from './policy.ts';

export const OFFER_STATUSES = ['offered', 'declined', 'publicity', 'objected', 'granted', 'refused'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_STATUS_NAME: Record<OfferStatus, string> = {
  offered: '待您确认', declined: '已放弃', publicity: '公示中', objected: '异议处理中', granted: '已兑现', refused: '不予兑现',
};

export type OfferAction =
  | { kind: 'confirm' }
  | { kind: 'decline' }
  | { kind: 'object'; today: string; objectionUntil: string }
  /** `openLeft`: objections still open once this one is resolved. */
  | { kind: 'resolve'; openLeft: number }
  | { kind: 'decide'; grant: boolean; today: string; publicityUntil: string };

export type OfferErrorCode = 'offer-state' | 'objection-closed' | 'publicity-running' | 'objection-open';
export type Transition = { ok: true; next: OfferStatus } | { ok: false; code: OfferErrorCode; message: string };

const fail = (code: OfferErrorCode, message: string): Transition => ({ ok: false, code, message });

/** Where an offer starts: waiting for the applicant's confirmation, or straight into 公示. */
export const initialStatus = (mode: PolicyMode): OfferStatus => (mode === 'confirm' ? 'offered' : 'publicity');

export function nextOfferStatus(status: OfferStatus, action: OfferAction): Transition {
  switch (action.kind) {
    case 'confirm':
    case 'decline':
      if (status !== 'offered') return fail('offer-state', status === 'declined' ? '您已放弃这项政策' : '这项政策已经确认过了');
      return { ok: true, next: action.kind === 'confirm' ? 'publicity' : 'declined' };
    case 'object':
      if (status !== 'publicity' && status !== 'objected') return fail('objection-closed', '该名单不在公示中，不再受理异议');
      if (action.today > action.objectionUntil) return fail('objection-closed', `异议期已于 ${action.objectionUntil} 结束`);
      return { ok: true, next: 'objected' };
    case 'resolve':
      if (status !== 'objected') return fail('offer-state', '该名单没有待处理的异议');
      return { ok: true, next: action.openLeft > 0 ? 'objected' : 'publicity' };
    case 'decide':
      if (status === 'objected') return fail('objection-open', '还有异议没有处理，处理后才能二次确认');
      if (status !== 'publicity') return fail('offer-state', status === 'offered' ? '申请人尚未确认，不能二次确认' : '该名单已经办结');
      if (action.today <= action.publicityUntil) return fail('publicity-running', `公示期至 ${action.publicityUntil}，期满后才能二次确认`);
      return { ok: true, next: action.grant ? 'granted' : 'refused' };
  }
}

export interface PublicityWindow {
  /** The last day of 公示, and the last day an 异议 is taken (both working-day counts from `start`). */
  publicityUntil: string;
  objectionUntil: string;
}

/** 公示 starts on `start` (the next working day if it is not one) and runs the policy's working days. */
export function publicityWindow(calendar: Calendar, start: string, policy: Pick<Policy, 'publicityDays' | 'objectionDays'>): PublicityWindow {
  return { publicityUntil: dueDate(calendar, start, policy.publicityDays), objectionUntil: dueDate(calendar, start, policy.objectionDays) };
}

/** The offer waits for the department: in 公示, past its end, with no objection open. */
export const awaitingDecision = (status: OfferStatus, publicityUntil: string | null, today: string): boolean =>
  status === 'publicity' && publicityUntil !== null && today > publicityUntil;

export interface OfferFigures {
  /** Everyone the rules found: the sum of every other line but `objections` and `awaitingDecision`. */
  eligible: number;
  /** Pushed for 一键确认 (confirm mode); grant-mode offers go straight to 公示. */
  offered: number;
  confirmed: number;
  declined: number;
  waiting: number;
  inPublicity: number;
  awaitingDecision: number;
  objected: number;
  granted: number;
  refused: number;
  /** Objections raised, whatever became of them. */
  objections: number;
}

export interface FigureRow { status: OfferStatus; mode: PolicyMode; confirmed: boolean; objections: number; publicityUntil: string | null }

export function offerFigures(rows: readonly FigureRow[], today: string): OfferFigures {
  const f: OfferFigures = { eligible: 0, offered: 0, confirmed: 0, declined: 0, waiting: 0, inPublicity: 0, awaitingDecision: 0, objected: 0, granted: 0, refused: 0, objections: 0 };
  for (const r of rows) {
    f.eligible++;
    if (r.mode === 'confirm') f.offered++;
    if (r.confirmed) f.confirmed++;
    f.objections += r.objections;
    if (r.status === 'offered') f.waiting++;
    else if (r.status === 'declined') f.declined++;
    else if (r.status === 'publicity') {
      f.inPublicity++;
      if (awaitingDecision(r.status, r.publicityUntil, today)) f.awaitingDecision++;
    } else if (r.status === 'objected') f.objected++;
    else if (r.status === 'granted') f.granted++;
    else f.refused++;
  }
  return f;
}

/**
 * A person's name as the 公示 shows it: the first and last characters, the rest starred (王*芳, 李*);
 * an enterprise's registered name is public and shown whole.
 */
export function maskedName(name: string, target: 'person' | 'enterprise'): string {
  const chars = [...name.trim()];
  if (target === 'enterprise' || chars.length === 0) return chars.join('');
  if (chars.length <= 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Whole years from `birthDate` to `today` (both 'YYYY-MM-DD'): a birthday counts on its day. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
