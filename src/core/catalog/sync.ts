/**
 * Synchronising base items from a superior catalogue (上级事项目录, clause 6.4.2 b): the national
 * 基本目录 element set of each item (事项编码, 名称, 类型, 行使层级, 设定依据, 法定时限) replaces the local
 * copy's; everything the region implements (department, windows, promised limit, fees, materials,
 * fields, conditions) stays as it is. Pure: the caller turns the documents into a draft.
 */
import { arr, checkShape, int, obj, oneOf, opt, str, type Problem } from './shape.ts';
import type { CatalogueDocument, ItemKind, Level } from './types.ts';

export const BASE_FORMAT = 'onething-base-items/1';

/** 事项类型 as the national element set names them, and the catalogue's kind for each. */
export const BASE_ITEM_TYPES: Readonly<Record<string, ItemKind>> = {
  行政许可: 'permit', 行政确认: 'confirmation', 行政登记: 'registration', 行政给付: 'payment', 公共服务: 'public-service', 其他行政权力: 'other',
};
export const BASE_LEVELS: Readonly<Record<string, Level>> = { 省级: 'province', 市级: 'city', 县级: 'county' };

export interface BaseItem {
  mainCode: string;
  subCode?: string;
  name: string;
  type: string;
  levels?: string[];
  legalBasis: string[];
  /** 法定办结时限, working days. */
  legalLimit?: number;
  /** 废止: withdrawn from the superior catalogue. */
  status?: '在用' | '废止';
}

export interface BaseCatalogue {
  format: typeof BASE_FORMAT;
  /** Who issued it, e.g. “示例省政务服务事项基本目录”. */
  source: string;
  issuedAt: string;
  items: BaseItem[];
}

const code = str({ pattern: /^[0-9A-Z]{1,40}$/, patternText: '数字和大写字母组成的事项编码' });
const shape = obj({
  format: oneOf([BASE_FORMAT]),
  source: str({ max: 200 }),
  issuedAt: str({ pattern: /^\d{4}-\d{2}-\d{2}/, patternText: 'YYYY-MM-DD 开头的日期' }),
  items: arr(obj({
    mainCode: code,
    subCode: opt(code),
    name: str({ max: 200 }),
    type: oneOf(Object.keys(BASE_ITEM_TYPES)),
    levels: opt(arr(oneOf(Object.keys(BASE_LEVELS)), { min: 1 })),
    legalBasis: arr(str({ max: 500 }), { min: 1 }),
    legalLimit: opt(int(0, 365)),
    status: opt(oneOf(['在用', '废止'])),
  }), { min: 1, uniqueBy: (v) => keyOf(v as BaseItem) }),
});

const keyOf = (v: { mainCode?: unknown; subCode?: unknown }) => `${String(v.mainCode)}/${String(v.subCode ?? '')}`;

/** Every problem of a superior catalogue's file, with its path; empty when it can be synchronised. */
export function checkBaseCatalogue(value: unknown): Problem[] {
  return checkShape(shape, value);
}

export interface FieldChange {
  /** What changed, in words: 事项名称, 设定依据, … */
  label: string;
  from: string;
  to: string;
}

export interface ItemSync {
  item: string;
  name: string;
  file: string;
  /** Found by its 事项编码, or (first synchronisation) by its name. */
  matchedBy: 'code' | 'name';
  changes: FieldChange[];
}

export interface SyncResult {
  /** The whole catalogue with the changes applied; the same objects where nothing changed. */
  documents: CatalogueDocument[];
  updated: ItemSync[];
  unchanged: number;
  /** Base items no local item implements yet: a department must draw up their 实施清单. */
  unimplemented: { code: string; name: string }[];
  /** Local items the superior catalogue withdrew (废止) or no longer lists: left for a person to retire. */
  withdrawn: { item: string; name: string; code: string; reason: string }[];
}

type ItemData = Record<string, unknown> & { code: string; name: string };

const isItem = (d: CatalogueDocument): d is CatalogueDocument & { data: ItemData } =>
  d.kind === 'item' && typeof d.data === 'object' && d.data !== null && typeof (d.data as ItemData).code === 'string' && typeof (d.data as ItemData).name === 'string';

function localCode(data: ItemData): string | null {
  const nc = data.nationalCode as { main?: string | null; sub?: string | null } | undefined;
  return nc?.main ? `${nc.main}/${nc.sub ?? ''}` : null;
}

const KIND_NAMES = Object.fromEntries(Object.entries(BASE_ITEM_TYPES).map(([name, kind]) => [kind, name])) as Record<string, string>;
const LEVEL_NAMES = Object.fromEntries(Object.entries(BASE_LEVELS).map(([name, level]) => [level, name])) as Record<string, string>;
const words = (list: unknown, names: Record<string, string> = {}) => (Array.isArray(list) && list.length > 0 ? list.map((v) => names[String(v)] ?? String(v)).join('；') : '（无）');

/** Applies a checked superior catalogue (see checkBaseCatalogue) to the catalogue's documents. */
export function syncBaseItems(documents: readonly CatalogueDocument[], feed: BaseCatalogue): SyncResult {
  const items = documents.filter(isItem);
  const byCode = new Map<string, CatalogueDocument & { data: ItemData }>();
  for (const d of items) {
    const k = localCode(d.data);
    if (k) byCode.set(k, d);
  }
  // A local name may carry a qualifier the base name lacks: 食品经营许可新办（餐饮服务经营者） implements 食品经营许可.
  const byName = (name: string) => {
    const candidates = items.filter((d) => !localCode(d.data) && (d.data.name === name || d.data.name.startsWith(name)));
    const exact = candidates.filter((d) => d.data.name === name);
    if (exact.length === 1) return exact[0];
    return candidates.length === 1 ? candidates[0] : undefined;
  };
  const replaced = new Map<string, ItemData>();
  const result: Omit<SyncResult, 'documents'> = { updated: [], unchanged: 0, unimplemented: [], withdrawn: [] };
  const listed = new Set<string>();
  const source = `上级事项目录同步：${feed.source}（${feed.issuedAt.slice(0, 10)}）`;
  for (const base of feed.items) {
    const key = keyOf(base);
    listed.add(key);
    const codeText = base.subCode ? `${base.mainCode}（子项 ${base.subCode}）` : base.mainCode;
    let doc = byCode.get(key);
    const matchedBy: ItemSync['matchedBy'] = doc ? 'code' : 'name';
    doc ??= byName(base.name);
    if (!doc || replaced.has(doc.file)) {
      if (base.status !== '废止') result.unimplemented.push({ code: codeText, name: base.name });
      continue;
    }
    if (base.status === '废止') {
      result.withdrawn.push({ item: doc.data.code, name: doc.data.name, code: codeText, reason: '上级目录已废止该事项' });
      continue;
    }
    const { next, changes } = applyBase(doc.data, base, source);
    if (changes.length === 0) {
      result.unchanged++;
      continue;
    }
    replaced.set(doc.file, next);
    result.updated.push({ item: doc.data.code, name: doc.data.name, file: doc.file, matchedBy, changes });
  }
  for (const [key, d] of byCode) {
    if (!listed.has(key)) result.withdrawn.push({ item: d.data.code, name: d.data.name, code: key.replace(/\/$/, ''), reason: '上级目录中已没有该事项编码' });
  }
  return { documents: documents.map((d) => (replaced.has(d.file) ? { ...d, data: replaced.get(d.file) } : d)), ...result };
}

function applyBase(data: ItemData, base: BaseItem, source: string): { next: ItemData; changes: FieldChange[] } {
  const next: ItemData = { ...data };
  const changes: FieldChange[] = [];
  const set = (label: string, from: string, to: string, apply: () => void) => {
    if (from === to) return;
    changes.push({ label, from, to });
    apply();
  };
  const nc = (data.nationalCode ?? {}) as { main?: string | null; sub?: string | null };
  const codeWords = (main?: string | null, sub?: string | null) => (main ? `${main}${sub ? ` / ${sub}` : ''}` : '（未填）');
  set('事项编码（主项/子项）', codeWords(nc.main, nc.sub), codeWords(base.mainCode, base.subCode), () => {
    next.nationalCode = { main: base.mainCode, sub: base.subCode ?? null };
  });
  // The local name may be more precise (新办, 餐饮服务经营者): kept when it begins with the base name.
  if (!data.name.startsWith(base.name)) set('事项名称', data.name, base.name, () => { next.name = base.name; });
  const kind = BASE_ITEM_TYPES[base.type] as ItemKind;
  set('事项类型', KIND_NAMES[String(data.kind)] ?? String(data.kind), base.type, () => { next.kind = kind; });
  if (base.levels) {
    const levels = base.levels.map((l) => BASE_LEVELS[l] as Level);
    set('行使层级', words(data.levels, LEVEL_NAMES), words(levels, LEVEL_NAMES), () => { next.levels = levels; });
  }
  set('设定依据', words(data.legalBasis), words(base.legalBasis), () => { next.legalBasis = [...base.legalBasis]; });
  const limit = (data.timeLimit ?? {}) as { promised?: number; legal?: number };
  if (base.legalLimit !== undefined) {
    set('法定办结时限', `${limit.legal ?? '（未填）'} 个工作日`, `${base.legalLimit} 个工作日`, () => { next.timeLimit = { ...limit, legal: base.legalLimit }; });
  }
  if (changes.length > 0) {
    const sources = Array.isArray(data.source) ? (data.source as string[]).filter((s) => !s.startsWith('上级事项目录同步：')) : [];
    next.source = [...sources, source];
    // A note that the code was still to be filled from the superior catalogue is no longer true.
    if (next.nationalCode !== data.nationalCode && Array.isArray(data.assumptions)) {
      const kept = (data.assumptions as string[]).filter((a) => !a.includes('nationalCode'));
      if (kept.length > 0) next.assumptions = kept;
      else delete next.assumptions;
    }
  }
  return { next, changes };
}
