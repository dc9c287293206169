// The fixed statutory public holidays (全体公民放假的节日) of a year, by the 全国年节及纪念日放假办法 in force
// that year: the State Council's 1999, 2007, 2013 and 2024 versions (the last in force from 2025-01-01).
// The official calendar adds 调休 blocks each year; without it these are the days that are surely off.

import { addDays, fromDayNumber } from './dates.ts';
import { lunarNewYearDay, lunarToDayNumber, qingmingDay } from './lunar.ts';

export interface StatutoryHoliday {
  name: '元旦' | '春节' | '清明节' | '劳动节' | '端午节' | '中秋节' | '国庆节';
  dates: string[];
}

export const FIRST_STATUTORY_YEAR = 2000;
export const LAST_STATUTORY_YEAR = 2099;

const pad = (n: number) => String(n).padStart(2, '0');
const days = (first: string, n: number) => Array.from({ length: n }, (_, i) => addDays(first, i));

/** The year's fixed statutory holidays in calendar order; a date may belong to two (中秋 on 10月1日). */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_STATUTORY_YEAR || year > LAST_STATUTORY_YEAR) {
    throw new RangeError(`statutory holidays are computed for ${FIRST_STATUTORY_YEAR}–${LAST_STATUTORY_YEAR}, not ${year}`);
  }
  const newYear = lunarNewYearDay(year);
  const lunar = (m: number, d: number) => fromDayNumber(lunarToDayNumber(year, m, d));
  // 春节: 2008–2013 除夕至初二; 2014–2024 (and 1999–2007) 初一至初三; from 2025 除夕至初三.
  const spring = year >= 2025 ? days(fromDayNumber(newYear - 1), 4)
    : year >= 2008 && year <= 2013 ? days(fromDayNumber(newYear - 1), 3)
      : days(fromDayNumber(newYear), 3);
  const labour = year >= 2025 ? 2 : year >= 2008 ? 1 : 3;
  const out: StatutoryHoliday[] = [
    { name: '元旦', dates: [`${year}-01-01`] },
    { name: '春节', dates: spring },
  ];
  if (year >= 2008) out.push({ name: '清明节', dates: [`${year}-04-${pad(qingmingDay(year))}`] });
  out.push({ name: '劳动节', dates: days(`${year}-05-01`, labour) });
  if (year >= 2008) out.push({ name: '端午节', dates: [lunar(5, 5)] }, { name: '中秋节', dates: [lunar(8, 15)] });
  out.push({ name: '国庆节', dates: days(`${year}-10-01`, 3) });
  return out.sort((a, b) => (a.dates[0] as string).localeCompare(b.dates[0] as string));
}

/** Every date of the year's fixed statutory holidays with its name(s), ascending. */
export function statutoryHolidayDates(year: number): { date: string; name: string }[] {
  const byDate = new Map<string, string>();
  for (const h of statutoryHolidays(year)) {
    for (const d of h.dates) byDate.set(d, byDate.has(d) ? `${byDate.get(d) as string}、${h.name}` : h.name);
  }
  return [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, name]) => ({ date, name }));
}
