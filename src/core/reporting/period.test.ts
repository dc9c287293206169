import { describe, expect, it } from 'vitest';
import type { Region } from '../catalog/types.ts';
import { effectiveness } from '../metrics/effectiveness.ts';
import { periodReport, type PeriodCase, type PeriodTask } from './period.ts';

const regions = new Map<string, Region>([
  ['990000', { code: '990000', name: '示例省', level: 'province' }],
  ['990100', { code: '990100', name: '示例市', level: 'city', parent: '990000' }],
  ['990102', { code: '990102', name: '示例区', level: 'county', parent: '990100' }],
  ['990121', { code: '990121', name: '示例县', level: 'county', parent: '990100' }],
]);

const task = (department: string, regionCode: string, decidedOn: string | null, dueDate: string, days: number | null): PeriodTask => ({
  department: { code: department, name: `${department}部门` }, regionCode, dueDate, decidedOn, workingDaysTaken: days,
});
const base: PeriodCase = {
  matter: { id: 'newborn', name: '新生儿出生一件事' }, channel: 'online', assisted: false, acceptedOn: '2025-10-08', completedOn: null, workingDaysTaken: null, tasks: [], ratings: [],
};
const cases: PeriodCase[] = [
  // Completed in October, both items on time.
  { ...base, completedOn: '2025-10-10', workingDaysTaken: 2, tasks: [task('wsjk', '990102', '2025-10-09', '2025-10-15', 1), task('ga', '990121', '2025-10-10', '2025-10-15', 2)],
    ratings: [{ level: 5, day: '2025-10-11', rectification: 'none' }] },
  // Completed in October, the ga item late.
  { ...base, completedOn: '2025-10-20', workingDaysTaken: 8, tasks: [task('wsjk', '990102', '2025-10-09', '2025-10-15', 1), task('ga', '990121', '2025-10-20', '2025-10-15', 8)],
    ratings: [{ level: 2, day: '2025-10-21', rectification: 'replied' }, { level: 4, day: '2025-11-02', rectification: 'none' }] },
  // Accepted in September, still open; its only decision lies in October.
  { ...base, matter: { id: 'death', name: '身后一件事' }, acceptedOn: '2025-09-28', tasks: [task('wsjk', '990102', '2025-10-03', '2025-10-10', 3), task('ga', '990121', null, '2025-10-12', null)] },
];

describe('period reports', () => {
  it('counts per matter the cases accepted and completed in [from, to), on time and late, with the dashboard\'s average and satisfaction', () => {
    const r = periodReport(cases, regions, 'matter', '2025-10-01', '2025-11-01');
    // 身后一件事 neither accepted, completed nor rated a case in October: no row.
    expect(r.rows.map((x) => x.key)).toEqual(['newborn']);
    const newborn = r.rows[0];
    expect(newborn).toMatchObject({ name: '新生儿出生一件事', accepted: 2, completed: 2, onTime: 1, overdue: 1, onTimeRate: 0.5, overdueRate: 0.5, averageDays: 5, ratings: 2, satisfactionRate: 0.5, rectificationRate: 1 });
    expect(newborn?.byLevel).toEqual({ 5: 1, 4: 0, 3: 0, 2: 1, 1: 0 });
    // The same figures the effectiveness dimension gives for those cases.
    expect(newborn?.averageDays).toBe(effectiveness([], [8, 2].map((d) => ({ channel: 'online', assisted: false, reductions: null, materials: [], workingDaysTaken: d, ratings: [], rectifications: { opened: 0, replied: 0 } }))).process.actualAverage);
    expect(periodReport(cases, regions, 'matter', '2026-01-01', '2026-02-01')).toMatchObject({ rows: [], total: { completed: 0, onTimeRate: null, averageDays: null, satisfactionRate: null } });
    expect(r.total).toMatchObject({ name: '合计', accepted: 2, completed: 2, ratings: 2 });
  });

  it('leaves out what falls outside the period: November ratings, September acceptances', () => {
    const r = periodReport(cases, regions, 'matter', '2025-11-01', '2025-12-01');
    expect(r.rows.map((x) => [x.key, x.accepted, x.completed, x.ratings, x.satisfactionRate])).toEqual([['newborn', 0, 0, 1, 1]]);
    expect(periodReport(cases, regions, 'matter', '2025-09-01', '2025-10-01').rows.map((x) => [x.key, x.accepted])).toEqual([['death', 1]]);
  });

  it('counts per department each department\'s own items and time', () => {
    const r = periodReport(cases, regions, 'department', '2025-10-01', '2025-11-01');
    expect(r.rows.map((x) => [x.key, x.name, x.accepted, x.completed, x.onTime, x.overdue, x.averageDays])).toEqual([
      ['ga', 'ga部门', 2, 2, 1, 1, 5],
      ['wsjk', 'wsjk部门', 2, 3, 3, 0, 1.7],
    ]);
  });

  it('rolls regions up: the city and the province include their counties', () => {
    const r = periodReport(cases, regions, 'region', '2025-10-01', '2025-11-01');
    expect(r.rows.map((x) => [x.key, x.name, x.parent, x.completed])).toEqual([
      ['990000', '示例省', null, 5], ['990100', '示例市', '990000', 5], ['990102', '示例区', '990100', 3], ['990121', '示例县', '990100', 2],
    ]);
    // A case's rating counts once in the city though two of its items were handled there.
    expect(r.rows[1]).toMatchObject({ ratings: 2, accepted: 2 });
  });

  it('gives the rows the platform names itself a code a face can word (the total, tasks with no region)', () => {
    const unstated = [{ ...base, tasks: [{ ...task('wsjk', '990102', '2025-10-03', '2025-10-10', 3), regionCode: null }] }];
    const r = periodReport(unstated, regions, 'region', '2025-10-01', '2025-11-01');
    expect(r.rows.map((x) => [x.key, x.label])).toEqual([['', 'region-unstated']]);
    expect(r.total.label).toBe('total');
    expect(periodReport(cases, regions, 'region', '2025-10-01', '2025-11-01').rows.every((x) => x.label === null)).toBe(true);
  });
});
