/**
 * A readable difference between two sets of catalogue documents: which files were added, removed
 * or changed, every leaf that changed, and which key matters and departments the change concerns
 * (the departments whose opinion the review asks for, clause 5.3.2).
 */
import { isDeepStrictEqual } from 'node:util';
import type { CatalogueDocument, DocumentKind } from '../../../core/catalog/types.ts';

export interface LeafChange {
  path: string;
  /** Absent when the leaf was added. */
  before?: unknown;
  /** Absent when the leaf was removed. */
  after?: unknown;
}

export interface DocumentChange {
  file: string;
  kind: DocumentKind;
  change: 'added' | 'removed' | 'changed';
  /** For a changed document: every leaf that differs. */
  changes?: LeafChange[];
}

export interface AffectedMatter {
  id: string;
  name: string;
  /** Why the matter is concerned, in words. */
  why: string[];
}

export interface Impact {
  documents: DocumentChange[];
  matters: AffectedMatter[];
  /** Department codes asked for an opinion: lead and partners of changed matters, departments of changed items and the like. */
  departments: string[];
}

type Obj = Record<string, unknown>;
/** A mapping (a YAML map, a JSON object), not a list or a plain value. */
export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function');

/** Keys that name the elements of a list (questions by id, a matter's items by item, …). */
const ELEMENT_KEYS = ['id', 'item', 'key', 'code', 'value'];

function elementKey(list: unknown[]): string | null {
  for (const k of ELEMENT_KEYS) {
    const seen = new Set<string>();
    if (list.every((e) => isObject(e) && typeof e[k] === 'string' && !seen.has(e[k] as string) && seen.add(e[k] as string))) return k;
  }
  return null;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function diffValue(a: unknown, b: unknown, path: string, out: LeafChange[]): void {
  if (isDeepStrictEqual(a, b)) return;
  const at = path || '(根)';
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a)) {
      if (!Object.prototype.hasOwnProperty.call(b, k)) out.push({ path: join(path, k), before: a[k] });
      else diffValue(a[k], b[k], join(path, k), out);
    }
    for (const k of Object.keys(b)) if (!Object.prototype.hasOwnProperty.call(a, k)) out.push({ path: join(path, k), after: b[k] });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    // A list of plain values reads best whole: partners [ga, rs] → [ga, rs, yb].
    if (a.every(isPrimitive) && b.every(isPrimitive)) {
      out.push({ path: at, before: a, after: b });
      return;
    }
    const ka = a.length > 0 ? elementKey(a) : null;
    const kb = b.length > 0 ? elementKey(b) : null;
    const k = a.length === 0 ? kb : b.length === 0 ? ka : ka === kb ? ka : null;
    if (k) {
      const name = (e: unknown) => (e as Obj)[k] as string;
      const before = new Map(a.map((e) => [name(e), e]));
      const after = new Map(b.map((e) => [name(e), e]));
      const el = (id: string) => `${path}[${k}=${id}]`;
      for (const [id, e] of after) {
        if (!before.has(id)) out.push({ path: el(id), after: e });
        else diffValue(before.get(id), e, el(id), out);
      }
      for (const [id, e] of before) if (!after.has(id)) out.push({ path: el(id), before: e });
      const common = (m: Map<string, unknown>, other: Map<string, unknown>) => [...m.keys()].filter((id) => other.has(id));
      const orderBefore = common(before, after);
      const orderAfter = common(after, before);
      if (!isDeepStrictEqual(orderBefore, orderAfter)) out.push({ path: `${at}（顺序）`, before: orderBefore, after: orderAfter });
      return;
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length) out.push({ path: `${path}[${i}]`, after: b[i] });
      else if (i >= b.length) out.push({ path: `${path}[${i}]`, before: a[i] });
      else diffValue(a[i], b[i], `${path}[${i}]`, out);
    }
    return;
  }
  out.push({ path: at, before: a, after: b });
}

/** Every leaf that differs between two values of a document. */
export function leafChanges(before: unknown, after: unknown): LeafChange[] {
  const out: LeafChange[] = [];
  diffValue(before, after, '', out);
  return out;
}

export function diffDocuments(before: readonly CatalogueDocument[], after: readonly CatalogueDocument[]): DocumentChange[] {
  const old = new Map(before.map((d) => [d.file, d]));
  const now = new Map(after.map((d) => [d.file, d]));
  const out: DocumentChange[] = [];
  for (const file of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const a = old.get(file);
    const b = now.get(file);
    if (!a && b) out.push({ file, kind: b.kind, change: 'added' });
    else if (a && !b) out.push({ file, kind: a.kind, change: 'removed' });
    else if (a && b && (a.kind !== b.kind || !isDeepStrictEqual(a.data, b.data))) out.push({ file, kind: b.kind, change: 'changed', changes: leafChanges(a.data, b.data) });
  }
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');

/** The field keys an item uses (dictionary keys and its own fields). */
function itemFieldKeys(item: Obj): string[] {
  return list(item.fields).map((f) => (typeof f === 'string' ? f : isObject(f) ? str(f.key) : undefined)).filter((k): k is string => k !== undefined);
}

/** The e-license types an item reads (material replacements) or issues (its result). */
function itemLicenses(item: Obj): string[] {
  const out: string[] = [];
  for (const m of list(item.materials)) for (const r of isObject(m) ? list(m.replacedBy) : []) if (isObject(r) && r.kind === 'license' && typeof r.license === 'string') out.push(r.license);
  if (isObject(item.result) && typeof item.result.license === 'string') out.push(item.result.license);
  return out;
}

/** The departments an item's 实施清单 names, region by region. */
function implementingDepartments(item: Obj): string[] {
  return list(item.implementations).map((i) => (isObject(i) ? str(i.department) : undefined)).filter((d): d is string => d !== undefined);
}

/** Which matters and departments a change of documents concerns, read from both sides of the change. */
export function impactOf(before: readonly CatalogueDocument[], after: readonly CatalogueDocument[]): Impact {
  const documents = diffDocuments(before, after);
  const datas = (file: string) => [before.find((d) => d.file === file)?.data, after.find((d) => d.file === file)?.data].filter(isObject);
  const all = [...before, ...after];
  const matters = all.filter((d) => d.kind === 'matter').map((d) => d.data).filter(isObject);
  const items = all.filter((d) => d.kind === 'item').map((d) => d.data).filter(isObject);
  const name = (code: string, kind: 'item' | 'department' | 'license' | 'region') => {
    const d = [...after, ...before].find((x) => x.kind === kind && isObject(x.data) && x.data.code === code)?.data;
    return (isObject(d) && str(d.name)) || code;
  };

  const departments = new Set<string>();
  const concerned = new Map<string, AffectedMatter>();
  const concern = (m: Obj, why: string, withLead: boolean) => {
    const id = str(m.id);
    if (!id) return;
    let a = concerned.get(id);
    if (!a) concerned.set(id, (a = { id, name: str(m.name) ?? id, why: [] }));
    if (!a.why.includes(why)) a.why.push(why);
    if (withLead && str(m.lead)) departments.add(m.lead as string);
  };
  /** Items changed directly or through what they use: their departments are asked, and the leads of the matters that bundle them. */
  const changedItems = new Map<string, string>();
  const itemChanged = (code: string, why: string) => {
    if (!changedItems.has(code)) changedItems.set(code, why);
  };

  for (const doc of documents) {
    for (const data of datas(doc.file)) {
      switch (doc.kind) {
        case 'matter':
          concern(data, doc.change === 'added' ? '新增的一件事' : doc.change === 'removed' ? '删除的一件事' : '指南、问卷、情形或事项组成有变化', true);
          for (const p of strings(data.partners)) departments.add(p);
          break;
        case 'item':
          if (str(data.code)) itemChanged(data.code as string, `事项「${name(data.code as string, 'item')}」有变化`);
          if (str(data.department)) departments.add(data.department as string);
          for (const d of implementingDepartments(data)) departments.add(d);
          break;
        case 'fields': {
          const keys = new Set(list(data.fields).map((f) => (isObject(f) ? str(f.key) : undefined)).filter((k): k is string => k !== undefined));
          const group = isObject(data.group) ? str(data.group.title) ?? str(data.group.id) : undefined;
          for (const item of items) if (str(item.code) && itemFieldKeys(item).some((k) => keys.has(k))) itemChanged(item.code as string, `所用字段（${group ?? doc.file}）有变化`);
          break;
        }
        case 'license': {
          const code = str(data.code);
          if (str(data.department)) departments.add(data.department as string);
          if (code) for (const item of items) if (str(item.code) && itemLicenses(item).includes(code)) itemChanged(item.code as string, `所用电子证照「${name(code, 'license')}」有变化`);
          break;
        }
        case 'department': {
          const code = str(data.code);
          if (!code) break;
          departments.add(code);
          for (const m of matters) if (m.lead === code || strings(m.partners).includes(code)) concern(m, `部门「${name(code, 'department')}」的信息有变化`, false);
          // A department that implements items in its region (实施清单) concerns the matters bundling them.
          for (const item of items) if (str(item.code) && implementingDepartments(item).includes(code)) itemChanged(item.code as string, `实施部门「${name(code, 'department')}」的信息有变化`);
          break;
        }
        case 'region': {
          const code = str(data.code);
          if (!code) break;
          const regionName = name(code, 'region');
          for (const item of items) {
            if (str(item.code) && list(item.implementations).some((i) => isObject(i) && i.region === code)) itemChanged(item.code as string, `行政区划「${regionName}」有变化，影响其实施清单`);
          }
          break;
        }
        case 'calendar':
          break;
      }
    }
  }
  for (const [code, why] of changedItems) {
    for (const item of items) if (item.code === code && str(item.department)) departments.add(item.department as string);
    for (const m of matters) if (list(m.items).some((e) => isObject(e) && e.item === code)) concern(m, why, true);
  }
  return { documents, matters: [...concerned.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), departments: [...departments].sort() };
}
