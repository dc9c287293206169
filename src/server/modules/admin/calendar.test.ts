/** The admin's warning about a year without official holiday data (from November of the year before). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

describe.each(DIALECTS)('calendar status on %s', (dialect) => {
  let h: Harness;
  let cookie: string;
  beforeAll(async () => {
    h = await startHarness(dialect, {}, '2026-10-31T15:30:00Z'); // 2026-10-31 23:30 in Beijing
    cookie = await h.login('admin');
  });
  afterAll(async () => h.close());

  const status = async () => {
    const r = await h.request('GET', '/api/admin/calendar', { cookie });
    expect(r.statusCode).toBe(200);
    return r.json() as { years: number[]; today: string; warning: string | null };
  };

  it('names next year from November (Beijing time) when its data is missing', async () => {
    const october = await status();
    expect(october.today).toBe('2026-10-31');
    expect(october.years).toContain(2026);
    expect(october.warning).toBeNull();
    h.clock.set('2026-10-31T16:30:00Z'); // 2026-11-01 00:30 in Beijing
    const november = await status();
    expect(november.today).toBe('2026-11-01');
    // The installed package may or may not know 2027 yet.
    if (november.years.includes(2027)) expect(november.warning).toBeNull();
    else expect(november.warning).toMatch(/^2027 年的国务院节假日安排尚未收录/);
  });

  it('is for the admin only', async () => {
    expect((await h.request('GET', '/api/admin/calendar')).statusCode).toBe(401);
    const window = await h.login('window');
    expect((await h.request('GET', '/api/admin/calendar', { cookie: window })).statusCode).toBe(403);
  });
});
