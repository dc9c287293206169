// Real data from the installed `chinese-days` package. Expected dates were derived by hand
// from the State Council notices: 2025 National Day + Mid-Autumn 10-01 (Wed) … 10-08 off,
// make-up Sun 09-28 and Sat 10-11; Spring Festival 2026 02-15 (Sun) … 02-23 (Mon) off,
// make-up Sat 02-14 and Sat 02-28; New Year 2026 01-01 … 01-03 off, make-up Sun 01-04.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../core/calendar/dates.ts';
import { statutoryHolidays } from '../core/calendar/statutory.ts';
import { buildCalendar, dueDate, isProvisional, receiptDay, unknownYears, workingDaysBetween } from '../core/calendar/workdays.ts';
import { holidayYearFromOverride, loadPackageCalendarYears } from './holidays.ts';

const years = loadPackageCalendarYears();
const cal = buildCalendar(years);

describe('loadPackageCalendarYears', () => {
  it('groups the package data by year with the package version as source', () => {
    const { version } = createRequire(import.meta.url)('chinese-days/package.json') as { version: string };
    const y2025 = years.find((y) => y.year === 2025);
    expect(y2025?.source).toBe(`chinese-days@${version}`);
    expect(y2025?.holidays).toEqual(expect.arrayContaining(['2025-10-01', '2025-10-06', '2025-10-08']));
    expect(y2025?.workdays).toEqual(expect.arrayContaining(['2025-09-28', '2025-10-11']));
    expect(y2025?.names?.['2025-10-06']).toBe('中秋');
    expect(years.map((y) => y.year)).toEqual([...years.map((y) => y.year)].sort((a, b) => a - b));
    for (const y of years) {
      for (const d of [...y.holidays, ...y.workdays]) expect(d.startsWith(`${y.year}-`), d).toBe(true);
    }
    expect(cal.years).toEqual(expect.arrayContaining([2020, 2021, 2022, 2023, 2024, 2025, 2026]));
  });
});

describe('2025 National Day + Mid-Autumn (real data)', () => {
  it('marks the holiday block and make-up days', () => {
    for (const d of ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08']) {
      expect(cal.isWorkingDay(d), d).toBe(false);
    }
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    expect(cal.isWorkingDay('2025-10-11')).toBe(true);
    expect(cal.isWorkingDay('2025-10-12')).toBe(false);
    expect(cal.holidayName?.('2025-10-01')).toBe('国庆节');
  });

  it('gives the deadlines', () => {
    expect(dueDate(cal, '2025-09-30', 1)).toBe('2025-10-09');
    expect(dueDate(cal, '2025-09-30', 2)).toBe('2025-10-10');
    expect(dueDate(cal, '2025-09-30', 3)).toBe('2025-10-11');
    expect(dueDate(cal, '2025-09-30', 4)).toBe('2025-10-13');
    expect(dueDate(cal, '2025-09-30', 20)).toBe('2025-11-04');
    expect(dueDate(cal, '2025-09-26', 1)).toBe('2025-09-28');
    expect(dueDate(cal, '2025-09-26', 4)).toBe('2025-10-09');
    expect(workingDaysBetween(cal, '2025-09-26', '2025-10-11')).toBe(6);
    expect(workingDaysBetween(cal, '2025-09-30', '2025-10-08')).toBe(0);
  });

  it('即办 (n = 0)', () => {
    expect(dueDate(cal, '2025-10-01', 0)).toBe('2025-10-09');
    expect(dueDate(cal, '2025-09-27', 0)).toBe('2025-09-28');
    expect(dueDate(cal, '2025-09-28', 0)).toBe('2025-09-28');
    expect(dueDate(cal, '2025-10-11', 0)).toBe('2025-10-11');
    expect(dueDate(cal, '2025-10-12', 0)).toBe('2025-10-13');
  });
});

describe('New Year and Spring Festival 2026 (real data)', () => {
  it('crosses the year with a make-up Sunday', () => {
    expect(dueDate(cal, '2025-12-31', 1)).toBe('2026-01-04');
    expect(dueDate(cal, '2025-12-31', 2)).toBe('2026-01-05');
  });

  it('skips the nine-day Spring Festival block', () => {
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-15')).toBe(false);
    expect(cal.isWorkingDay('2026-02-23')).toBe(false);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(dueDate(cal, '2026-02-13', 1)).toBe('2026-02-14');
    expect(dueDate(cal, '2026-02-13', 2)).toBe('2026-02-24');
    expect(dueDate(cal, '2026-02-13', 6)).toBe('2026-02-28');
    expect(dueDate(cal, '2026-02-13', 7)).toBe('2026-03-02');
    expect(dueDate(cal, '2026-02-16', 0)).toBe('2026-02-24');
    expect(workingDaysBetween(cal, '2026-02-13', '2026-02-28')).toBe(6);
  });
});

describe('computed fixed statutory holidays against the official data', () => {
  it('every computed holiday of 2020–2026 is an official day off', () => {
    for (let year = 2020; year <= 2026; year++) {
      const official = new Set(years.find((y) => y.year === year)?.holidays);
      expect(official.size, String(year)).toBeGreaterThan(20);
      for (const h of statutoryHolidays(year)) for (const d of h.dates) expect(official.has(d), `${year} ${h.name} ${d}`).toBe(true);
    }
  });

  it('a year beyond the official data keeps them off and is provisional', () => {
    const upTo2026 = buildCalendar(years.filter((y) => y.year <= 2026));
    expect(upTo2026.provisional(2027)).toBe(true);
    expect(upTo2026.provisional(2026)).toBe(false);
    const due = dueDate(upTo2026, '2026-12-25', 5);
    expect(due).toBe('2027-01-04'); // not 2027-01-01 (元旦)
    expect(isProvisional(upTo2026, '2026-12-25', due)).toBe(true);
  });
});

describe('overrides', () => {
  it('maps an override document with its file as source, and it wins over the package', () => {
    const doc = { year: 2025, holidays: ['2025-10-09'], workdays: [], source: ['notice'] };
    const y = holidayYearFromOverride(doc, 'catalog/calendar/2025.yaml');
    expect(y).toEqual({ year: 2025, holidays: ['2025-10-09'], workdays: [], source: 'catalog/calendar/2025.yaml' });
    const c = buildCalendar([...years, y]);
    expect(c.isWorkingDay('2025-10-09')).toBe(false);
    expect(c.isWorkingDay('2025-10-01')).toBe(true); // the whole year was replaced
    expect(c.isWorkingDay('2024-10-01')).toBe(false); // other years untouched
  });

  it('adds a year the package does not know', () => {
    const y = holidayYearFromOverride({ year: 2099, holidays: ['2099-03-02'], workdays: [] }, 'x/2099.yaml');
    expect(cal.knows(2099)).toBe(false);
    expect(unknownYears(cal, '2098-12-01', '2099-01-10')).toEqual([2098, 2099]);
    const c = buildCalendar([...years, y]);
    expect(c.knows(2099)).toBe(true);
    expect(unknownYears(c, '2098-12-01', '2099-01-10')).toEqual([2098]);
    expect(dueDate(c, '2099-02-27', 1)).toBe('2099-03-03'); // Fri → skip weekend and the Monday holiday
  });
});

describe('properties (real data, 2020–2026)', () => {
  const day = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2026-12-31') }).map(fromDayNumber);
  it('workingDaysBetween(d, dueDate(d, n)) === n; due is a working day; strictly increasing in n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const due = dueDate(cal, d, n);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(workingDaysBetween(cal, receiptDay(cal, d), due)).toBe(n);
        expect(dueDate(cal, d, n + 1) > due).toBe(true);
        const now = dueDate(cal, d, 0);
        expect(cal.isWorkingDay(now)).toBe(true);
        expect(now === d).toBe(cal.isWorkingDay(d));
      }),
      { numRuns: 500 },
    );
  });
});
