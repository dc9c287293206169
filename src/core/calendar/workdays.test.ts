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
  dueDateWithPeriods,
  calendarWarning,
  isProvisional,
  receiptDay,
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
      provisional: () => true,
      isWorkingDay: (d) => d !== '2099-10-08' && cal.isWorkingDay(d),
    };
    expect(dueDate(allWeekdays, '2099-09-30', 1)).toBe('2099-10-09');
    expect(workingDaysBetween(allWeekdays, '2099-09-30', '2099-10-09')).toBe(1);
  });
});

describe('receipt on a non-working day', () => {
  // 2099-10-03 Sat inside the holiday, 2099-10-08 Thu the first working day after it.
  it('counts from the next working day, which is itself not counted', () => {
    expect(receiptDay(cal, '2099-10-03')).toBe('2099-10-08');
    expect(receiptDay(cal, '2099-09-30')).toBe('2099-09-30');
    expect(dueDate(cal, '2099-10-03', 1)).toBe('2099-10-09');
    expect(dueDate(cal, '2099-10-03', 2)).toBe('2099-10-10'); // make-up Saturday
    expect(dueDate(cal, '2099-10-03', 5)).toBe(dueDate(cal, '2099-10-08', 5));
  });

  it('received on a Saturday: Monday is the start day, the limit runs from Tuesday', () => {
    const weekends = buildCalendar([{ year: 2099, holidays: [], workdays: [], source: 'x' }]);
    // 2099-06-06 Sat, 06-08 Mon, 06-09 Tue, 06-15 Mon
    expect(receiptDay(weekends, '2099-06-06')).toBe('2099-06-08');
    expect(dueDate(weekends, '2099-06-06', 1)).toBe('2099-06-09');
    expect(dueDate(weekends, '2099-06-06', 5)).toBe('2099-06-15');
    expect(dueDate(weekends, '2099-06-06', 0)).toBe('2099-06-08');
  });
});

describe('calendar-day periods (公示, 公告)', () => {
  it('adds natural days after the working days, ending on a working day', () => {
    expect(dueDateWithPeriods(cal, '2099-09-21', 2, 0)).toBe(dueDate(cal, '2099-09-21', 2));
    // 2099-09-21 Mon: 2 working days → 09-23 Wed; +7 natural days → 09-30 Wed
    expect(dueDateWithPeriods(cal, '2099-09-21', 2, 7)).toBe('2099-09-30');
    // +8 → 10-01, a holiday: the period ends on 10-08
    expect(dueDateWithPeriods(cal, '2099-09-21', 2, 8)).toBe('2099-10-08');
    expect(() => dueDateWithPeriods(cal, '2099-09-21', 2, -1)).toThrow(RangeError);
  });
});

describe('a year without official data', () => {
  const only2026 = buildCalendar([{ year: 2026, holidays: ['2026-10-01'], workdays: [], source: 'x' }]);

  it('still skips the fixed statutory holidays, without make-up days, and is provisional', () => {
    expect(only2026.provisional(2026)).toBe(false);
    expect(only2026.provisional(2027)).toBe(true);
    expect(only2026.isWorkingDay('2027-01-01')).toBe(false); // 元旦, a Friday
    expect(only2026.holidayName?.('2027-01-01')).toBe('元旦');
    for (const d of ['2027-02-05', '2027-02-08', '2027-04-05', '2027-05-01', '2027-06-09', '2027-09-15', '2027-10-01']) {
      expect(only2026.isWorkingDay(d)).toBe(false);
    }
    expect(only2026.isWorkingDay('2027-02-09')).toBe(true);
    expect(only2026.isWorkingDay('2027-02-07')).toBe(false); // Sunday inside 春节, never a make-up day here
  });

  it('takes the official data of a known year as it is', () => {
    expect(only2026.isWorkingDay('2026-01-01')).toBe(true); // not in this synthetic 2026
    expect(only2026.holidayName?.('2026-01-01')).toBeUndefined();
  });

  it('a case accepted 2026-12-25 with 5 working days is due after 元旦, provisionally', () => {
    const due = dueDate(only2026, '2026-12-25', 5); // Fri; 12-28..12-31 are 4, 2027-01-01 is 元旦
    expect(due).toBe('2027-01-04');
    expect(isProvisional(only2026, '2026-12-25', due)).toBe(true);
    expect(isProvisional(only2026, '2026-12-01', dueDate(only2026, '2026-12-01', 5))).toBe(false);
    expect(isProvisional(only2026, '2027-01-04', '2026-12-25')).toBe(true);
  });

  it('outside the computed range only weekends are off', () => {
    const empty = buildCalendar([]);
    expect(empty.isWorkingDay('2100-01-01')).toBe(true); // Friday
    expect(empty.provisional(2100)).toBe(true);
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
      fc.property(day, fc.integer({ min: 1, max: 60 }), (received, n) => {
        const d = receiptDay(cal, received);
        const due = dueDate(cal, received, n);
        expect(dueDate(cal, d, n)).toBe(due);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(workingDaysBetween(cal, d, due)).toBe(n);
        expect(workingDaysBetween(cal, d, addDays(due, -1))).toBe(n - 1);
        expect(dueDate(cal, d, n + 1) > due).toBe(true);
        expect(addWorkingDays(cal, due, -n) <= d).toBe(true);
      }),
    );
  });
});

describe('calendarWarning', () => {
  const upTo2026 = buildCalendar([2025, 2026].map((year) => ({ year, holidays: [], workdays: [], source: 'x' })));
  it('warns from November when next year has no official data', () => {
    expect(calendarWarning(upTo2026, '2026-10-31')).toBeNull();
    expect(calendarWarning(upTo2026, '2026-11-01')).toMatch(/^2027 年的国务院节假日安排尚未收录/);
    expect(calendarWarning(upTo2026, '2025-12-01')).toBeNull();
  });
  it('always warns about the current year', () => {
    expect(calendarWarning(upTo2026, '2027-03-01')).toMatch(/^2027 年的/);
    expect(calendarWarning(upTo2026, '2027-11-01')).toMatch(/^2027 年、2028 年的/);
  });
});
