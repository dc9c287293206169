import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../core/calendar/workdays.ts';
import { expectedDay } from './expected.ts';

const cal = buildCalendar([{ year: 2026, holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-10-10'], source: 'test' }]);

describe('the confirmation after a submit', () => {
  it('expects the case done the promised working days after the day it was received, skipping weekends', () => {
    expect(expectedDay(cal, '2026-12-07', 5)).toEqual({ day: '2026-12-14', provisional: false });
  });

  it('counts a Saturday submit from Monday and skips the National Day holiday, working the make-up Saturday', () => {
    expect(expectedDay(cal, '2026-09-26', 5).day).toBe('2026-10-10');
    expect(expectedDay(cal, '2026-09-30', 2).day).toBe('2026-10-09');
    expect(expectedDay(cal, '2026-09-30', 3).day).toBe('2026-10-10');
  });

  it('adds the calendar days of 公示 to the working days', () => {
    expect(expectedDay(cal, '2026-12-07', 5, 7).day).toBe('2026-12-21');
  });

  it('marks a day in a year without official holiday data as provisional', () => {
    expect(expectedDay(cal, '2026-12-28', 10).provisional).toBe(true);
  });
});
