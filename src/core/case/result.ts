/** What every case and task transition returns, and how the `at` of an action becomes a day. */
import { fromDayNumber, isDate, MAX_DAY, MIN_DAY, toDayNumber } from '../calendar/dates.ts';

export interface TransitionError<C extends string = string> {
  code: C;
  message: string;
}

export type Transition<S, E, C extends string = string> =
  | { ok: true; state: S; effects: E[] }
  | { ok: false; error: TransitionError<C> };

export function done<S, E>(state: S, effects: E[]): { ok: true; state: S; effects: E[] } {
  return { ok: true, state, effects };
}

export function fail<C extends string>(code: C, message: string): { ok: false; error: TransitionError<C> } {
  return { ok: false, error: { code, message } };
}

const ISO_RE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const BEIJING_MINUTES = 8 * 60;

const known = new Map<string, string | undefined>();

/**
 * The calendar day of an action: a 'YYYY-MM-DD' date as is; an ISO date-time with an offset is read in
 * Beijing time (UTC+8), since working days and deadlines are Chinese calendar facts; one without an
 * offset is taken as local. Undefined when `at` is not such a string.
 */
export function dayOf(at: unknown): string | undefined {
  if (typeof at !== 'string') return undefined;
  // Memoised: a flow reads the same few dates over and over.
  if (known.has(at)) return known.get(at);
  if (known.size >= 4096) known.clear();
  const day = readDay(at);
  known.set(at, day);
  return day;
}

function readDay(at: string): string | undefined {
  const m = ISO_RE.exec(at);
  if (!m || !isDate(m[1])) return undefined;
  const date = m[1] as string;
  const zone = m[4];
  if (m[2] === undefined) return date;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 23 || minutes > 59) return undefined;
  if (zone === undefined) return date;
  let offset = 0;
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 14 || om > 59) return undefined;
    offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const shift = Math.floor((hours * 60 + minutes - offset + BEIJING_MINUTES) / 1440);
  if (shift === 0) return date;
  const day = toDayNumber(date) + shift;
  return day < MIN_DAY || day > MAX_DAY ? undefined : fromDayNumber(day);
}

export const badDate = (at: unknown) =>
  fail('invalid-date', `日期「${String(at)}」无效，应为 YYYY-MM-DD 或带时区的 ISO 时间`);

export const outOfOrder = (day: string, last: string) =>
  fail('date-out-of-order', `办理日期 ${day} 早于上一次办理日期 ${last}`);
