/** The region tree: walking up from a region to the top of the deployment. */
import { REGION_LEVELS, type Region, type RegionLevel } from './types.ts';

export const levelRank = (level: RegionLevel): number => REGION_LEVELS.indexOf(level);

/** The region and its ancestors, nearest first; stops at an unknown parent or a loop. */
export function regionChain(regions: ReadonlyMap<string, Region>, code: string): Region[] {
  const chain: Region[] = [];
  const seen = new Set<string>();
  for (let r = regions.get(code); r && !seen.has(r.code); r = r.parent === undefined ? undefined : regions.get(r.parent)) {
    seen.add(r.code);
    chain.push(r);
  }
  return chain;
}

/** Digits a child's code shares with its parent under GB/T 2260: 2 for a province, 4 for a city, 6 for a county. */
const SHARED_DIGITS: Readonly<Record<RegionLevel, number>> = { province: 2, city: 4, county: 6, township: 9 };

export function codeFitsParent(child: string, parent: Region): boolean {
  return child.slice(0, SHARED_DIGITS[parent.level]) === parent.code.slice(0, SHARED_DIGITS[parent.level]);
}

/** A region and every region below it: what staff of a department in `code` see (their region, rolled up). */
export function regionSubtree(regions: ReadonlyMap<string, Region>, code: string): string[] {
  return [...regions.values()].filter((r) => regionChain(regions, r.code).some((a) => a.code === code)).map((r) => r.code);
}
