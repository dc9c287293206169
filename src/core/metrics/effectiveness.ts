/**
 * The five dimensions of clause 8.1 for one key matter, from its cases: channels, process (time
 * limits before and after, actual durations), materials (materials, fields and exemptions before and
 * after), cost (trips, assisted applications) and satisfaction (ratings and rectification).
 */
import type { Reductions } from '../planning/types.ts';

export interface CaseFacts {
  channel: 'online' | 'window';
  assisted: boolean;
  reductions: Reductions | null;
  materials: { status: 'required' | 'exempt' }[];
  /** Working days from acceptance to the last decision, when completed. */
  workingDaysTaken: number | null;
  ratings: number[];
  rectifications: { opened: number; replied: number };
}

export interface Effectiveness {
  cases: number;
  channels: { offered: string[]; used: Record<string, number>; onlineShare: number | null };
  process: { promisedBefore: number | null; promisedAfter: number | null; actualAverage: number | null; actualMedian: number | null; completed: number };
  materials: { before: number | null; after: number | null; fieldsBefore: number | null; fieldsAfter: number | null; exemptionRate: number | null };
  cost: { tripsBefore: number | null; tripsAfter: number | null; assisted: number };
  satisfaction: { ratings: number; byLevel: Record<string, number>; satisfactionRate: number | null; rectificationRate: number | null };
}

const mean = (xs: number[]) => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);
/** A share to three decimals; null when there is nothing to share (also the period reports' rates). */
export const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function effectiveness(offered: string[], cases: readonly CaseFacts[]): Effectiveness {
  const planned = cases.filter((c) => c.reductions !== null);
  const r = (f: (x: Reductions) => number) => mean(planned.map((c) => f(c.reductions as Reductions)));
  const used: Record<string, number> = {};
  for (const c of cases) used[c.channel] = (used[c.channel] ?? 0) + 1;
  const taken = cases.map((c) => c.workingDaysTaken).filter((d): d is number => d !== null);
  const allMaterials = planned.flatMap((c) => c.materials);
  const ratings = cases.flatMap((c) => c.ratings);
  const byLevel: Record<string, number> = { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 };
  for (const level of ratings) byLevel[level] = (byLevel[level] ?? 0) + 1;
  const opened = cases.reduce((n, c) => n + c.rectifications.opened, 0);
  const replied = cases.reduce((n, c) => n + c.rectifications.replied, 0);
  return {
    cases: cases.length,
    channels: { offered, used, onlineShare: ratio(used.online ?? 0, cases.length) },
    process: {
      promisedBefore: r((x) => x.workingDays.before), promisedAfter: r((x) => x.workingDays.after),
      actualAverage: mean(taken), actualMedian: median(taken), completed: taken.length,
    },
    materials: {
      before: r((x) => x.materials.before), after: r((x) => x.materials.after),
      fieldsBefore: r((x) => x.fields.before), fieldsAfter: r((x) => x.fields.after),
      exemptionRate: ratio(allMaterials.filter((m) => m.status === 'exempt').length, allMaterials.length),
    },
    cost: { tripsBefore: r((x) => x.trips.before), tripsAfter: r((x) => x.trips.after), assisted: cases.filter((c) => c.assisted).length },
    satisfaction: {
      ratings: ratings.length, byLevel,
      satisfactionRate: ratio(ratings.filter((l) => l >= 3).length, ratings.length),
      rectificationRate: ratio(replied, opened),
    },
  };
}
