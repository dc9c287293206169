// Synthetic data only (src/core may not load the package); real data is tested in
// src/catalog/holidays.test.ts. Weekdays below were checked against an independent calendar:
// 2099-09-27 Sun, 2099-10-01 Thu, 2099-10-10 Sat, 2099-01-01 Thu, 2098-12-31 Wed.
// The test runner is the one import from outside src/core.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from './dates.ts';
import {
  addWorkingDays,
  buildCalendar,
  dueDate,
  unknownYears,
  workingDaysBetween,
  type Calendar,
  type CalendarYear,
} from './workdays.ts';

const golden: CalendarYear = {
  year: 2099,
  holidays: ['2099-01-01', '2099-10-01', '2099-10-02', '2099-10-03', '2099-10-04', '2099-10-05', '2099-10-06', '2099-10-07'],
  workdays: ['2099-09-27', '2099-10-10'],
  source: 'synthetic-2099.yaml',
  names: { '2099-10-01': '国庆节' },
};
const cal = buildCalendar([golden]);

describe('buildCalendar', () => {
  it('applies holidays and make-up workdays', () => {
    expect(cal.years).toEqual([2099]);
    expect(cal.knows(2099)).toBe(true);
    expect(cal.knows(2098)).toBe(false);
    expect(cal.isWorkingDay('2099-10-01')).toBe(false);
    expect(cal.isWorkingDay('2099-10-04')).toBe(false);
    expect(cal.isWorkingDay('2099-09-27')).toBe(true); // Sunday, make-up
    expect(cal.isWorkingDay('2099-10-10')).toBe(true); // Saturday, make-up
    expect(cal.isWorkingDay('2099-10-11')).toBe(false); // plain Sunday
    expect(cal.isWorkingDay('2099-10-08')).toBe(true);
    expect(cal.holidayName?.('2099-10-01')).toBe('国庆节');
    expect(cal.holidayName?.('2099-10-08')).toBeUndefined();
  });

  it('lets a later entry for the same year replace an earlier one', () => {
    const override: CalendarYear = { year: 2099, holidays: ['2099-03-02'], workdays: [], source: 'override.yaml' };
    const c = buildCalendar([golden, override]);
    expect(c.years).toEqual([2099]);
    expect(c.isWorkingDay('2099-03-02')).toBe(false); // Monday, now a holiday
    expect(c.isWorkingDay('2099-10-01')).toBe(true); // no longer a holiday
    expect(c.isWorkingDay('2099-09-27')).toBe(false); // make-up Sunday gone
    expect(c.holidayName?.('2099-10-01')).toBeUndefined();
  });

  it('adds years and keeps them sorted', () => {
    const c = buildCalendar([golden, { year: 2097, holidays: [], workdays: [], source: 'x' }]);
    expect(c.years).toEqual([2097, 2099]);
  });

  it('rejects inconsistent data, naming the source', () => {
    const bad = (y: Partial<CalendarYear>) => () => buildCalendar([{ ...golden, ...y }]);
    expect(bad({ holidays: ['2098-10-01'] })).toThrow(/synthetic-2099.yaml.*not in 2099/);
    expect(bad({ workdays: ['2099-02-30'] })).toThrow(/not a valid date/);
    expect(bad({ workdays: ['2099-10-01'] })).toThrow(/both holiday and workday/);
    expect(bad({ year: 2099.5 })).toThrow(/bad year/);
  });
});

describe('dueDate / addWorkingDays', () => {
  it('does not count the day of acceptance and skips the holiday', () => {
    expect(dueDate(cal, '2099-09-30', 1)).toBe('2099-10-08');
    expect(dueDate(cal, '2099-09-30', 2)).toBe('2099-10-09');
    expect(dueDate(cal, '2099-09-30', 3)).toBe('2099-10-10');
    expect(dueDate(cal, '2099-09-30', 4)).toBe('2099-10-12');
    expect(dueDate(cal, '2099-09-25', 1)).toBe('2099-09-27');
  });

  it('即办 (n = 0) is the same day if working, else the next working day', () => {
    expect(dueDate(cal, '2099-09-30', 0)).toBe('2099-09-30');
    expect(dueDate(cal, '2099-10-03', 0)).toBe('2099-10-08');
    expect(dueDate(cal, '2099-09-27', 0)).toBe('2099-09-27');
    expect(dueDate(cal, '2099-09-26', 0)).toBe('2099-09-27');
  });

  it('crosses from an unknown year (weekends only) into a known one', () => {
    expect(dueDate(cal, '2098-12-31', 1)).toBe('2099-01-02');
    expect(dueDate(cal, '2098-12-31', 2)).toBe('2099-01-05');
  });

  it('counts backwards for negative n and returns start for n = 0', () => {
    expect(addWorkingDays(cal, '2099-10-08', -1)).toBe('2099-09-30');
    expect(addWorkingDays(cal, '2099-09-28', -1)).toBe('2099-09-27');
    expect(addWorkingDays(cal, '2099-10-03', 0)).toBe('2099-10-03');
  });

  it('rejects bad counts and dates', () => {
    expect(() => dueDate(cal, '2099-10-01', -1)).toThrow(RangeError);
    expect(() => dueDate(cal, '2099-10-01', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2099-10-01', Number.NaN)).toThrow(RangeError);
    expect(() => dueDate(cal, '2099-13-01', 1)).toThrow(RangeError);
  });

  it('works with any Calendar implementation, not only buildCalendar', () => {
    const allWeekdays: Calendar = {
      years: [],
      knows: () => false,
      isWorkingDay: (d) => d !== '2099-10-08' && cal.isWorkingDay(d),
    };
    expect(dueDate(allWeekdays, '2099-09-30', 1)).toBe('2099-10-09');
    expect(workingDaysBetween(allWeekdays, '2099-09-30', '2099-10-09')).toBe(1);
  });
});

describe('workingDaysBetween', () => {
  it('counts (from, to]', () => {
    expect(workingDaysBetween(cal, '2099-09-25', '2099-10-10')).toBe(7);
    expect(workingDaysBetween(cal, '2099-09-30', '2099-10-07')).toBe(0);
    expect(workingDaysBetween(cal, '2099-10-08', '2099-10-08')).toBe(0);
    expect(workingDaysBetween(cal, '2099-10-09', '2099-10-08')).toBe(0);
  });
});

describe('unknownYears', () => {
  it('lists years in the span without official data', () => {
    expect(unknownYears(cal, '2099-03-01', '2099-12-31')).toEqual([]);
    expect(unknownYears(cal, '2098-12-31', '2099-01-05')).toEqual([2098]);
    expect(unknownYears(cal, '2100-02-01', '2097-06-01')).toEqual([2097, 2098, 2100]);
  });
});

describe('properties (synthetic calendar, 2098–2100)', () => {
  const day = fc.integer({ min: toDayNumber('2098-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);
  it('dueDate is the n-th working day after acceptance', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const due = dueDate(cal, d, n);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(workingDaysBetween(cal, d, due)).toBe(n);
        expect(workingDaysBetween(cal, d, addDays(due, -1))).toBe(n - 1);
        expect(dueDate(cal, d, n + 1) > due).toBe(true);
        expect(addWorkingDays(cal, due, -n) <= d).toBe(true);
      }),
    );
  });
});
