/** The one set of materials: each material once, required or exempt with the reason and proof. */
import { truthy } from '../rules/jsonlogic.ts';
import type { Catalogue, CompiledMaterial, CompiledMatter, CompiledMatterItem, CompiledReplacement } from '../catalog/model.ts';
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
      return { kind: 'shared-data', evidence: `数据共享核验：${r.data}`, ref: r.data, ...(r.register && r.fields ? { register: r.register, fields: [...r.fields] } : {}) };
    case 'commitment':
      return { kind: 'commitment', evidence: r.text ?? '申请人签署告知承诺书，承诺所述情况属实', ...(r.supplyWithinDays ? { supplyWithinDays: r.supplyWithinDays } : {}) };
  }
}

/** Whether a replacement spares the material in this plan, and if not, whether it could. */
function applies(r: CompiledReplacement, occ: Occurrence, inPlan: ReadonlySet<string>, facts: Facts, data: Readonly<Record<string, unknown>>, committed: ReadonlySet<string>): boolean {
  if (r.test && !truthy(r.test(data))) return false;
  switch (r.kind) {
    case 'license': return (facts.licenses ?? []).includes(r.license);
    case 'result-of-item': return inPlan.has(r.item) && occ.entry.ancestors.has(r.item);
    // A commitment is the applicant's choice, never made for them.
    case 'commitment': return committed.has(occ.material.id);
    default: return true;
  }
}

interface Resolved {
  occ: Occurrence;
  hit: CompiledReplacement | undefined;
  /** Replacements whose condition holds but which do not apply (an e-license not held). */
  open: CompiledReplacement[];
}

function build(catalogue: Catalogue, byId: Map<string, Resolved[]>): PlannedMaterial[] {
  const out: PlannedMaterial[] = [];
  for (const [id, resolved] of byId) {
    const first = (resolved[0] as Resolved).occ.material;
    let exemption: Exemption | undefined;
    let allExempt = true;
    const alternatives = new Map<string, Exemption>();
    for (const r of resolved) {
      if (!r.hit) {
        allExempt = false;
        for (const o of r.open) {
          if (o.kind === 'license') alternatives.set(o.license, describe(catalogue, o));
          else if (o.kind === 'commitment') alternatives.set('commitment', describe(catalogue, o));
        }
      } else exemption ??= describe(catalogue, r.hit);
    }
    const formal = new Set<string>();
    const substantive = new Set<string>();
    let copies = 0;
    let form = first.form;
    let paper = false;
    let electronic = true;
    for (const { occ: { material } } of resolved) {
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
      deferrable: !allExempt && resolved.every((r) => r.occ.material.deferrable === true),
      copies,
      form,
      medium: paper ? 'paper' : electronic ? 'electronic' : 'either',
      items: resolved.map((r) => r.occ.entry.item),
      review: { formal: [...formal], substantive: [...substantive] },
    };
    if (allExempt && exemption) planned.exemption = exemption;
    if (first.sample) planned.sample = first.sample;
    if (first.kind) planned.kind = first.kind;
    if (first.proof) planned.proof = first.proof;
    out.push(planned);
  }
  return out;
}

const CACHE_PER_MATTER = 512;
const cache = new WeakMap<CompiledMatter, Map<string, PlannedMaterial[]>>();

/**
 * The merged list depends only on which materials the answers require and which replacements
 * apply; those decide a key, and the list made for a key is kept (frozen) for the next plan.
 */
export function mergeMaterials(
  catalogue: Catalogue, matter: CompiledMatter, chosen: readonly CompiledMatterItem[], data: Readonly<Record<string, unknown>>, facts: Facts,
  committed: ReadonlySet<string> = new Set(),
): PlannedMaterial[] {
  const inPlan = new Set(chosen.map((e) => e.item));
  const byId = new Map<string, Resolved[]>();
  let key = '';
  for (const entry of chosen) {
    key += `${entry.item}:`;
    for (const material of entry.def.compiledMaterials) {
      if (material.requiredTest && !truthy(material.requiredTest(data))) {
        key += '-';
        continue;
      }
      const occ = { entry, material };
      let hit: CompiledReplacement | undefined;
      const open: CompiledReplacement[] = [];
      key += '[';
      for (const r of material.replacements) {
        if (applies(r, occ, inPlan, facts, data, committed)) {
          hit = r;
          key += 'h';
          break;
        }
        const could = !r.test || truthy(r.test(data));
        if (could) open.push(r);
        key += could ? 'o' : 'x';
      }
      key += ']';
      let list = byId.get(material.id);
      if (!list) byId.set(material.id, (list = []));
      list.push({ occ, hit, open });
    }
  }
  let perMatter = cache.get(matter);
  if (!perMatter) cache.set(matter, (perMatter = new Map()));
  const known = perMatter.get(key);
  if (known) return known;
  const made = build(catalogue, byId);
  for (const m of made) Object.freeze(m);
  Object.freeze(made);
  if (perMatter.size >= CACHE_PER_MATTER) perMatter.clear();
  perMatter.set(key, made);
  return made;
}

/** How many materials each item asks for when handled alone: no merging, no results of other items. */
export function materialsAlone(chosen: readonly CompiledMatterItem[], data: Readonly<Record<string, unknown>>): number {
  let count = 0;
  for (const entry of chosen) {
    for (const m of entry.def.compiledMaterials) if (!m.requiredTest || truthy(m.requiredTest(data))) count++;
  }
  return count;
}
