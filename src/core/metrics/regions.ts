/**
 * Figures per region rolled up the region tree (属地汇总): each region's totals are its own cases
 * plus those of every region below it, so a province sees its cities' sums and a city its counties'.
 */
import { regionChain } from '../catalog/regions.ts';
import type { Region, RegionLevel } from '../catalog/types.ts';

export interface RegionCounts {
  /** Cases submitted (drafts are not counted). */
  cases: number;
  accepted: number;
}

export interface RegionFigures {
  code: string;
  name: string;
  level: RegionLevel;
  parent: string | null;
  /** Names from the top down, 示例省示例市示例区. */
  fullName: string;
  /** The region's own cases, not those below it. */
  own: RegionCounts;
  /** Own plus every region below. */
  total: RegionCounts;
}

const zero = (): RegionCounts => ({ cases: 0, accepted: 0 });

/** Every region of the tree, parents before children; counts of a region the tree lacks are left out. */
export function rollUp(regions: ReadonlyMap<string, Region>, own: ReadonlyMap<string, RegionCounts>): RegionFigures[] {
  const totals = new Map<string, RegionCounts>([...regions.keys()].map((code) => [code, zero()]));
  for (const [code, counts] of own) {
    for (const r of regionChain(regions, code)) {
      const t = totals.get(r.code) as RegionCounts;
      t.cases += counts.cases;
      t.accepted += counts.accepted;
    }
  }
  const chainOf = (code: string) => regionChain(regions, code).reverse();
  return [...regions.values()]
    .map((r) => ({ r, path: chainOf(r.code).map((a) => a.code).join('/') }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map(({ r }) => ({
      code: r.code, name: r.name, level: r.level, parent: r.parent ?? null,
      fullName: chainOf(r.code).map((a) => a.name).join(''),
      own: { ...(own.get(r.code) ?? zero()) },
      total: totals.get(r.code) as RegionCounts,
    }));
}
