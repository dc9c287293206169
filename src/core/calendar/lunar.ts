// Chinese lunar calendar (农历) 1900–2100 and the 清明 solar term, for the statutory holidays.
// LUNAR_YEARS is the table used by the common lunar calendar libraries (e.g. chinese-days, calendar.js),
// checked against the official holiday notices in src/catalog/holidays.test.ts. Per lunar year:
//   bits 15…4  months 1…12, 1 = 30 days (大月), 0 = 29 days (小月);
//   bits 3…0   the leap month (0 = none); bit 16  the leap month has 30 days.
// Lunar 1900-01-01 fell on 1900-01-31.

import { toDayNumber } from './dates.ts';

const LUNAR_YEARS = [
  0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, 0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2, // 1900
  0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255, 0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977, // 1910
  0x04970, 0x0a4b0, 0x0b4b5, 0x06a50, 0x06d40, 0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970, // 1920
  0x06566, 0x0d4a0, 0x0ea50, 0x06e95, 0x05ad0, 0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950, // 1930
  0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, 0x025d0, 0x092d0, 0x0d2b2, 0x0a950, 0x0b557, // 1940
  0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0, 0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0, // 1950
  0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570, 0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0, // 1960
  0x096d0, 0x04dd5, 0x04ad0, 0x0a4d0, 0x0d4d4, 0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6, // 1970
  0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a, 0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570, // 1980
  0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, 0x06b58, 0x055c0, 0x0ab60, 0x096d5, 0x092e0, // 1990
  0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5, // 2000
  0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930, // 2010
  0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530, // 2020
  0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, // 2030
  0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, // 2040
  0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0, // 2050
  0x0a2e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4, // 2060
  0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0, // 2070
  0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, // 2080
  0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252, // 2090
  0x0d520, // 2100
];

export const FIRST_LUNAR_YEAR = 1900;
export const LAST_LUNAR_YEAR = FIRST_LUNAR_YEAR + LUNAR_YEARS.length - 1;
const EPOCH = toDayNumber('1900-01-31');

function info(year: number): number {
  if (!Number.isInteger(year) || year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) {
    throw new RangeError(`lunar data covers ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR}, not ${year}`);
  }
  return LUNAR_YEARS[year - FIRST_LUNAR_YEAR] as number;
}

/** The leap month of a lunar year (1–12), or 0. */
export function leapMonth(year: number): number {
  return info(year) & 0xf;
}

/** Days in a lunar month; leap = the leap month that follows month. */
export function lunarMonthDays(year: number, month: number, leap = false): number {
  const bits = info(year);
  if (leap) {
    if ((bits & 0xf) !== month) throw new RangeError(`lunar ${year} has no leap month ${month}`);
    return bits & 0x10000 ? 30 : 29;
  }
  return bits & (0x10000 >> month) ? 30 : 29;
}

export function lunarYearDays(year: number): number {
  let days = 0;
  for (let m = 1; m <= 12; m++) days += lunarMonthDays(year, m);
  const leap = leapMonth(year);
  return leap ? days + lunarMonthDays(year, leap, true) : days;
}

let newYears: number[] | undefined;

/** Day number (see dates.ts) of 正月初一 of a lunar year. */
export function lunarNewYearDay(year: number): number {
  info(year);
  if (!newYears) {
    newYears = [EPOCH];
    for (let y = FIRST_LUNAR_YEAR; y < LAST_LUNAR_YEAR; y++) newYears.push((newYears[newYears.length - 1] as number) + lunarYearDays(y));
  }
  return newYears[year - FIRST_LUNAR_YEAR] as number;
}

/** Day number of a lunar date (leap = in the leap month after month). */
export function lunarToDayNumber(year: number, month: number, day: number, leap = false): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`bad lunar month ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > lunarMonthDays(year, month, leap)) throw new RangeError(`bad lunar day ${day}`);
  const leapOf = leapMonth(year);
  let n = lunarNewYearDay(year);
  for (let m = 1; m < month; m++) {
    n += lunarMonthDays(year, m);
    if (m === leapOf) n += lunarMonthDays(year, m, true);
  }
  if (leap) n += lunarMonthDays(year, month);
  return n + day - 1;
}

/**
 * Day of April of 清明 (sun at 15°), Beijing time: the usual "寿星" formula
 * [Y·0.2422 + C] − [Y/4], Y = year mod 100, C = 5.59 (1900s) or 4.81 (2000s), with no exception for
 * 清明; [Y/4] only holds while every fourth year is leap, i.e. 1901–2099.
 */
export function qingmingDay(year: number): number {
  if (!Number.isInteger(year) || year < 1901 || year > 2099) throw new RangeError(`清明 is computed for 1901–2099, not ${year}`);
  const y = year % 100;
  const c = year >= 2000 ? 4.81 : 5.59;
  return Math.floor(y * 0.2422 + c) - Math.floor(y / 4);
}
