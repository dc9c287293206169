/**
 * Search and question-answering latency over the whole shipped catalogue (goal: p95 of an answer
 * under 20 ms), beside MiniSearch with the same jieba tokenizer on the same texts, in the same run.
 * Also prints how many golden queries each gets right, since speed without the right answer is moot.
 */
import MiniSearch from 'minisearch';
import { loadCatalogue } from '../src/catalog/load.ts';
import { loadSearchHints } from '../src/catalog/search.ts';
import { ask, findMatters } from '../src/core/search/ask.ts';
import { analyzer } from '../src/server/modules/search/analyzer.ts';
import { GOLDEN_QUESTIONS, GOLDEN_SEARCHES } from '../src/server/modules/search/golden.ts';
import { buildKnowledge } from '../src/server/modules/search/knowledge.ts';
import { fmt, verdict } from './measure.ts';

const GOAL_P95_MS = 20;

/** p50 and p95 in milliseconds of `fn` over the queries, cycled until `seconds` have passed. */
function percentiles(queries: readonly string[], fn: (q: string) => unknown, seconds: number): { p50: number; p95: number; runs: number } {
  for (let i = 0; i < 200; i++) fn(queries[i % queries.length] as string);
  const samples: number[] = [];
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  for (let i = 0; process.hrtime.bigint() < end; i++) {
    const t0 = process.hrtime.bigint();
    fn(queries[i % queries.length] as string);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), runs: samples.length };
}

export async function benchSearch(seconds: number): Promise<boolean> {
  const { catalogue } = loadCatalogue();
  const { hints } = loadSearchHints(catalogue);
  const kb = buildKnowledge(1, catalogue, hints);
  const mini = new MiniSearch<{ id: string; name: string; items: string; materials: string; guide: string }>({
    fields: ['name', 'items', 'materials', 'guide'],
    tokenize: (text) => analyzer.words(text),
    searchOptions: { boost: { name: 10, items: 3, materials: 2 }, fuzzy: 0.2, prefix: true },
  });
  mini.addAll([...catalogue.matters.values()].map((m) => ({
    id: m.id, name: m.name, items: m.entries.map((e) => e.def.name).join('，'),
    materials: m.entries.flatMap((e) => e.def.materials.map((x) => x.name)).join('，'),
    guide: [m.guide.summary, m.guide.applicants, ...(m.guide.faq ?? []).flatMap((f) => [f.q, f.a])].join('。'),
  })));

  const searches = GOLDEN_SEARCHES.map(([q]) => q);
  const questions = GOLDEN_QUESTIONS.map((g) => g.q);
  const right = {
    search: GOLDEN_SEARCHES.filter(([q, id]) => findMatters(kb, q)[0]?.id === id).length,
    mini: GOLDEN_SEARCHES.filter(([q, id]) => mini.search(q)[0]?.id === id).length,
    ask: GOLDEN_QUESTIONS.filter((g) => { const r = ask(kb, g.q); return g.matter ? r.matter === g.matter && r.section === g.section : r.handoff; }).length,
  };
  const slice = seconds / 3;
  const ours = percentiles(searches, (q) => findMatters(kb, q), slice);
  const theirs = percentiles(searches, (q) => mini.search(q), slice);
  const answers = percentiles(questions, (q) => ask(kb, q), slice);

  console.log(`\n## Search and questions: ${catalogue.matters.size} matters, ${searches.length} golden searches, ${questions.length} golden questions`);
  console.log('engine'.padEnd(34), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'runs'.padStart(8), 'golden right'.padStart(14));
  const row = (name: string, t: { p50: number; p95: number; runs: number }, ok: string) => console.log(name.padEnd(34), fmt(t.p50, 3).padStart(8), fmt(t.p95, 3).padStart(8), fmt(t.runs).padStart(8), ok.padStart(14));
  row('onething search', ours, `${right.search}/${searches.length}`);
  row('MiniSearch (jieba, fuzzy, prefix)', theirs, `${right.mini}/${searches.length}`);
  row('onething ask (answer or hand-off)', answers, `${right.ask}/${questions.length}`);
  const ok = answers.p95 < GOAL_P95_MS;
  console.log(`search p95 ratio to MiniSearch: ${fmt(ours.p95 / Math.max(theirs.p95, 1e-6), 2)}×; ask p95 ${fmt(answers.p95, 3)} ms against the ${GOAL_P95_MS} ms goal: ${verdict(ok)}`);
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSearch(Number(process.env.BENCH_SECONDS ?? 3));
