import { describe, expect, it } from 'vitest';
import { dayText, minuteText, plainDay } from './dates.ts';

describe('dates in the chosen language, on the Shanghai day', () => {
  it('writes a day the Chinese way and the English way', () => {
    expect(dayText('2026-12-07', 'zh')).toBe('2026年12月7日');
    expect(dayText('2026-12-07', 'en')).toBe('7 Dec 2026');
    expect(plainDay('2026-12-07', 'zh')).toBe('2026-12-07');
  });
  it('takes the day in Shanghai, not in UTC', () => {
    expect(dayText('2026-12-06T17:30:00Z', 'en')).toBe('7 Dec 2026');
    expect(minuteText('2026-12-06T17:30:00Z', 'en')).toBe('7 Dec 2026 01:30');
    expect(minuteText('2026-12-06T17:30:00Z', 'zh')).toBe('2026-12-07 01:30');
  });
});
