/** Jurisdiction checks: the region tree, each department's region, and items' regional implementations. */
import type { DocumentIndex, Located } from './index-docs.ts';
import { codeFitsParent, levelRank, regionChain } from './regions.ts';
import { REGION_LEVEL_NAMES, type Defect, type Department, type Item, type Region } from './types.ts';

type Report = (d: Defect) => void;

export function validateRegions(index: DocumentIndex, report: Report): void {
  const regions = new Map([...index.regions].map(([k, v]) => [k, v.data]));
  for (const { file, data: r } of index.regions.values()) {
    if (r.level === 'township' && r.code.length !== 9) report({ file, path: 'code', message: '乡镇（街道）的代码应为 9 位' });
    if (r.level !== 'township' && r.code.length !== 6) report({ file, path: 'code', message: '省、市、县级行政区划的代码应为 6 位' });
    if (r.parent === undefined) continue;
    const parent = regions.get(r.parent);
    if (!parent) {
      if (!index.broken.has(r.parent)) report({ file, path: 'parent', message: `上级行政区划「${r.parent}」不存在` });
      continue;
    }
    if (levelRank(r.level) <= levelRank(parent.level)) {
      report({ file, path: 'level', message: `${REGION_LEVEL_NAMES[r.level]}行政区划不能隶属于${REGION_LEVEL_NAMES[parent.level]}的「${parent.name}」：层级应低于上级` });
    } else if (!codeFitsParent(r.code, parent)) {
      report({ file, path: 'code', message: `代码「${r.code}」与上级「${parent.name}」（${parent.code}）的代码前缀不一致（GB/T 2260）` });
    }
  }
  // A catalogue that declares no regions at all serves one jurisdiction; department codes are then not checked.
  if (index.regions.size === 0 && ![...index.items.values()].some((i) => i.data.implementations?.length)) return;
  for (const { file, data: d } of index.departments.values()) checkDepartment(index, file, d, report);
  for (const located of index.items.values()) checkImplementations(index, regions, located, report);
}

function checkDepartment(index: DocumentIndex, file: string, d: Department, report: Report): void {
  const region = index.regions.get(d.region)?.data;
  if (!region) {
    if (!index.broken.has(d.region)) report({ file, path: 'region', message: `所属行政区划「${d.region}」不存在` });
    return;
  }
  if (region.level !== d.level) {
    report({ file, path: 'level', message: `部门层级应与所属行政区划「${region.name}」一致：${REGION_LEVEL_NAMES[region.level]}` });
  }
}

function checkImplementations(index: DocumentIndex, regions: ReadonlyMap<string, Region>, { file, data: item }: Located<Item>, report: Report): void {
  (item.implementations ?? []).forEach((impl, i) => {
    const path = `implementations[${i}]`;
    const region = regions.get(impl.region);
    if (!region) {
      if (!index.broken.has(impl.region)) report({ file, path: `${path}.region`, message: `行政区划「${impl.region}」不存在` });
      return;
    }
    const code = impl.department ?? item.department;
    const dept = index.departments.get(code)?.data;
    if (!dept) {
      if (impl.department !== undefined && !index.broken.has(code)) report({ file, path: `${path}.department`, message: `部门「${code}」不存在` });
    } else {
      // A department handles its own region and the regions below it, never a neighbour's.
      if (!regionChain(regions, impl.region).some((r) => r.code === dept.region)) {
        report({ file, path: `${path}.department`, message: `「${dept.name}」不管辖「${region.name}」：实施部门应属于该行政区划或其上级` });
      }
      if (item.levels && !item.levels.includes(dept.level)) {
        report({ file, path: `${path}.department`, message: `本事项只在${item.levels.map((l) => REGION_LEVEL_NAMES[l]).join('、')}实施，「${dept.name}」为${REGION_LEVEL_NAMES[dept.level]}部门` });
      }
    }
    const promised = impl.timeLimit?.promised ?? item.timeLimit.promised;
    const legal = impl.timeLimit?.legal ?? item.timeLimit.legal;
    if (promised > legal) report({ file, path: `${path}.timeLimit.promised`, message: `承诺时限（${promised}）不能长于法定时限（${legal}）` });
  });
}
