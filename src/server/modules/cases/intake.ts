/**
 * 收件窗口: the window that took an application in, named as people read it (window, department,
 * region), from the catalogue the case was planned with.
 */
import type { Intake } from '../../../contracts/regions.ts';
import { regionChain } from '../../../core/catalog/regions.ts';
import type { CatalogueStore } from '../catalogue/store.ts';

export async function intakeOf(catalogues: CatalogueStore, row: { window_party: string | null; catalogue_version: number }): Promise<Intake> {
  if (row.window_party === null) return null;
  const { catalogue } = await catalogues.get(row.catalogue_version);
  const dept = catalogue.departments.get(row.window_party) ?? (await catalogues.latest()).catalogue.departments.get(row.window_party);
  if (!dept) return null;
  const chain = regionChain(catalogue.regions, dept.region);
  const region = chain[0];
  return {
    window: dept.window.name,
    department: { code: dept.code, name: dept.name },
    region: region ? { code: region.code, name: region.name, fullName: chain.map((a) => a.name).reverse().join('') } : null,
  };
}
