import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalog/load.ts';
import { buildCatalogue, checkCatalogue } from '../catalog/check.ts';
import type { CompiledMatter } from '../catalog/model.ts';
import { fixtureDocuments, fixtureWith } from '../testing/fixture.ts';
import { plan } from './plan.ts';
import { enumerateSituations } from './situations.ts';

const fixture = checkCatalogue(fixtureDocuments()).catalogue;

describe('enumerateSituations', () => {
  it('gives each eligible situation answers that reach it, and sets the ineligible ones apart', () => {
    const r = enumerateSituations(fixture.matters.get('demo') as CompiledMatter);
    expect(r.defects).toEqual([]);
    expect(r.eligible.map((s) => s.id)).toEqual(['ok', 'out']);
    expect(r.ineligible).toEqual([{ id: 'no', name: '未婚' }]);
    for (const s of r.eligible) {
      const p = plan(fixture, 'demo', { answers: s.answers });
      expect(p.ok && p.plan.situation?.id).toBe(s.id);
    }
  });

  it('reports a situation no answer reaches, by name', () => {
    const docs = fixtureWith('catalog/matters/demo.yaml', (m) => {
      const situations = m.situations as { id: string; when: unknown }[];
      (situations[1] as { when: unknown }).when = { and: [{ '==': [{ var: 'married' }, true] }, { '==': [{ var: 'married' }, false] }] };
    });
    const { catalogue } = buildCatalogue(docs);
    const r = enumerateSituations(catalogue.matters.get('demo') as CompiledMatter);
    expect(r.eligible.map((s) => s.id)).toEqual(['ok']);
    expect(r.defects).toEqual([{ situation: { id: 'out', name: '已婚但省外' }, message: '情形「已婚但省外」在任何回答组合下都不会出现' }]);
  });

  it('says so when the questionnaire has too many answer sets to walk', () => {
    const r = enumerateSituations(fixture.matters.get('demo') as CompiledMatter, 2);
    expect(r.eligible).toEqual([]);
    expect(r.defects[0]?.message).toMatch(/回答组合超过 2 种/);
  });

  it('reaches every eligible situation of every shipped matter with answers the planner accepts', () => {
    const { catalogue, defects } = loadCatalogue();
    expect(defects).toEqual([]);
    for (const matter of catalogue.matters.values()) {
      const r = enumerateSituations(matter);
      expect(r.defects, matter.id).toEqual([]);
      expect(r.eligible.length + r.ineligible.length, matter.id).toBe(matter.situationList.length);
      for (const s of r.eligible) {
        const p = plan(catalogue, matter.id, { answers: s.answers });
        expect(p.ok && p.plan.situation?.id, `${matter.id}/${s.id}`).toBe(s.id);
      }
    }
  });
});
