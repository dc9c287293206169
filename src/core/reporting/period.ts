/**
 * Period reports (clause 8.1, 6.4.2 b 统计): per key matter, per region (a city includes its counties)
 * or per department, for the China days [from, to): 受理件数, 办结件数, 按期办结率, 超期率, 平均办理时长
 * and 好差评. 平均办理时长 and the 好差评 figures are the effectiveness module's own (effectiveness()),
 * so the report and the dashboard never disagree. By matter the unit is the case (办件) as the dashboard
 * counts it; by region and department it is the item handled there (子件), each department's own time.
 */
import type { Region } from '../catalog/types.ts';
import { regionChain } from '../catalog/regions.ts';
import { effectiveness, ratio, type CaseFacts } from '../metrics/effectiveness.ts';

export type Grouping = 'matter' | 'region' | 'department';
export const GROUPINGS: readonly Grouping[] = ['matter', 'region', 'department'];
export const GROUPING_NAMES: Readonly<Record<Grouping, string>> = { matter: '按一件事', region: '按区划', department: '按部门' };

export interface PeriodTask {
  department: { code: string; name: string };
  regionCode: string | null;
  dueDate: string | null;
  /** China day of its decision, once final. */
  decidedOn: string | null;
  /** Working days its department took (补正 excluded), once final. */
  workingDaysTaken: number | null;
}

export interface PeriodRating {
  level: number;
  /** China day it was given. */
  day: string;
  /** Its 差评整改: none, opened, or answered (答复 or 办结). Ratings dismissed on appeal are not passed. */
  rectification: 'none' | 'opened' | 'replied';
}

export interface PeriodCase {
  matter: { id: string; name: string };
  channel: 'online' | 'window';
  assisted: boolean;
  acceptedOn: string | null;
  /** The day its last task was decided, once every task is final. */
  completedOn: string | null;
  /** Working days from acceptance to the last decision, as the dashboard counts them. */
  workingDaysTaken: number | null;
  tasks: PeriodTask[];
  ratings: PeriodRating[];
}

export const PERIOD_ROW_LABELS = ['total', 'region-unstated'] as const;
export type PeriodRowLabel = (typeof PERIOD_ROW_LABELS)[number];

export interface PeriodRow {
  key: string;
  name: string;
  /** For regions: the parent region's code. */
  parent: string | null;
  /** A row the platform names itself (the total, tasks with no region), so a face can word it in its language. */
  label: PeriodRowLabel | null;
  accepted: number;
  completed: number;
  onTime: number;
  overdue: number;
  onTimeRate: number | null;
  overdueRate: number | null;
  /** 平均办理时长, working days. */
  averageDays: number | null;
  ratings: number;
  byLevel: Record<string, number>;
  satisfactionRate: number | null;
  rectificationRate: number | null;
}

export interface PeriodReport {
  from: string;
  to: string;
  by: Grouping;
  rows: PeriodRow[];
  total: PeriodRow;
}

const inPeriod = (day: string | null, from: string, to: string): day is string => day !== null && day >= from && day < to;
const onTimeOf = (decidedOn: string, dueDate: string | null) => dueDate === null || decidedOn <= dueDate;

/** One unit of counting: a case, or one department's item of a case. */
interface Unit {
  caseRef: PeriodCase;
  acceptedOn: string | null;
  completedOn: string | null;
  onTime: boolean;
  workingDaysTaken: number | null;
}

const caseUnit = (c: PeriodCase): Unit => ({
  caseRef: c, acceptedOn: c.acceptedOn, completedOn: c.completedOn, workingDaysTaken: c.workingDaysTaken,
  onTime: c.tasks.every((t) => t.decidedOn === null || onTimeOf(t.decidedOn, t.dueDate)),
});
const taskUnit = (c: PeriodCase, t: PeriodTask): Unit => ({
  caseRef: c, acceptedOn: c.acceptedOn, completedOn: t.decidedOn, workingDaysTaken: t.workingDaysTaken,
  onTime: t.decidedOn === null || onTimeOf(t.decidedOn, t.dueDate),
});

function facts(c: PeriodCase, workingDaysTaken: number | null, ratings: PeriodRating[]): CaseFacts {
  return {
    channel: c.channel, assisted: c.assisted, reductions: null, materials: [], workingDaysTaken, ratings: ratings.map((r) => r.level),
    rectifications: { opened: ratings.filter((r) => r.rectification !== 'none').length, replied: ratings.filter((r) => r.rectification === 'replied').length },
  };
}

function row(key: string, name: string, parent: string | null, units: readonly Unit[], from: string, to: string, label: PeriodRowLabel | null = null): PeriodRow {
  const cases = [...new Set(units.map((u) => u.caseRef))];
  const completed = units.filter((u) => inPeriod(u.completedOn, from, to));
  const onTime = completed.filter((u) => u.onTime).length;
  const time = effectiveness([], completed.map((u) => facts(u.caseRef, u.workingDaysTaken, [])));
  // A case's ratings count once in a group however many of its items the group handled.
  const rated = effectiveness([], cases.map((c) => facts(c, null, c.ratings.filter((r) => inPeriod(r.day, from, to)))));
  return {
    key, name, parent, label,
    accepted: cases.filter((c) => inPeriod(c.acceptedOn, from, to)).length,
    completed: completed.length, onTime, overdue: completed.length - onTime,
    onTimeRate: ratio(onTime, completed.length), overdueRate: ratio(completed.length - onTime, completed.length),
    averageDays: time.process.actualAverage,
    ratings: rated.satisfaction.ratings, byLevel: rated.satisfaction.byLevel,
    satisfactionRate: rated.satisfaction.satisfactionRate, rectificationRate: rated.satisfaction.rectificationRate,
  };
}

interface Group { name: string; parent: string | null; units: Unit[]; label: PeriodRowLabel | null }

function add(groups: Map<string, Group>, key: string, name: string, parent: string | null, unit: Unit, label: PeriodRowLabel | null = null): void {
  const g = groups.get(key) ?? { name, parent, units: [], label };
  g.units.push(unit);
  groups.set(key, g);
}

/**
 * The report of [from, to) grouped as asked. A group appears when it accepted, completed or was rated
 * in the period; rows are ordered by key (region codes then read top-down).
 */
export function periodReport(cases: readonly PeriodCase[], regions: ReadonlyMap<string, Region>, by: Grouping, from: string, to: string): PeriodReport {
  const groups = new Map<string, Group>();
  for (const c of cases) {
    if (by === 'matter') add(groups, c.matter.id, c.matter.name, null, caseUnit(c));
    for (const t of by === 'matter' ? [] : c.tasks) {
      const unit = taskUnit(c, t);
      if (by === 'department') add(groups, t.department.code, t.department.name, null, unit);
      else if (t.regionCode === null) add(groups, '', '（未标明区划）', null, unit, 'region-unstated');
      else {
        const chain = regionChain(regions, t.regionCode);
        if (chain.length === 0) add(groups, t.regionCode, t.regionCode, null, unit);
        for (const r of chain) add(groups, r.code, r.name, r.parent ?? null, unit);
      }
    }
  }
  const rows = [...groups].sort(([a], [b]) => a.localeCompare(b))
    .map(([key, g]) => row(key, g.name, g.parent, g.units, from, to, g.label))
    .filter((r) => r.accepted + r.completed + r.ratings > 0);
  return { from, to, by, rows, total: row('', '合计', null, cases.map(caseUnit), from, to, 'total') };
}
