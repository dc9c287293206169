import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../core/calendar/workdays.ts';
import { exemptionSentence } from '../guide/exemptions.ts';
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

describe('a material\'s exemption on the guide, in a sentence', () => {
  it('says who is spared the material and on what grounds', () => {
    expect(exemptionSentence('license', '居民身份证电子证照')).toBe('已有居民身份证电子证照的，免提交：部门直接调取电子证照核验。');
    expect(exemptionSentence('shared-data', '民政婚姻登记信息')).toBe('免提交：部门通过数据共享获取（民政婚姻登记信息）。');
    expect(exemptionSentence('commitment', '书面承诺已缴纳')).toContain('告知承诺');
  });
});
