/** 办理地 on the public routes: a region code checked against the catalogue, and a guide's items as handled there. */
import type { GuidePlace } from '../../../contracts/regions.ts';
import type { Catalogue, CompiledMatter } from '../../../core/catalog/model.ts';
import { matterHandling, regionFullName } from '../../../core/planning/jurisdiction.ts';
import { badRequest } from '../../errors.ts';

/** The region code when the catalogue has it; 400 unknown-region naming the field otherwise. */
export function knownRegion(catalogue: Catalogue, code: string | undefined, path: string): string | undefined {
  if (code === undefined || catalogue.regions.has(code)) return code;
  throw badRequest('unknown-region', `没有代码为「${code.slice(0, 20)}」的行政区划`, [{ path, message: '不是本平台的行政区划' }]);
}

export function guidePlace(catalogue: Catalogue, matter: CompiledMatter, region: string | undefined): GuidePlace {
  const r = region === undefined ? undefined : catalogue.regions.get(region);
  return {
    region: r ? { code: r.code, name: r.name, level: r.level, fullName: regionFullName(catalogue.regions, r.code) } : null,
    handling: matterHandling(catalogue, matter, r?.code),
  };
}
