/**
 * 属地管辖 of figures: a staff account's metrics, dashboards, ratings and reports count the cases of its
 * department's region and the regions below it, the rule a window's cases follow (cases/scope.ts).
 * An account without a department (the platform's admin and auditor) counts every case. A figure
 * asked for a region outside the account's is refused: regions are public, so unlike a case there is
 * nothing to hide by answering 404, and the refusal says why.
 */
import type { Catalogue } from '../../../core/catalog/model.ts';
import type { Deps } from '../../deps.ts';
import { appError } from '../../errors.ts';
import { windowScope } from '../cases/scope.ts';
import type { Account } from '../identity/roles.ts';
import { servedBy } from './regions.ts';

/** The region codes an account's figures count; null: every case. */
export async function ownRegions(deps: Deps, account: Account): Promise<string[] | null> {
  return (await windowScope(deps, account)).served;
}

export const regionNotServed = () => appError(403, 'region-not-served', '该辖区不在本账号的管辖范围内，不能查看其统计数据', [{ path: 'querystring.region', message: '不在本账号的辖区内' }]);

/** The regions a figure asked for `region` (unknown: 400) counts, held within the account's own. */
export function askedRegions(catalogue: Catalogue, own: string[] | null, region: string | undefined): string[] | null {
  const asked = servedBy(catalogue, region);
  if (own === null) return asked;
  if (asked === null) return own;
  if (!asked.every((code) => own.includes(code))) throw regionNotServed();
  return asked;
}

/** The departments of the regions counted (consultations are addressed to a department, not always about a case). */
export function departmentsIn(catalogue: Catalogue, regions: string[] | null): string[] | null {
  return regions === null ? null : [...catalogue.departments.values()].filter((d) => regions.includes(d.region)).map((d) => d.code);
}
