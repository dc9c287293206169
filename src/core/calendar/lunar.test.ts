// Lunar dates checked against the Hong Kong Observatory's Gregorian–lunar tables and the official
// holiday notices; the package's official data is compared over 2020–2026 in src/catalog/holidays.test.ts.
import { describe, expect, it } from 'vitest';
import { fromDayNumber } from './dates.ts';
import { FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR, leapMonth, lunarMonthDays, lunarNewYearDay, lunarToDayNumber, lunarYearDays, qingmingDay } from './lunar.ts';

describe('lunar calendar', () => {
  it('finds 正月初一', () => {
    const cases: [number, string][] = [
      [1900, '1900-01-31'], [1949, '1949-01-29'], [2000, '2000-02-05'], [2020, '2020-01-25'], [2023, '2023-01-22'],
      [2024, '2024-02-10'], [2025, '2025-01-29'], [2026, '2026-02-17'], [2027, '2027-02-06'], [2028, '2028-01-26'],
      [2030, '2030-02-03'], [2050, '2050-01-23'], [2100, '2100-02-09'],
    ];
    for (const [y, d] of cases) expect(fromDayNumber(lunarNewYearDay(y)), String(y)).toBe(d);
  });

  it('knows leap months and their length', () => {
    expect(leapMonth(2023)).toBe(2); // 闰二月
    expect(leapMonth(2025)).toBe(6); // 闰六月
    expect(leapMonth(2026)).toBe(0);
    expect(leapMonth(2033)).toBe(11); // 闰十一月 (the "2033 problem")
    expect(fromDayNumber(lunarToDayNumber(2025, 6, 1, true))).toBe('2025-07-25');
    expect(fromDayNumber(lunarToDayNumber(2025, 7, 1))).toBe('2025-08-23');
    expect(() => lunarMonthDays(2026, 6, true)).toThrow(RangeError);
  });

  it('has years of 353–355 or 383–385 days that chain into each other', () => {
    for (let y = FIRST_LUNAR_YEAR; y < LAST_LUNAR_YEAR; y++) {
      const n = lunarYearDays(y);
      expect(leapMonth(y) ? n >= 383 && n <= 385 : n >= 353 && n <= 355, String(y)).toBe(true);
      expect(lunarNewYearDay(y + 1) - lunarNewYearDay(y)).toBe(n);
    }
  });

  it('converts the festival dates', () => {
    expect(fromDayNumber(lunarToDayNumber(2025, 5, 5))).toBe('2025-05-31'); // 端午
    expect(fromDayNumber(lunarToDayNumber(2025, 8, 15))).toBe('2025-10-06'); // 中秋
    expect(fromDayNumber(lunarToDayNumber(2023, 8, 15))).toBe('2023-09-29'); // after 闰二月
    expect(fromDayNumber(lunarToDayNumber(2020, 8, 15))).toBe('2020-10-01');
  });

  it('rejects dates outside the table or the month', () => {
    expect(() => lunarNewYearDay(1899)).toThrow(RangeError);
    expect(() => lunarNewYearDay(2101)).toThrow(RangeError);
    expect(() => lunarToDayNumber(2026, 13, 1)).toThrow(RangeError);
    expect(() => lunarToDayNumber(2026, 1, 31)).toThrow(RangeError);
  });

  it('puts 清明 on 4 or 5 April', () => {
    const known: [number, number][] = [[2008, 4], [2019, 5], [2020, 4], [2022, 5], [2024, 4], [2025, 4], [2026, 5], [2027, 5], [2028, 4], [1990, 5]];
    for (const [y, d] of known) expect(qingmingDay(y), String(y)).toBe(d);
    for (let y = 1901; y <= 2099; y++) expect([4, 5, 6]).toContain(qingmingDay(y));
    expect(() => qingmingDay(2100)).toThrow(RangeError);
  });
});
