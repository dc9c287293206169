/** What the API and the CLI share: reading a pull's window and a period, and the period report's files. */
import { isDate } from '../../../core/calendar/dates.ts';
import { periodColumns, toCsv } from '../../../core/reporting/columns.ts';
import { GROUPING_NAMES, type PeriodReport } from '../../../core/reporting/period.ts';
import { badRequest } from '../../errors.ts';
import { parseInstant } from './instants.ts';
import type { Window } from './service.ts';
import { workbook } from '../../documents/workbook.ts';

const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 5000;

const badPeriod = (path: string, message: string) => badRequest('invalid-period', message, [{ path, message }]);

/** The pull's window: since ≤ t < until (default: now), as UTC instants the log compares. */
function limitOf(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIMIT;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_LIMIT) throw badRequest('invalid-request', `limit 应为 1 至 ${MAX_LIMIT} 的整数`, [{ path: 'querystring.limit', message: `应为 1 至 ${MAX_LIMIT} 的整数` }]);
  return n;
}

export function pullWindow(q: { since: string; until?: string; limit?: string }, now: Date): Window {
  const since = parseInstant(q.since);
  if (!since) throw badPeriod('querystring.since', 'since 应为带时区的 ISO 8601 时刻，如 2025-10-01T00:00:00+08:00');
  if (q.until === undefined) {
    // Pulling again with the last `next` straight away asks for nothing yet: an empty answer, not an error.
    const current = now.toISOString();
    return { since, until: current > since ? current : since, limit: limitOf(q.limit) };
  }
  const until = parseInstant(q.until);
  if (!until) throw badPeriod('querystring.until', 'until 应为带时区的 ISO 8601 时刻，如 2025-11-01T00:00:00+08:00');
  if (since >= until) throw badPeriod('querystring.until', '截止时刻应晚于起始时刻');
  return { since, until, limit: limitOf(q.limit) };
}

export function checkPeriod(from: string, to: string, path = 'querystring'): void {
  if (!isDate(from)) throw badPeriod(`${path}.from`, '起始日期应为 YYYY-MM-DD 格式的有效日期');
  if (!isDate(to)) throw badPeriod(`${path}.to`, '截止日期应为 YYYY-MM-DD 格式的有效日期');
  if (from >= to) throw badPeriod(`${path}.to`, '截止日期（不含）应晚于起始日期');
}

export const periodFileName = (r: Pick<PeriodReport, 'from' | 'to' | 'by'>, ext: string) => ({
  ascii: `report-${r.by}-${r.from}-${r.to}.${ext}`,
  chinese: `办件统计-${GROUPING_NAMES[r.by]}-${r.from}至${r.to}.${ext}`,
});

export const periodWorkbook = (r: PeriodReport) => workbook({ name: GROUPING_NAMES[r.by], columns: periodColumns(r.by), rows: r.rows, total: r.total });
export const periodCsv = (r: PeriodReport) => toCsv(periodColumns(r.by), [...r.rows, r.total]);

