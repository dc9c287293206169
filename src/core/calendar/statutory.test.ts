import { describe, expect, it } from 'vitest';
import { statutoryHolidayDates, statutoryHolidays } from './statutory.ts';

const byName = (year: number) => Object.fromEntries(statutoryHolidays(year).map((h) => [h.name, h.dates]));

describe('statutoryHolidays (全国年节及纪念日放假办法)', () => {
  it('follows the 2024 version from 2025: 13 days', () => {
    expect(byName(2027)).toEqual({
      元旦: ['2027-01-01'],
      春节: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'], // 除夕 and 初一至初三
      清明节: ['2027-04-05'],
      劳动节: ['2027-05-01', '2027-05-02'],
      端午节: ['2027-06-09'],
      中秋节: ['2027-09-15'],
      国庆节: ['2027-10-01', '2027-10-02', '2027-10-03'],
    });
    for (const y of [2025, 2026, 2030, 2099]) expect(statutoryHolidays(y).flatMap((h) => h.dates)).toHaveLength(13);
  });

  it('follows the version in force in earlier years', () => {
    expect(byName(2024).春节).toEqual(['2024-02-10', '2024-02-11', '2024-02-12']); // 2013: 初一至初三
    expect(byName(2024).劳动节).toEqual(['2024-05-01']);
    expect(byName(2010).春节).toEqual(['2010-02-13', '2010-02-14', '2010-02-15']); // 2007: 除夕至初二
    expect(byName(2005).劳动节).toHaveLength(3); // 1999
    expect(byName(2005).清明节).toBeUndefined();
  });

  it('merges a date that two holidays share', () => {
    const dates = statutoryHolidayDates(2028);
    expect(dates.find((d) => d.date === '2028-10-03')?.name).toBe('国庆节、中秋节');
    expect(dates).toHaveLength(12);
    expect(dates.map((d) => d.date)).toEqual([...dates.map((d) => d.date)].sort());
  });

  it('is defined for 2000–2099 only', () => {
    expect(() => statutoryHolidays(1999)).toThrow(RangeError);
    expect(() => statutoryHolidays(2100)).toThrow(RangeError);
  });
});
