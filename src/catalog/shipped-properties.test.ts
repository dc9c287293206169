import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledMatter } from '../core/catalog/model.ts';
import { planProblems } from '../core/planning/coverage.ts';
import { plan } from '../core/planning/plan.ts';
import { loadCatalogue } from './load.ts';

const { catalogue } = loadCatalogue();
const matters = [...catalogue.matters.values()];

/** Random answers: mostly valid option values, sometimes junk, sometimes left out. */
function answersFor(m: CompiledMatter) {
  const entries = m.questionList.map((q) => {
    const valid = q.type === 'multi'
      ? fc.subarray(q.optionValues as string[])
      : fc.constantFrom(...q.optionValues);
    return [q.id, fc.option(fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: fc.anything() }), { freq: 4 })] as const;
  });
  return fc.record(Object.fromEntries(entries)).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
}

function inputFor(m: CompiledMatter) {
  const optional = m.entries.filter((e) => !e.required).map((e) => e.item);
  return fc.record({
    answers: answersFor(m),
    chosenItems: fc.option(fc.subarray(optional), { nil: undefined }),
    facts: fc.record({ licenses: fc.subarray([...catalogue.licenses.keys()]) }),
  });
}

describe.each(matters.map((m) => [m.id, m] as const))('random answers to %s', (_id, matter) => {
  it('never throws, and every plan keeps its invariants', () => {
    fc.assert(fc.property(inputFor(matter), (input) => {
      const r = plan(catalogue, matter.id, input);
      if (!r.ok) {
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
        return;
      }
      const p = r.plan;
      expect(planProblems(p, matter)).toEqual([]);
      const stageOf = new Map(p.stages.flatMap((s, i) => s.map((id) => [id, i] as const)));
      for (const item of p.items) {
        for (const parent of matter.entryById.get(item.id)?.after ?? []) {
          if (stageOf.has(parent)) expect(stageOf.get(parent)).toBeLessThan(stageOf.get(item.id) as number);
        }
      }
      for (const m of p.materials) {
        expect(['required', 'exempt']).toContain(m.status);
        if (m.status === 'exempt') expect(m.exemption?.evidence).toBeTruthy();
      }
      const keys = p.form.fields.map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(p.timeLimit.workingDays).toBeLessThanOrEqual(p.items.reduce((n, i) => n + i.timeLimit.promised, 0));
      if (p.complete) expect(p.nextQuestion).toBeNull();
      else expect(p.situation).toBeNull();
    }), { numRuns: 150 });
  });
});
