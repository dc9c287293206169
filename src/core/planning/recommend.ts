/**
 * Recommendations after life events (issue 14): from the applicant's finished cases and the
 * life-event graph, the matters due now (with the reason) and those coming later (with their date);
 * and reminders of licences in the wallet that are about to expire.
 */
import { addDays, daysInMonth, isDate, toDayNumber } from '../calendar/dates.ts';
import { CLOSED, type Delay, type LifeEventEdge } from './life-events.ts';

export interface PastCase {
  id: string;
  matterId: string;
  /** YYYY-MM-DD in China; null while the case is still open. */
  closedOn: string | null;
  /** YYYY-MM-DD in China. */
  startedOn: string;
  /** Only a case whose matter was done leads anywhere: a rejected or withdrawn one does not. */
  done: boolean;
  /** What the applicant gave (form values), e.g. the child's birth date. */
  facts: Readonly<Record<string, unknown>>;
}

export interface Recommendation {
  matterId: string;
  why: string;
  /** The day it falls due. */
  dueOn: string;
  /** The finished case it follows from. */
  afterCaseId: string;
  afterMatterId: string;
}

export interface Recommendations {
  due: Recommendation[];
  later: Recommendation[];
}

/** `date` moved on by the delay; a day the month lacks (29 February) becomes the month's last. */
export function afterDelay(date: string, d: Pick<Delay, 'years' | 'months' | 'days'>): string {
  const months = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + d.years * 12 + d.months;
  const y = Math.floor(months / 12);
  const m = (months % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return addDays(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`, d.days);
}

/**
 * For each done case, the matters the graph recommends after it — unless the applicant already
 * started that matter since (done or under way). A delay counted from a fact the case lacks gives
 * nothing: no date can be promised. One recommendation per matter, the earliest.
 */
export function recommend(cases: readonly PastCase[], edges: readonly LifeEventEdge[], today: string): Recommendations {
  const best = new Map<string, Recommendation>();
  for (const c of cases) {
    if (!c.done || !c.closedOn) continue;
    for (const e of edges.filter((x) => x.after === c.matterId)) {
      const closedOn = c.closedOn;
      const taken = cases.some((o) => o.matterId === e.recommend && o.id !== c.id && o.startedOn >= closedOn && (o.done || o.closedOn === null));
      if (taken) continue;
      const base = e.when.from === CLOSED ? closedOn : c.facts[e.when.from];
      if (!isDate(base)) continue;
      const dueOn = afterDelay(base, e.when);
      const prev = best.get(e.recommend);
      if (!prev || dueOn < prev.dueOn) best.set(e.recommend, { matterId: e.recommend, why: e.why, dueOn, afterCaseId: c.id, afterMatterId: c.matterId });
    }
  }
  const all = [...best.values()].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.matterId < b.matterId ? -1 : 1));
  return { due: all.filter((r) => r.dueOn <= today), later: all.filter((r) => r.dueOn > today) };
}

export interface WalletLicence {
  id: string;
  name: string;
  /** YYYY-MM-DD in China. */
  issuedOn: string;
  /** The licence's own end date when it has one (null: 长期有效); otherwise counted from issuedOn and validYears. */
  validUntil?: string | null;
  validYears?: number;
  revoked?: boolean;
}

export interface LicenceReminder {
  licenceId: string;
  name: string;
  expiresOn: string;
  daysLeft: number;
}

/** The last valid day: issued + validYears, the day before the anniversary (as the wallet counts it). */
export function expiryOf(l: WalletLicence): string | null {
  if (l.validUntil !== undefined) return l.validUntil;
  if (!l.validYears) return null;
  return addDays(afterDelay(l.issuedOn, { years: l.validYears, months: 0, days: 0 }), -1);
}

/** Licences valid today whose last valid day is at most `withinDays` away, soonest first. */
export function licenceReminders(licences: readonly WalletLicence[], today: string, withinDays: number): LicenceReminder[] {
  const out: LicenceReminder[] = [];
  for (const l of licences) {
    const expiresOn = expiryOf(l);
    if (l.revoked || !expiresOn || !isDate(expiresOn)) continue;
    const daysLeft = toDayNumber(expiresOn) - toDayNumber(today);
    if (daysLeft >= 0 && daysLeft <= withinDays) out.push({ licenceId: l.id, name: l.name, expiresOn, daysLeft });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || (a.name < b.name ? -1 : 1));
}
