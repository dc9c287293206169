/**
 * 属地管辖: which region's implementation handles an item for an applicant. The nearest
 * implementation walking up from the applicant's region wins; without one, the item's default.
 */
import type { Catalogue, CompiledItem } from '../catalog/model.ts';
import { regionChain } from '../catalog/regions.ts';
import type { Region, Window } from '../catalog/types.ts';
import type { RegionView } from './types.ts';

export interface Handling {
  department: string;
  /** The implementing department's region, when the catalogue knows it. */
  region: RegionView | null;
  windows: Window[];
  timeLimit: { promised: number; legal: number };
  fees: { free: boolean; note?: string };
}

export const regionView = (r: Region): RegionView => ({ code: r.code, name: r.name, level: r.level });

export function resolveHandling(catalogue: Catalogue, item: CompiledItem, applicantRegion: string | undefined): Handling {
  let impl;
  if (applicantRegion !== undefined && item.implementationByRegion.size > 0) {
    for (const r of regionChain(catalogue.regions, applicantRegion)) {
      impl = item.implementationByRegion.get(r.code);
      if (impl) break;
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
  };
}
