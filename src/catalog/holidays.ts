// Official holiday data for the working-day calendar (src/core/calendar/workdays.ts).
// The baseline comes from the `chinese-days` package, which tracks the State Council's
// yearly notices; catalogue override files (kind 'calendar') come after it and win.

import { createRequire } from 'node:module';
import type { CalendarYear } from '../core/calendar/workdays.ts';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays?: Record<string, string>;
}

// The package is CommonJS with no `exports` map, so deep requires of its dist files resolve.
const require = createRequire(import.meta.url);

/** Values look like "National Day,国庆节,3": English name, Chinese name, holiday index. */
function chineseName(value: string): string | undefined {
  const parts = value.split(',');
  return parts.length >= 3 ? parts[parts.length - 2] : undefined;
}

function yearEntry(byYear: Map<number, CalendarYear>, date: string, source: string): CalendarYear {
  const year = Number(date.slice(0, 4));
  let entry = byYear.get(year);
  if (!entry) {
    entry = { year, holidays: [], workdays: [], source, names: {} };
    byYear.set(year, entry);
  }
  return entry;
}

/** Every year the installed `chinese-days` knows, ascending, dates sorted within a year. */
export function loadPackageCalendarYears(): CalendarYear[] {
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const { version } = require('chinese-days/package.json') as { version: string };
  const source = `chinese-days@${version}`;
  const byYear = new Map<number, CalendarYear>();
  for (const date of Object.keys(data.holidays).sort()) {
    const entry = yearEntry(byYear, date, source);
    entry.holidays.push(date);
    const name = chineseName(data.holidays[date] ?? '');
    if (name && entry.names) entry.names[date] = name;
  }
  // inLieuDays (调休放假 weekdays) are already listed among holidays; nothing to add.
  for (const date of Object.keys(data.workdays).sort()) yearEntry(byYear, date, source).workdays.push(date);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Maps an already validated override document (see HolidayYear in core/catalog/types.ts). */
export function holidayYearFromOverride(
  data: { year: number; holidays: string[]; workdays: string[] },
  file: string,
): CalendarYear {
  return { year: data.year, holidays: [...data.holidays], workdays: [...data.workdays], source: file };
}
