import { describe, expect, it } from 'vitest';
import { day, minute } from './types.ts';

// The browser's own time zone is not the centre's: these run wherever the test machine is (UTC here).
describe('dates on the applicant\'s pages', () => {
  it('shows an instant just after midnight in Shanghai as the Shanghai day, not the UTC one', () => {
    expect(day('2026-12-03T16:05:00.000Z')).toBe('2026-12-04');
    expect(minute('2026-12-03T16:05:00.000Z')).toBe('2026-12-04 00:05');
    expect(day('2026-12-31T23:59:00Z')).toBe('2027-01-01');
  });

  it('keeps a plain day as it is, and shows nothing for nothing', () => {
    expect(day('2026-12-03')).toBe('2026-12-03');
    expect(day(null)).toBe('');
    expect(minute(undefined)).toBe('');
  });
});
