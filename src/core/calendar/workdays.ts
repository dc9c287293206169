// Working days (工作日) with China's official holidays and make-up workdays (调休上班).
//
// Counting rule: the day of acceptance is not counted (期间开始之日不计算在内), so
//   - dueDate(d, n), n ≥ 1, is the n-th working day strictly after d;
//   - dueDate(d, 0) (即办) is d itself if d is a working day, else the next working day;
//   - workingDaysBetween(from, to) counts working days in (from, to], so that
//     workingDaysBetween(d, dueDate(d, n)) === n for every n ≥ 1 and working day d.
// An application received on a non-working day is taken as received on the next working day
// (receiptDay), which is then the uncounted start day: the authority can only act on working days
// (行政许可法 §82: 期限以工作日计算，不含法定节假日) and the start day is not counted (民法典 §201:
// 开始的当日不计入，自下一日开始计算). Received Saturday with 5 working days: due the 5th working day
// after Monday.
// For a year without official data the fixed statutory holidays (statutory.ts) are still off, with
// no 调休 (unknown), and the year is provisional: callers flag due dates that cross it.

import { fromDayNumber, isDate, toDayNumber, weekdayOfDayNumber, yearOf, yearOfDayNumber } from './dates.ts';
import { FIRST_STATUTORY_YEAR, LAST_STATUTORY_YEAR, statutoryHolidayDates } from './statutory.ts';

export interface CalendarYear {
  year: number;
  /** official days off, including weekend days inside a holiday block */
  holidays: string[];
  /** make-up workdays on a weekend (调休上班) */
  workdays: string[];
  /** where the data came from: package@version or an override file path */
  source: string;
  /** optional holiday names by date, e.g. { '2025-10-01': '国庆节' } */
  names?: Record<string, string>;
}

export interface Calendar {
  /** years the calendar has official data for, ascending */
  readonly years: readonly number[];
  knows(year: number): boolean;
  /** true for a year without official data, whose days off are only the computed fixed holidays */
  provisional(year: number): boolean;
  isWorkingDay(date: string): boolean;
  holidayName?(date: string): string | undefined;
}

// Calendars built here answer by day number, so loops skip string round trips.
const fastPath = new WeakMap<Calendar, (day: number) => boolean>();

function checkYear(y: CalendarYear): void {
  if (!Number.isInteger(y.year) || y.year < 0 || y.year > 9999) {
    throw new RangeError(`${y.source}: bad year ${y.year}`);
  }
  const holidays = new Set(y.holidays);
  for (const [kind, list] of [['holiday', y.holidays], ['workday', y.workdays]] as const) {
    for (const d of list) {
      if (!isDate(d)) throw new RangeError(`${y.source}: ${kind} ${JSON.stringify(d)} is not a valid date`);
      if (yearOf(d) !== y.year) throw new RangeError(`${y.source}: ${kind} ${d} is not in ${y.year}`);
      if (kind === 'workday' && holidays.has(d)) throw new RangeError(`${y.source}: ${d} is both holiday and workday`);
    }
  }
}

/** A later entry for the same year replaces an earlier one wholesale (overrides come last). */
export function buildCalendar(years: CalendarYear[]): Calendar {
  const byYear = new Map<number, CalendarYear>();
  for (const y of years) {
    checkYear(y);
    byYear.set(y.year, y);
  }
  const off = new Set<number>();
  const on = new Set<number>();
  const names = new Map<string, string>();
  for (const y of byYear.values()) {
    for (const d of y.holidays) {
      off.add(toDayNumber(d));
      const name = y.names?.[d];
      if (name !== undefined) names.set(d, name);
    }
    for (const d of y.workdays) on.add(toDayNumber(d));
  }
  const sorted = Object.freeze([...byYear.keys()].sort((a, b) => a - b));
  // Unknown years get their computed fixed holidays on first use.
  const filled = new Set<number>();
  const fill = (year: number): void => {
    filled.add(year);
    if (byYear.has(year) || year < FIRST_STATUTORY_YEAR || year > LAST_STATUTORY_YEAR) return;
    for (const { date, name } of statutoryHolidayDates(year)) {
      off.add(toDayNumber(date));
      names.set(date, name);
    }
  };
  const working = (day: number): boolean => {
    if (off.has(day)) return false;
    if (on.has(day)) return true;
    const wd = weekdayOfDayNumber(day);
    if (wd === 0 || wd === 6) return false;
    const year = yearOfDayNumber(day);
    if (filled.has(year)) return true;
    fill(year);
    return !off.has(day);
  };
  const cal: Calendar = {
    years: sorted,
    knows: (year) => byYear.has(year),
    provisional: (year) => !byYear.has(year),
    isWorkingDay: (date) => working(toDayNumber(date)),
    holidayName: (date) => {
      const year = yearOf(date);
      if (!filled.has(year)) fill(year);
      return names.get(date);
    },
  };
  fastPath.set(cal, working);
  return cal;
}

function workingFn(cal: Calendar): (day: number) => boolean {
  return fastPath.get(cal) ?? ((day) => cal.isWorkingDay(fromDayNumber(day)));
}

function checkCount(n: number, nonNegative: boolean): void {
  if (!Number.isSafeInteger(n) || (nonNegative && n < 0)) {
    throw new RangeError(`working-day count must be an integer${nonNegative ? ' ≥ 0' : ''}, got ${n}`);
  }
}

/**
 * The |n|-th working day after start (n > 0) or before it (n < 0); start itself is never
 * counted. n = 0 returns start unchanged.
 */
export function addWorkingDays(cal: Calendar, start: string, n: number): string {
  checkCount(n, false);
  const working = workingFn(cal);
  const step = n < 0 ? -1 : 1;
  let day = toDayNumber(start);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (working(day)) left--;
  }
  return fromDayNumber(day);
}

/** The day an application counts as received: that day if working, else the next working day. */
export function receiptDay(cal: Calendar, receivedOn: string): string {
  const working = workingFn(cal);
  let day = toDayNumber(receivedOn);
  while (!working(day)) day++;
  return fromDayNumber(day);
}

/** Deadline for a matter accepted on acceptedOn with a time limit of workingDays (0 = 即办). */
export function dueDate(cal: Calendar, acceptedOn: string, workingDays: number): string {
  checkCount(workingDays, true);
  return addWorkingDays(cal, receiptDay(cal, acceptedOn), workingDays);
}

/**
 * A deadline with calendar-day periods (公示, 公告) in the flow: their natural days are added to the
 * working-day deadline, and an end on a day off moves to the next working day (民法典 §203).
 */
export function dueDateWithPeriods(cal: Calendar, acceptedOn: string, workingDays: number, calendarDays: number): string {
  checkCount(calendarDays, true);
  const due = dueDate(cal, acceptedOn, workingDays);
  return calendarDays === 0 ? due : receiptDay(cal, fromDayNumber(toDayNumber(due) + calendarDays));
}

/** Working days in (from, to]; 0 if to ≤ from. */
export function workingDaysBetween(cal: Calendar, from: string, to: string): number {
  const working = workingFn(cal);
  const end = toDayNumber(to);
  let count = 0;
  for (let day = toDayNumber(from) + 1; day <= end; day++) if (working(day)) count++;
  return count;
}

/** Appended to a due date that rests on a provisional year, wherever it is shown or printed. */
export const PROVISIONAL_MARK = '（暂定）';

export function dueText(date: string, provisional: boolean | undefined): string {
  return provisional ? `${date}${PROVISIONAL_MARK}` : date;
}

/** Whether a date computed over [from, to] rests on a provisional year (shown with （暂定）). */
export function isProvisional(cal: Calendar, from: string, to: string): boolean {
  let a = yearOf(from);
  let b = yearOf(to);
  if (a > b) [a, b] = [b, a];
  for (let y = a; y <= b; y++) if (cal.provisional(y)) return true;
  return false;
}

/** Years touched by [from, to] (either order) that the calendar has no official data for. */
export function unknownYears(cal: Calendar, from: string, to: string): number[] {
  let a = yearOf(from);
  let b = yearOf(to);
  if (a > b) [a, b] = [b, a];
  const out: number[] = [];
  for (let y = a; y <= b; y++) if (!cal.knows(y)) out.push(y);
  return out;
}

/**
 * The admin's warning about missing official data: this year's always, next year's from November
 * (the State Council usually announces in late October or November).
 */
export function calendarWarning(cal: Calendar, today: string): string | null {
  const year = yearOf(today);
  const month = Number(today.slice(5, 7));
  const missing = [year, ...(month >= 11 ? [year + 1] : [])].filter((y) => cal.provisional(y));
  if (missing.length === 0) return null;
  return `${missing.map((y) => `${y} 年`).join('、')}的国务院节假日安排尚未收录：期限暂按法定节假日和周末计算，不含调休，显示为“暂定”。` +
    '请在安排公布后更新 chinese-days，或在目录中添加日历文件（calendar/年份.yaml）。';
}
