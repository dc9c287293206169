/** `onething regions`: the jurisdictions the catalogue knows, as a tree (text) or a list (JSON). */
import type { Catalogue } from '../core/catalog/model.ts';
import { REGION_LEVEL_NAMES, type Region } from '../core/catalog/types.ts';

export interface RegionRow {
  code: string;
  name: string;
  level: Region['level'];
  parent: string | null;
}

/** Parents before their children, siblings by code. */
export function regionRows(catalogue: Catalogue): RegionRow[] {
  const children = new Map<string | null, Region[]>();
  for (const r of catalogue.regions.values()) {
    const parent = r.parent !== undefined && catalogue.regions.has(r.parent) ? r.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const rows: RegionRow[] = [];
  const visit = (parent: string | null) => {
    for (const r of [...(children.get(parent) ?? [])].sort((a, b) => a.code.localeCompare(b.code))) {
      rows.push({ code: r.code, name: r.name, level: r.level, parent: r.parent ?? null });
      visit(r.code);
    }
  };
  visit(null);
  return rows;
}

export function formatRegions(catalogue: Catalogue): string {
  const rows = regionRows(catalogue);
  if (rows.length === 0) return '事项目录未配置行政区划：各事项均由其默认部门办理。';
  const depth = new Map<string, number>();
  return rows.map((r) => {
    const d = r.parent === null ? 0 : (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.code, d);
    return `${'  '.repeat(d)}${r.name}（${REGION_LEVEL_NAMES[r.level]}，代码 ${r.code}）`;
  }).join('\n');
}
