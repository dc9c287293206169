/** The one merged form: each field once, in sections, as one JSON Schema (draft 2020-12). */
import { truthy } from '../rules/jsonlogic.ts';
import type { Catalogue, CompiledMatter, CompiledMatterItem } from '../catalog/model.ts';
import type { FieldDef, FieldFormat } from '../catalog/types.ts';
import type { Facts, FormField, FormSection, MergedForm } from './types.ts';
import { deepFreeze } from './freeze.ts';

/** JSON Schema format names for our field formats; the server registers a checker for each. */
export const SCHEMA_FORMATS: Record<FieldFormat, string> = {
  'resident-id': 'cn-resident-id',
  uscc: 'cn-uscc',
  mobile: 'cn-mobile',
  phone: 'cn-phone',
  'bank-card': 'bank-card',
  postcode: 'cn-postcode',
  email: 'email',
  address: 'cn-address',
};

const schemaCache = new WeakMap<FieldDef, Record<string, unknown>>();

export function fieldSchema(def: FieldDef): Record<string, unknown> {
  const cached = schemaCache.get(def);
  if (cached) return cached;
  const s: Record<string, unknown> = { title: def.label };
  if (def.description) s.description = def.description;
  const options = (def.options ?? []).map((o) => ({ const: o.value, title: o.label }));
  switch (def.type) {
    case 'string':
      s.type = 'string';
      if (def.format) s.format = SCHEMA_FORMATS[def.format];
      if (def.pattern) s.pattern = def.pattern;
      break;
    case 'integer':
    case 'number':
      s.type = def.type;
      if (typeof def.minimum === 'number') s.minimum = def.minimum;
      if (typeof def.maximum === 'number') s.maximum = def.maximum;
      break;
    case 'boolean':
      s.type = 'boolean';
      break;
    case 'date':
      s.type = 'string';
      s.format = 'date';
      if (typeof def.minimum === 'string') s.formatMinimum = def.minimum;
      if (typeof def.maximum === 'string') s.formatMaximum = def.maximum;
      break;
    case 'enum':
      s.type = 'string';
      s.oneOf = options;
      break;
    case 'multi-enum':
      s.type = 'array';
      s.items = { type: 'string', oneOf: options };
      s.uniqueItems = true;
      break;
  }
  if (def.minLength !== undefined) s.minLength = def.minLength;
  if (def.maxLength !== undefined) s.maxLength = def.maxLength;
  if (def.sensitive) s['x-sensitive'] = true;
  schemaCache.set(def, s);
  return s;
}

interface Collected {
  def: FieldDef;
  required: boolean;
  items: string[];
  rank: number;
}

/** The form without the applicant's values depends only on the items and the field conditions. */
function buildSkeleton(catalogue: Catalogue, chosen: readonly CompiledMatterItem[], active: (entry: CompiledMatterItem, index: number) => boolean): MergedForm {
  const collected = new Map<string, Collected>();
  let ownRank = catalogue.fieldRank.size;
  for (const entry of chosen) {
    entry.def.fieldRefs.forEach((ref, i) => {
      if (!active(entry, i)) return;
      const existing = collected.get(ref.def.key);
      if (existing) {
        existing.required ||= !ref.optional;
        if (!existing.items.includes(entry.item)) existing.items.push(entry.item);
        return;
      }
      const rank = ref.own ? ownRank++ : (catalogue.fieldRank.get(ref.def.key) ?? ownRank++);
      collected.set(ref.def.key, { def: ref.def, required: !ref.optional, items: [entry.item], rank });
    });
  }

  const sectionOrder = (group: string): number => catalogue.groups.get(group)?.order ?? 10_000;
  const ordered = [...collected.values()].sort((a, b) => sectionOrder(a.def.group) - sectionOrder(b.def.group) || a.rank - b.rank);

  const sections: FormSection[] = [];
  const sectionById = new Map<string, FormSection>();
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const fields: FormField[] = [];
  for (const c of ordered) {
    const { def } = c;
    let section = sectionById.get(def.group);
    if (!section) {
      const ownItem = def.group.startsWith('item:') ? catalogue.items.get(def.group.slice(5)) : undefined;
      section = { id: def.group, title: catalogue.groups.get(def.group)?.title ?? `${ownItem?.name ?? def.group}专项信息`, fields: [] };
      sectionById.set(def.group, section);
      sections.push(section);
    }
    section.fields.push(def.key);
    properties[def.key] = { ...fieldSchema(def), 'x-items': c.items };
    if (c.required) required.push(def.key);
    fields.push({
      key: def.key,
      label: def.label,
      section: def.group,
      required: c.required,
      items: c.items,
      prefill: def.prefill ?? [],
      sensitive: def.sensitive ?? false,
    });
  }
  return deepFreeze({
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties,
      required,
      additionalProperties: false,
    },
    sections,
    fields,
  });
}

const SKELETONS_PER_MATTER = 512;
const skeletons = new WeakMap<CompiledMatter, Map<string, MergedForm>>();

export function mergeForm(
  catalogue: Catalogue, matter: CompiledMatter, chosen: readonly CompiledMatterItem[], data: Readonly<Record<string, unknown>>, facts: Facts,
): MergedForm {
  let key = '';
  for (const entry of chosen) {
    key += `${entry.item},`;
    for (const ref of entry.def.fieldRefs) {
      if (!ref.when) continue;
      const on = truthy(ref.when(data));
      key += on ? '1' : '0';
    }
  }
  let cache = skeletons.get(matter);
  if (!cache) skeletons.set(matter, (cache = new Map()));
  let skeleton = cache.get(key);
  if (!skeleton) {
    skeleton = buildSkeleton(catalogue, chosen, (entry, i) => {
      const ref = entry.def.fieldRefs[i];
      return !ref?.when || truthy(ref.when(data));
    });
    if (cache.size >= SKELETONS_PER_MATTER) cache.clear();
    cache.set(key, skeleton);
  }
  let fields: FormField[] | null = null;
  skeleton.fields.forEach((field, i) => {
    for (const p of field.prefill) {
      const value = facts[p.fact];
      if (value === undefined || value === null || value === '') continue;
      fields ??= skeleton.fields.slice();
      fields[i] = { ...field, value, valueFrom: p.from };
      break;
    }
  });
  return fields ? { ...skeleton, fields } : skeleton;
}
