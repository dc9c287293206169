/** Figures per region: the region filter of the effectiveness figures, and case counts rolled up the region tree. */
import type { Catalogue } from '../../../core/catalog/model.ts';
import { regionSubtree } from '../../../core/catalog/regions.ts';
import { rollUp, type RegionCounts } from '../../../core/metrics/regions.ts';
import type { Deps } from '../../deps.ts';
import { knownRegion } from '../catalogue/place.ts';

/** The regions a figure for `region` counts: it and every region below it (null: every case). */
export function servedBy(catalogue: Catalogue, region: string | undefined): string[] | null {
  const code = knownRegion(catalogue, region, 'querystring.region');
  return code === undefined ? null : regionSubtree(catalogue.regions, code);
}

/**
 * Two grouped reads, each answered from an index alone: submitted cases by (region, status) and
 * accepted ones by (region, accepted_at) (migrations 019 and 023). With `own` (an account's regions,
 * see scope.ts) only those regions are listed, and cases of no known region belong to none of them.
 */
export async function regionFigures(deps: Deps, own: string[] | null = null) {
  const db = deps.db.kysely;
  const { catalogue } = await deps.catalogues.latest();
  const submitted = await db.selectFrom('cases').select((eb) => ['region', eb.fn.countAll().as('n')]).where('status', '!=', 'draft').groupBy('region').execute();
  const accepted = await db.selectFrom('cases').select((eb) => ['region', eb.fn.countAll().as('n')]).where('accepted_at', 'is not', null).groupBy('region').execute();
  const counts = new Map<string, RegionCounts>();
  const unknown: RegionCounts = { cases: 0, accepted: 0 };
  const at = (region: string | null) => {
    if (region === null) return unknown;
    let c = counts.get(region);
    if (!c) counts.set(region, (c = { cases: 0, accepted: 0 }));
    return c;
  };
  for (const r of submitted) at(r.region).cases += Number(r.n);
  for (const r of accepted) at(r.region).accepted += Number(r.n);
  const regions = rollUp(catalogue.regions, counts);
  return own === null ? { regions, unknown } : { regions: regions.filter((r) => own.includes(r.code)), unknown: { cases: 0, accepted: 0 } };
}
