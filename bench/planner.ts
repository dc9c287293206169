/**
 * Planner benchmark: plans per second for every shipped matter (p50/p99, memory), and the situation
 * decision alone against json-rules-engine evaluating the same conditions, in the same run.
 */
import { Engine } from 'json-rules-engine';
import { loadCatalogue } from '../src/catalog/load.ts';
import { truthy } from '../src/core/rules/jsonlogic.ts';
import type { CompiledMatter } from '../src/core/catalog/model.ts';
import { answerCombinations } from '../src/core/planning/coverage.ts';
import { plan } from '../src/core/planning/plan.ts';
import { fmt, timeAsync, timeSync, verdict } from './measure.ts';

type Condition = Record<string, unknown>;

/** Our JSON Logic subset, as json-rules-engine conditions over the same facts. */
export function toRulesEngine(rule: unknown): Condition {
  if (rule === true) return { all: [] };
  const [op, raw] = Object.entries(rule as Record<string, unknown>)[0] as [string, unknown];
  const args = Array.isArray(raw) ? raw : [raw];
  const factOf = (n: unknown) => String((n as { var: string }).var);
  switch (op) {
    case 'and': return { all: args.map(toRulesEngine) };
    case 'or': return { any: args.map(toRulesEngine) };
    case '!': return { not: toRulesEngine(args[0]) };
    case '==':
    case '===': return { fact: factOf(args[0]), operator: 'equal', value: args[1] };
    case '!=':
    case '!==': return { fact: factOf(args[0]), operator: 'notEqual', value: args[1] };
    case 'var': return { fact: factOf(rule), operator: 'equal', value: true };
    case 'in':
      if (Array.isArray(args[1])) return { fact: factOf(args[0]), operator: 'in', value: args[1] };
      return { fact: factOf(args[1]), operator: 'contains', value: args[0] };
    default: throw new Error(`no json-rules-engine form for ${op}`);
  }
}

function largest(matters: CompiledMatter[]): CompiledMatter {
  const size = (m: CompiledMatter) => m.entries.reduce((n, e) => n + e.def.fieldRefs.length + e.def.materials.length, 0) + m.entries.length;
  return matters.reduce((a, b) => (size(b) > size(a) ? b : a));
}

export async function benchPlanner(seconds: number): Promise<boolean> {
  const { catalogue, defects } = loadCatalogue();
  if (defects.length > 0 && !process.env.BENCH_ALLOW_DEFECTS) throw new Error(`catalogue has ${defects.length} defects; run onething catalog check`);
  const matters = [...catalogue.matters.values()];
  const facts = { licenses: [...catalogue.licenses.keys()].slice(0, 3) };
  console.log('\n## Planner: plans per second, one core (each matter cycles through all its answer combinations)');
  console.log('matter'.padEnd(32), 'combos'.padStart(7), 'plans/s'.padStart(10), 'p50 µs'.padStart(8), 'p99 µs'.padStart(8), 'heap Δ MB'.padStart(10));
  const rates = new Map<string, number>();
  for (const m of matters) {
    const combos = answerCombinations(m) ?? [{}];
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const t = timeSync((i) => {
      const r = plan(catalogue, m.id, { answers: combos[i % combos.length], facts });
      if (!r.ok) throw new Error(r.errors[0]?.message);
    }, seconds / matters.length * 2);
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    rates.set(m.id, t.perSecond);
    console.log(m.id.padEnd(32), String(combos.length).padStart(7), fmt(t.perSecond).padStart(10), fmt(t.p50us, 1).padStart(8), fmt(t.p99us, 1).padStart(8), fmt(heapMb, 1).padStart(10));
  }
  const big = largest(matters);
  const bigRate = rates.get(big.id) ?? 0;
  console.log(`largest matter ${big.id} (${big.entries.length} items): ${fmt(bigRate)} plans/s; target ≥ 20,000: ${verdict(bigRate >= 20_000)}`);

  console.log('\n## Situation decision alone: our compiled conditions vs json-rules-engine, same matter, same answers');
  const combos = answerCombinations(big) ?? [{}];
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const s of big.situationList) {
    const c = toRulesEngine(s.when);
    engine.addRule({ conditions: ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] }) as never, event: { type: s.id } });
  }
  for (const values of combos) {
    const ours = big.situationList.filter((s) => truthy(s.test(values))).map((s) => s.id);
    const theirs = (await engine.run({ ...values })).events.map((e) => e.type);
    if (ours.join() !== theirs.join()) throw new Error(`engines disagree on ${JSON.stringify(values)}: ${ours} vs ${theirs}`);
  }
  const baseline = await timeAsync((i) => engine.run({ ...combos[i % combos.length] }), seconds / 2);
  const mine = timeSync((i) => {
    const values = combos[i % combos.length] as Record<string, unknown>;
    let found = '';
    for (const s of big.situationList) if (truthy(s.test(values))) found = s.id;
    if (found === '') throw new Error('no situation');
  }, seconds / 2);
  const ratio = mine.perSecond / baseline.perSecond;
  console.log(`json-rules-engine: ${fmt(baseline.perSecond)} decisions/s (p99 ${fmt(baseline.p99us, 1)} µs)`);
  console.log(`onething:          ${fmt(mine.perSecond)} decisions/s (p99 ${fmt(mine.p99us, 1)} µs)`);
  console.log(`ratio: ${fmt(ratio, 1)}× faster; target ≥ 5×: ${verdict(ratio >= 5)}`);
  return bigRate >= 20_000 && ratio >= 5;
}
