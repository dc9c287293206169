/**
 * 属地管辖: which region's implementation handles an item for an applicant. The nearest
 * implementation walking up from the applicant's region wins; without one, the item's default.
 */
import type { Catalogue, CompiledItem, CompiledMatter } from '../catalog/model.ts';
import { regionChain } from '../catalog/regions.ts';
import type { Fees, Region, Window } from '../catalog/types.ts';
import type { RegionView } from './types.ts';

export interface Handling {
  department: string;
  /** The implementing department's region, when the catalogue knows it. */
  region: RegionView | null;
  windows: Window[];
  timeLimit: { promised: number; legal: number };
  fees: Fees;
  /** The region whose 实施清单 entry applied; null when the item's default did. */
  implementedIn: RegionView | null;
}

export const regionView = (r: Region): RegionView => ({ code: r.code, name: r.name, level: r.level });

export function resolveHandling(catalogue: Catalogue, item: CompiledItem, applicantRegion: string | undefined): Handling {
  let impl;
  let implementedIn: Region | undefined;
  if (applicantRegion !== undefined && item.implementationByRegion.size > 0) {
    for (const r of regionChain(catalogue.regions, applicantRegion)) {
      impl = item.implementationByRegion.get(r.code);
      if (impl) {
        implementedIn = r;
        break;
      }
    }
  }
  const department = impl?.department ?? item.department;
  const dept = catalogue.departments.get(department);
  const region = dept ? catalogue.regions.get(dept.region) : undefined;
  return {
    department,
    region: region ? regionView(region) : null,
    windows: impl?.windows ?? (dept ? [dept.window] : []),
    timeLimit: {
      promised: impl?.timeLimit?.promised ?? item.timeLimit.promised,
      legal: impl?.timeLimit?.legal ?? item.timeLimit.legal,
    },
    fees: impl?.fees ?? item.fees,
    implementedIn: implementedIn ? regionView(implementedIn) : null,
  };
}

/** What a guide shows of one item in one region (办理地): who implements it, where, and the promised limit. */
export interface ItemHandling {
  item: string;
  department: { code: string; name: string };
  region: RegionView | null;
  windows: Window[];
  timeLimit: { promised: number; legal: number };
  implementedIn: RegionView | null;
}

/** Every item of a key matter as handled for an applicant of `region` (undefined: each item's default). */
export function matterHandling(catalogue: Catalogue, matter: CompiledMatter, region: string | undefined): ItemHandling[] {
  return matter.entries.flatMap((e) => {
    const item = catalogue.items.get(e.item);
    if (!item) return [];
    const h = resolveHandling(catalogue, item, region);
    return [{
      item: e.item, department: { code: h.department, name: catalogue.departments.get(h.department)?.name ?? h.department },
      region: h.region, windows: h.windows, timeLimit: h.timeLimit, implementedIn: h.implementedIn,
    }];
  });
}

/** A region's name with its ancestors', top first (示例省示例市示例区). */
export const regionFullName = (regions: ReadonlyMap<string, Region>, code: string): string => regionChain(regions, code).map((r) => r.name).reverse().join('');

/**
 * The region an address lies in, from the region names it contains: the deepest region whose name
 * and whose ancestors' names (the province may be left out, as addresses often do) best match.
 * Undefined when no region's name occurs, or when two regions match equally (示例区 under two
 * cities, say): the applicant then chooses.
 */
export function regionOfAddress(regions: ReadonlyMap<string, Region>, address: string): string | undefined {
  let best: { code: string; score: number; depth: number } | undefined;
  let tie = false;
  for (const r of regions.values()) {
    if (!address.includes(r.name)) continue;
    const chain = regionChain(regions, r.code);
    // Every ancestor named in the address counts; one named elsewhere never does (it is not this chain).
    const score = chain.filter((a) => address.includes(a.name)).length;
    const depth = chain.length;
    if (!best || score > best.score || (score === best.score && depth > best.depth)) {
      best = { code: r.code, score, depth };
      tie = false;
    } else if (score === best.score && depth === best.depth) tie = true;
  }
  return tie ? undefined : best?.code;
}

/**
 * The applicant's region from shared data: an enterprise's registered address, else a person's
 * household (户籍) address, else the residence address.
 */
export function regionOfFacts(regions: ReadonlyMap<string, Region>, facts: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of ['enterpriseAddress', 'householdAddress', 'applicantAddress']) {
    const address = facts[key];
    if (typeof address === 'string' && address.trim() !== '') return regionOfAddress(regions, address);
  }
  return undefined;
}
