import { describe, expect, it } from 'vitest';
import { chineseDay, shanghaiDay, shanghaiMinute, shanghaiToday } from './shanghai.ts';

describe('dates in Asia/Shanghai', () => {
  it('reads an instant after 16:00 UTC as the next day in Shanghai', () => {
    expect(shanghaiDay('2026-12-03T17:30:00Z')).toBe('2026-12-04');
    expect(shanghaiMinute('2026-12-03T17:30:00Z')).toBe('2026-12-04 01:30');
    expect(chineseDay('2026-12-03T17:30:00Z')).toBe('2026年12月4日');
    expect(shanghaiToday(new Date('2026-12-03T17:30:00Z'))).toBe('2026-12-04');
  });

  it('keeps the same day before midnight in Shanghai, and reads offsets', () => {
    expect(shanghaiDay('2026-12-03T15:59:59Z')).toBe('2026-12-03');
    expect(shanghaiDay('2026-12-03T16:00:00Z')).toBe('2026-12-04');
    expect(shanghaiDay('2026-12-04T00:10:00+08:00')).toBe('2026-12-04');
    expect(shanghaiMinute('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00');
  });

  it('leaves a plain date as it is, and nothing as nothing', () => {
    expect(shanghaiDay('2026-12-03')).toBe('2026-12-03');
    expect(chineseDay('2026-02-05')).toBe('2026年2月5日');
    expect(shanghaiDay(null)).toBe('');
    expect(shanghaiMinute(undefined)).toBe('');
    expect(shanghaiDay('not a date')).toBe('not a date');
  });
});
