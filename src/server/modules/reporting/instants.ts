/** The instants a pull or a period is given in, as the UTC ISO strings the log stores and compares. */
import { isDate } from '../../../core/calendar/dates.ts';

const OFFSET_MS = 8 * 3600_000;

/** The instant a China day begins: '2025-10-01' → '2025-09-30T16:00:00.000Z'. */
export const dayStart = (day: string): string => new Date(new Date(`${day}T00:00:00.000Z`).getTime() - OFFSET_MS).toISOString();

/** An ISO 8601 instant with a zone (Z or ±hh:mm), as UTC ISO; null when it is not one. */
export function parseInstant(s: string): string | null {
  // Date() would roll 2 月 30 日 over into March: the day must exist as written.
  if (!/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/.test(s) || !isDate(s.slice(0, 10))) return null;
  const t = new Date(s).getTime();
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
