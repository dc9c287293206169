// The test runner is the one import from outside src/core; the tests run under Node only.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, fromDayNumber, isDate, MAX_DAY, MIN_DAY, toDayNumber, weekday } from './dates.ts';

describe('day numbers', () => {
  it('match known values (checked against an independent calendar)', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-02-29')).toBe(11016);
    expect(toDayNumber('1900-03-01')).toBe(-25508);
    expect(toDayNumber('0001-01-01')).toBe(-719162);
    expect(toDayNumber('9999-12-31')).toBe(2932896);
    expect(toDayNumber('0000-01-01')).toBe(MIN_DAY);
    expect(fromDayNumber(MAX_DAY)).toBe('9999-12-31');
    expect(fromDayNumber(20453)).toBe('2025-12-31');
  });

  it('round-trip over the whole supported range', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY, max: MAX_DAY }), (n) => {
        const s = fromDayNumber(n);
        expect(isDate(s)).toBe(true);
        expect(toDayNumber(s)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('consecutive day numbers are consecutive dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY, max: MAX_DAY - 1 }), (n) => {
        expect(fromDayNumber(n + 1) > fromDayNumber(n)).toBe(true);
        expect(addDays(fromDayNumber(n), 1)).toBe(fromDayNumber(n + 1));
      }),
    );
  });

  it('rejects out-of-range and invalid input', () => {
    expect(() => fromDayNumber(MAX_DAY + 1)).toThrow(RangeError);
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
    expect(() => toDayNumber('2025-02-29')).toThrow(RangeError);
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-09-30', 8)).toBe('2025-10-08');
  });
});

describe('weekday', () => {
  it('knows real weekdays (0 = Sunday)', () => {
    expect(weekday('2025-10-01')).toBe(3); // Wednesday
    expect(weekday('2024-02-29')).toBe(4); // Thursday
    expect(weekday('1970-01-01')).toBe(4); // Thursday
    expect(weekday('2025-09-28')).toBe(0); // Sunday
    expect(weekday('2025-10-11')).toBe(6); // Saturday
    expect(weekday('1969-12-31')).toBe(3); // Wednesday, negative day number
    expect(weekday('0001-01-01')).toBe(1); // Monday
  });
});

describe('isDate', () => {
  it('applies the Gregorian leap-year rule', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2000-02-29')).toBe(true);
    expect(isDate('2025-02-29')).toBe(false);
    expect(isDate('1900-02-29')).toBe(false);
    expect(isDate('2100-02-29')).toBe(false);
  });

  it('rejects bad shapes and impossible days', () => {
    for (const s of ['2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-1-01', '25-01-01', '2025-01-01T00:00', ' 2025-01-01', '2025/01/01', '']) {
      expect(isDate(s), s).toBe(false);
    }
    expect(isDate(20250101)).toBe(false);
    expect(isDate('2025-12-31')).toBe(true);
  });
});
