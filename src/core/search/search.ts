/**
 * Chinese-aware search over key matters: each field is cut into single characters and character
 * bigrams (no dictionary needed), so partial words such as 出生, 餐饮 or 退休 find their matters.
 * Fields are indexed separately and weighted: a hit in the name counts more than one in an item.
 */
export interface SearchDoc {
  id: string;
  fields: { text: string; weight: number }[];
}

export interface SearchIndex {
  docs: readonly SearchDoc[];
  grams: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

const CJK = /[\u3400-\u9fff]/;

/** Latin words whole (lower-cased), CJK runs as characters and bigrams. */
export function grams(text: string): string[] {
  const out: string[] = [];
  for (const token of text.toLowerCase().match(/[\u3400-\u9fff]+|[a-z0-9]+/g) ?? []) {
    if (!CJK.test(token)) {
      out.push(token);
      continue;
    }
    const chars = [...token];
    for (let i = 0; i < chars.length; i++) {
      out.push(chars[i] as string);
      if (i + 1 < chars.length) out.push(`${chars[i]}${chars[i + 1]}`);
    }
  }
  return out;
}

export function buildIndex(docs: readonly SearchDoc[]): SearchIndex {
  const index = new Map<string, Map<string, number>>();
  for (const doc of docs) {
    for (const field of doc.fields) {
      for (const g of new Set(grams(field.text))) {
        let postings = index.get(g);
        if (!postings) index.set(g, (postings = new Map()));
        postings.set(doc.id, (postings.get(doc.id) ?? 0) + field.weight);
      }
    }
  }
  return { docs, grams: index };
}

/** Document ids, best first. Bigrams weigh more than single characters; at least half the query's bigrams must match. */
export function search(index: SearchIndex, query: string, limit = 20): { id: string; score: number }[] {
  const qs = [...new Set(grams(query))];
  if (qs.length === 0) return [];
  const bigrams = qs.filter((g) => [...g].length === 2 || !CJK.test(g));
  const scores = new Map<string, number>();
  const hits = new Map<string, number>();
  for (const g of qs) {
    const isBigram = bigrams.includes(g);
    for (const [id, w] of index.grams.get(g) ?? []) {
      scores.set(id, (scores.get(id) ?? 0) + w * (isBigram ? 3 : 1));
      if (isBigram) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
  }
  const need = Math.ceil(bigrams.length / 2);
  return [...scores]
    .filter(([id]) => need === 0 || (hits.get(id) ?? 0) >= need)
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}
