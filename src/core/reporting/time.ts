/**
 * Instants as the national exchange writes them: China Standard Time (UTC+8, no daylight saving).
 * String arithmetic on the UTC instants the server logs (toISOString's form), so the core needs no Date.
 */
import { fromDayNumber, toDayNumber } from '../calendar/dates.ts';

const UTC_ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2})(:\d{2}(?::\d{2}(?:\.\d+)?)?)Z$/;

function shifted(iso: string): { day: string; rest: string } {
  const m = UTC_ISO.exec(iso);
  if (!m) throw new RangeError(`not a UTC ISO instant: ${JSON.stringify(iso)}`);
  const hour = Number(m[2]) + 8;
  const day = hour >= 24 ? fromDayNumber(toDayNumber(m[1] as string) + 1) : (m[1] as string);
  return { day, rest: `${String(hour % 24).padStart(2, '0')}${m[3]}` };
}

/** '2025-09-29T02:00:00.000Z' → '2025-09-29T10:00:00.000+08:00'. */
export function shanghaiTime(iso: string): string {
  const s = shifted(iso);
  return `${s.day}T${s.rest}+08:00`;
}

/** The day in China of a UTC instant. */
export const shanghaiDay = (iso: string): string => shifted(iso).day;
