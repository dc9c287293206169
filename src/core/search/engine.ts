/**
 * The one search engine of the platform (search and questions): documents with weighted fields,
 * cut into words by an injected analyzer (the server uses jieba and pinyin-pro; core may not), so
 * the ranking, the typo tolerance and the index stay pure and testable.
 *
 * A query is cut into units (a word, or adjacent single characters merged when together they are a
 * catalogue word spelt wrong). Each unit matches exactly, by pinyin (homophone typos, Latin input
 * such as xinsheng or its initials xs), or with one character changed. A document's score sums, for
 * each unit, the best field weight times the word's rarity; coverage is the share of units matched.
 */
export interface Analyzer {
  /** Words of a text, in order, sub-words of long words included (search mode). */
  words(text: string): string[];
  /** Toneless pinyin of a Chinese word, whole and as initials. */
  pinyin(word: string): { full: string; initials: string };
}

export interface SearchField { name: string; text: string; weight: number }
export interface SearchDoc { id: string; fields: SearchField[] }

interface Posting { weight: number; field: string }

export interface EngineIndex {
  analyzer: Analyzer;
  docs: ReadonlyMap<string, SearchDoc>;
  postings: ReadonlyMap<string, ReadonlyMap<string, Posting>>;
  /** Full pinyin of every word, sorted, for prefix look-up. */
  pinyinKeys: readonly string[];
  byPinyin: ReadonlyMap<string, readonly string[]>;
  byInitials: ReadonlyMap<string, readonly string[]>;
  /** A word with one character taken out → the words it came from (one-character typos). */
  deletions: ReadonlyMap<string, readonly string[]>;
}

export interface Hit {
  id: string;
  score: number;
  /** Share of the query's units found in this document (0–1). */
  coverage: number;
  /** Fields that matched, best first. */
  fields: string[];
}

const CJK = /^[\u3400-\u9fff]+$/;
const LATIN = /^[a-z0-9]+$/;

/** Words that carry no meaning in a question or a search. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  '的', '了', '吗', '呢', '吧', '啊', '呀', '么', '我', '我们', '你', '您', '他', '她', '它', '要', '想', '想要', '需要', '能', '能不能', '可以', '可不可以', '怎么', '怎么样', '怎样', '如何', '什么', '哪些', '哪个', '哪里', '哪儿', '多少', '是', '是不是', '有', '在', '和', '与', '及', '或', '去', '到', '给', '把', '被', '让', '就', '都', '也', '还', '又', '请问', '一下', '办', '办理', '一件', '事', '一件事', '这', '那', '个', '些', '得', '地', '着', '过', '请', '问', '会', '该', '应该', '用', '做', '弄', '搞', '上', '下', '时候', '自己', '家里', '现在',
]);

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The meaningful words of a text: CJK and Latin words, lower-cased, stopwords out. */
export function terms(analyzer: Analyzer, text: string): string[] {
  const out: string[] = [];
  for (const w of analyzer.words(normalize(text))) {
    const t = w.trim();
    if (t === '' || STOPWORDS.has(t) || !(CJK.test(t) || LATIN.test(t))) continue;
    out.push(t);
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function deletionsOf(word: string): string[] {
  const chars = [...word];
  return chars.map((_, i) => [...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
}

export function buildEngine(docs: readonly SearchDoc[], analyzer: Analyzer): EngineIndex {
  const postings = new Map<string, Map<string, Posting>>();
  for (const doc of docs) {
    for (const field of doc.fields) {
      for (const t of new Set(terms(analyzer, field.text))) {
        let p = postings.get(t);
        if (!p) postings.set(t, (p = new Map()));
        const had = p.get(doc.id);
        if (!had || had.weight < field.weight) p.set(doc.id, { weight: field.weight, field: field.name });
      }
    }
  }
  const byPinyin = new Map<string, string[]>();
  const byInitials = new Map<string, string[]>();
  const deletions = new Map<string, string[]>();
  for (const t of postings.keys()) {
    if (!CJK.test(t)) continue;
    const len = [...t].length;
    if (len >= 2) {
      const py = analyzer.pinyin(t);
      push(byPinyin, py.full, t);
      push(byInitials, py.initials, t);
    }
    if (len >= 3) for (const d of deletionsOf(t)) push(deletions, d, t);
  }
  const pinyinKeys = [...byPinyin.keys()].sort();
  return { analyzer, docs: new Map(docs.map((d) => [d.id, d])), postings, pinyinKeys, byPinyin, byInitials, deletions };
}

/** Words in the index a query word may stand for, each with how much the match is trusted. */
function candidates(index: EngineIndex, unit: string): [string, number][] {
  if (index.postings.has(unit)) return [[unit, 1]];
  const found = new Map<string, number>();
  const add = (words: readonly string[] | undefined, trust: number) => {
    for (const w of words ?? []) if ((found.get(w) ?? 0) < trust) found.set(w, trust);
  };
  if (LATIN.test(unit) && /[a-z]/.test(unit)) {
    if (unit.length >= 2) add(index.byInitials.get(unit), 0.7);
    if (unit.length >= 3) {
      const keys = index.pinyinKeys;
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((keys[mid] ?? '') < unit) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < keys.length && (keys[i] ?? '').startsWith(unit); i++) add(index.byPinyin.get(keys[i] ?? ''), keys[i] === unit ? 0.9 : 0.8);
    }
  } else if (CJK.test(unit) && [...unit].length >= 2) {
    add(index.byPinyin.get(index.analyzer.pinyin(unit).full), 0.9);
    if ([...unit].length >= 3) {
      add(index.deletions.get(unit), 0.7);
      for (const d of deletionsOf(unit)) {
        add(index.deletions.get(d), 0.7);
        if (index.postings.has(d) && [...d].length >= 3) add([d], 0.7);
      }
    }
  }
  return [...found];
}

/**
 * The query's units: its words, where a run of single characters that is no word of the index is
 * tried as one word (社/宝/卡 → 社宝卡, which pinyin matches to 社保卡).
 */
export function units(index: EngineIndex, query: string): string[][] {
  const words = index.analyzer.words(normalize(query)).map((w) => w.trim()).filter((w) => w !== '');
  const out: string[][] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i] as string;
    let merged = false;
    for (const span of [3, 2]) {
      const part = words.slice(i, i + span);
      if (part.length < span || !part.every((p) => CJK.test(p) && !STOPWORDS.has(p) && ([...p].length === 1 || !index.postings.has(p)))) continue;
      const joined = part.join('');
      if ([...joined].length > 5 || index.postings.has(joined)) continue;
      const c = candidates(index, joined);
      if (c.length > 0) {
        out.push([joined]);
        i += span;
        merged = true;
        break;
      }
    }
    if (merged) continue;
    if (!STOPWORDS.has(w) && (CJK.test(w) || LATIN.test(w))) out.push([w]);
    i += 1;
  }
  return out;
}

/** Best documents first; a document is kept when it matches at least `minCoverage` of the query. */
export interface SearchOptions {
  limit?: number;
  minCoverage?: number;
  /** Extra score for documents a hint names; they count as fully covered. */
  boost?: ReadonlyMap<string, number>;
  /** Only these fields count (questions identify a matter by its name and items, not by shared materials). */
  fields?: ReadonlySet<string>;
}

export function searchEngine(index: EngineIndex, query: string, options: SearchOptions = {}): Hit[] {
  const us = units(index, query).map(([u]) => u as string).filter((u, k, all) => all.indexOf(u) === k);
  const n = index.docs.size;
  const scores = new Map<string, { score: number; matched: number; fields: Map<string, number> }>();
  for (const u of us) {
    const best = new Map<string, { value: number; field: string }>();
    for (const [word, trust] of candidates(index, u)) {
      const p = index.postings.get(word);
      if (!p) continue;
      const rarity = Math.log(1 + n / p.size);
      const single = [...word].length === 1 ? 0.3 : 1;
      for (const [id, { weight, field }] of p) {
        if (options.fields && !options.fields.has(field)) continue;
        const value = weight * rarity * trust * single;
        if ((best.get(id)?.value ?? 0) < value) best.set(id, { value, field });
      }
    }
    for (const [id, { value, field }] of best) {
      let s = scores.get(id);
      if (!s) scores.set(id, (s = { score: 0, matched: 0, fields: new Map() }));
      s.score += value;
      s.matched += 1;
      s.fields.set(field, (s.fields.get(field) ?? 0) + value);
    }
  }
  for (const [id, extra] of options.boost ?? []) {
    if (!index.docs.has(id)) continue;
    let s = scores.get(id);
    if (!s) scores.set(id, (s = { score: 0, matched: 0, fields: new Map() }));
    s.score += extra;
  }
  const total = Math.max(us.length, 1);
  const boosted = options.boost ?? new Map<string, number>();
  return [...scores]
    .map(([id, s]) => {
      const coverage = boosted.has(id) ? 1 : s.matched / total;
      // A document that answers the whole query outranks one that matches a part of it strongly.
      return { id, score: s.score * coverage * coverage, coverage, fields: [...s.fields].sort((a, b) => b[1] - a[1]).map(([f]) => f) };
    })
    .filter((h) => h.coverage >= (options.minCoverage ?? 0.5) && h.score > 0)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, options.limit ?? 20);
}

/**
 * The nearest documents for an empty result: those matching any word of the query, else those
 * sharing at least two of its characters within one field.
 */
export function nearest(index: EngineIndex, query: string, fieldNames: readonly string[], limit = 3): string[] {
  const partial = searchEngine(index, query, { minCoverage: Number.MIN_VALUE, limit, fields: new Set(fieldNames) });
  if (partial.length > 0) return partial.map((h) => h.id);
  const chars = new Set([...normalize(query)].filter((c) => CJK.test(c) && !STOPWORDS.has(c)));
  const scored: [string, number][] = [];
  for (const doc of index.docs.values()) {
    let s = 0;
    for (const f of doc.fields) {
      if (!fieldNames.includes(f.name)) continue;
      const shared = [...chars].filter((c) => f.text.includes(c)).length;
      if (shared >= 2) s += shared * f.weight;
    }
    if (s > 0) scored.push([doc.id, s]);
  }
  return scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map(([id]) => id);
}
