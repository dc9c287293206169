/**
 * 5.2.6 a): a material carries its type and sample; a 证明 kept in the list names its 设定依据 and
 * 开具证明单位, and the merged list (the plan) carries them on to the guide and the checklist.
 */
import { describe, expect, it } from 'vitest';
import { fixtureWith } from '../testing/fixture.ts';
import { plan } from '../planning/plan.ts';
import { checkCatalogue } from './check.ts';

const ITEM_B = 'catalog/items/b-reg.yaml';
type Data = Record<string, unknown>;
const defects = (edit: (materials: Data[]) => void) =>
  checkCatalogue(fixtureWith(ITEM_B, (d) => edit(d.materials as Data[]))).defects.filter((d) => d.file === ITEM_B).map((d) => `${d.path}: ${d.message}`);

describe('material types, samples and proofs', () => {
  it('accepts a typed material with its sample, and a proof with its basis and issuer', () => {
    expect(defects((m) => {
      Object.assign(m[0] as Data, { kind: 'certificate', sample: '样例.pdf' });
      Object.assign(m[1] as Data, { kind: 'proof', proof: { basis: ['《示例条例》第三条'], issuer: '示例街道办事处' } });
    })).toEqual([]);
  });

  it('refuses an unknown type, a proof without its basis or issuer, and proof details on another type', () => {
    expect(defects((m) => {
      Object.assign(m[0] as Data, { kind: 'photo' });
    })).toEqual([expect.stringMatching(/^materials\[0\]\.kind: /)]);
    expect(defects((m) => {
      Object.assign(m[1] as Data, { kind: 'proof' });
    })).toEqual([expect.stringMatching(/^materials\[1\]\.proof: 证明材料「.+」须列明设定依据（basis）和开具证明单位（issuer）$/)]);
    expect(defects((m) => {
      Object.assign(m[1] as Data, { kind: 'proof', proof: { basis: [], issuer: ' ' } });
    })).toEqual([expect.stringMatching(/^materials\[1\]\.proof/)]);
    expect(defects((m) => {
      Object.assign(m[0] as Data, { kind: 'document', proof: { basis: ['《示例条例》'], issuer: '示例街道办事处' } });
    })).toEqual([expect.stringMatching(/^materials\[0\]\.kind: .*应为 proof/)]);
  });

  it('carries type, sample and proof into the merged material list', () => {
    const { catalogue, defects: found } = checkCatalogue(fixtureWith(ITEM_B, (d) => {
      const m = d.materials as Data[];
      Object.assign(m[1] as Data, { kind: 'proof', sample: '证明样表.pdf', proof: { basis: ['《示例条例》第三条'], issuer: '示例街道办事处' } });
    }));
    expect(found).toEqual([]);
    const matter = [...catalogue.matters.values()][0]!;
    const b = (catalogue.items.get('b-reg')!.materials[1])!;
    const r = plan(catalogue, matter.id, { answers: { married: true, inProvince: false, extras: [] }, facts: {}, chosenItems: ['a-cert', 'b-reg'] });
    expect(r.ok).toBe(true);
    const planned = r.ok ? r.plan.materials.find((x) => x.id === b.id) : undefined;
    expect(planned).toMatchObject({ kind: 'proof', sample: '证明样表.pdf', proof: { issuer: '示例街道办事处' } });
  });
});
