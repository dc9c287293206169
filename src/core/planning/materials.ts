/** The one set of materials: each material once, required or exempt with the reason and proof. */
import { truthy } from '../rules/jsonlogic.ts';
import type { Catalogue, CompiledMaterial, CompiledMatterItem, CompiledReplacement } from '../catalog/model.ts';
import type { Material } from '../catalog/types.ts';
import type { Exemption, Facts, PlannedMaterial } from './types.ts';

const FORM_STRENGTH: Record<Material['form'], number> = { copy: 0, original: 1, 'original-and-copy': 2 };

interface Occurrence {
  entry: CompiledMatterItem;
  material: CompiledMaterial;
}

function describe(catalogue: Catalogue, r: CompiledReplacement): Exemption {
  switch (r.kind) {
    case 'license': {
      const name = catalogue.licenses.get(r.license)?.name ?? r.license;
      return { kind: 'license', evidence: `${name}电子证照`, ref: r.license };
    }
    case 'result-of-item': {
      const item = catalogue.items.get(r.item);
      return { kind: 'result-of-item', evidence: `「${item?.name ?? r.item}」的办理结果：${item?.result.name ?? ''}`, ref: r.item };
    }
    case 'shared-data':
      return { kind: 'shared-data', evidence: `数据共享核验：${r.data}`, ref: r.data };
    case 'commitment':
      return { kind: 'commitment', evidence: r.text ?? '申请人签署告知承诺书，承诺所述情况属实' };
  }
}

/** Whether a replacement spares the material in this plan, and if not, whether it could. */
function applies(r: CompiledReplacement, occ: Occurrence, inPlan: ReadonlySet<string>, facts: Facts, data: Readonly<Record<string, unknown>>): boolean {
  if (r.test && !truthy(r.test(data))) return false;
  switch (r.kind) {
    case 'license': return (facts.licenses ?? []).includes(r.license);
    case 'result-of-item': return inPlan.has(r.item) && occ.entry.ancestors.has(r.item);
    default: return true;
  }
}

export function mergeMaterials(
  catalogue: Catalogue, chosen: readonly CompiledMatterItem[], data: Readonly<Record<string, unknown>>, facts: Facts,
): PlannedMaterial[] {
  const inPlan = new Set(chosen.map((e) => e.item));
  const byId = new Map<string, Occurrence[]>();
  for (const entry of chosen) {
    for (const material of entry.def.compiledMaterials) {
      if (material.requiredTest && !truthy(material.requiredTest(data))) continue;
      let list = byId.get(material.id);
      if (!list) byId.set(material.id, (list = []));
      list.push({ entry, material });
    }
  }

  const out: PlannedMaterial[] = [];
  for (const [id, occurrences] of byId) {
    const first = (occurrences[0] as Occurrence).material;
    let exemption: Exemption | undefined;
    let allExempt = true;
    const alternatives = new Map<string, Exemption>();
    for (const occ of occurrences) {
      const hit = occ.material.replacements.find((r) => applies(r, occ, inPlan, facts, data));
      if (!hit) {
        allExempt = false;
        for (const r of occ.material.replacements) {
          if (r.kind === 'license' && (!r.test || truthy(r.test(data)))) alternatives.set(r.license, describe(catalogue, r));
        }
      } else exemption ??= describe(catalogue, hit);
    }
    const formal = new Set<string>();
    const substantive = new Set<string>();
    let copies = 0;
    let form = first.form;
    let paper = false;
    let electronic = true;
    for (const { material } of occurrences) {
      copies = Math.max(copies, material.copies);
      if (FORM_STRENGTH[material.form] > FORM_STRENGTH[form]) form = material.form;
      paper ||= material.medium === 'paper';
      electronic &&= material.medium === 'electronic';
      for (const p of material.review.formal ?? []) formal.add(p);
      for (const p of material.review.substantive ?? []) substantive.add(p);
    }
    const planned: PlannedMaterial = {
      id,
      name: first.name,
      status: allExempt ? 'exempt' : 'required',
      alternatives: allExempt ? [] : [...alternatives.values()],
      deferrable: !allExempt && occurrences.every((o) => o.material.deferrable === true),
      copies,
      form,
      medium: paper ? 'paper' : electronic ? 'electronic' : 'either',
      items: occurrences.map((o) => o.entry.item),
      review: { formal: [...formal], substantive: [...substantive] },
    };
    if (allExempt && exemption) planned.exemption = exemption;
    if (first.sample) planned.sample = first.sample;
    out.push(planned);
  }
  return out;
}

/** How many materials each item asks for when handled alone: no merging, no results of other items. */
export function materialsAlone(chosen: readonly CompiledMatterItem[], data: Readonly<Record<string, unknown>>): number {
  let count = 0;
  for (const entry of chosen) {
    for (const m of entry.def.compiledMaterials) if (!m.requiredTest || truthy(m.requiredTest(data))) count++;
  }
  return count;
}
