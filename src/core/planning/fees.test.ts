import { describe, expect, it } from 'vitest';
import { checkCatalogue } from '../catalog/check.ts';
import { regionalDocuments } from '../catalog/regions.fixture.ts';
import type { CatalogueDocument } from '../catalog/types.ts';
import { amountInWords, yuanText } from './fees.ts';
import { plan } from './plan.ts';
import type { Plan, PlanInput } from './types.ts';

const chain = ['a-cert', 'b-reg', 'c-ins'];
const charge = {
  name: '登记工本费', amount: 1500, basis: '示例省价格主管部门核定的工本费标准',
  exemptions: [{ who: '户籍在省外的', when: { '==': [{ var: 'inProvince' }, false] } }],
  reductions: [{ name: '一并办卡减收', when: { in: ['card', { var: 'extras' }] }, amount: 500 }],
};

function documents(edit: (b: Record<string, unknown>, c: Record<string, unknown>) => void = () => {}): CatalogueDocument[] {
  const docs = regionalDocuments();
  const data = (file: string) => (docs.find((d) => d.file === file) as CatalogueDocument).data as Record<string, unknown>;
  const b = data('catalog/items/b-reg.yaml');
  b.fees = { free: false, charges: [charge] };
  (b.implementations as Record<string, unknown>[])[0] = {
    region: '990102', department: 'db-xz', fees: { free: false, charges: [{ name: '区登记工本费', amount: 1000, basis: '示例区核定标准' }] },
  };
  const c = data('catalog/items/c-ins.yaml');
  c.fees = { free: false, charges: [{ name: '参保手续费', amount: 250, basis: '示例省规定', reductions: [{ name: '省外减半', when: { '==': [{ var: 'inProvince' }, false] }, percent: 50 }] }] };
  edit(b, c);
  return docs;
}

const { catalogue, defects } = checkCatalogue(documents());

function ok(answers: Record<string, unknown>, input: PlanInput = {}): Plan {
  const r = plan(catalogue, 'demo', { answers: { married: true, ...answers }, chosenItems: chain, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}
const fee = (p: Plan, id: string) => p.items.find((i) => i.id === id)?.fees;

describe('fees in the plan (收费)', () => {
  it('the catalogue with charges is sound', () => {
    expect(defects).toEqual([]);
  });

  it('sums each item’s charges and the plan’s total in fen; free items add nothing', () => {
    const p = ok({ inProvince: true, extras: [] });
    expect(fee(p, 'b-reg')).toMatchObject({ free: false, due: 1500, charges: [{ name: '登记工本费', amount: 1500, due: 1500, reductions: [] }] });
    expect(fee(p, 'a-cert')).toMatchObject({ free: true, due: 0, charges: [] });
    expect(p.fees).toEqual({ standard: 1750, due: 1750 });
  });

  it('an applicant an exemption covers owes nothing for that charge, and is told why', () => {
    const p = ok({ inProvince: false, extras: ['card'] });
    // Exempt beats the reduction that would also apply; the other item's charge is halved.
    expect(fee(p, 'b-reg')?.charges?.[0]).toMatchObject({ due: 0, exempt: '户籍在省外的', reductions: [] });
    expect(fee(p, 'c-ins')?.charges?.[0]).toMatchObject({ amount: 250, due: 125, reductions: [{ name: '省外减半', amount: 125 }] });
    expect(p.fees).toEqual({ standard: 1750, due: 125 });
  });

  it('a reduction takes its amount off the standard', () => {
    const p = ok({ inProvince: true, extras: ['card'] });
    expect(fee(p, 'b-reg')).toMatchObject({ due: 1000, charges: [{ reductions: [{ name: '一并办卡减收', amount: 500 }] }] });
    expect(p.fees?.due).toBe(1250);
  });

  it('a region’s implementation replaces the item’s fees', () => {
    const p = ok({ inProvince: false, extras: [] }, { region: '990102' });
    expect(fee(p, 'b-reg')).toMatchObject({ due: 1000, charges: [{ name: '区登记工本费', amount: 1000, basis: '示例区核定标准' }] });
  });
});

describe('fees in the catalogue check', () => {
  const messages = (edit: (b: Record<string, unknown>, c: Record<string, unknown>) => void) =>
    checkCatalogue(documents(edit)).defects.map((d) => `${d.path}: ${d.message}`);

  it('refuses charges on an item marked free', () => {
    expect(messages((b) => { b.fees = { free: true, charges: [charge] }; })).toEqual([expect.stringContaining('fees.charges: 标为不收费')]);
  });

  it('wants one measure per reduction, no more than the standard', () => {
    const out = messages((b) => {
      b.fees = { free: false, charges: [{ ...charge, reductions: [{ name: '两样', when: true, percent: 10, amount: 10 }, { name: '过多', when: true, amount: 2000 }] }] };
    });
    expect(out).toEqual([
      expect.stringContaining('fees.charges[0].reductions[0]: 减免「两样」应给出 percent'),
      expect.stringContaining('fees.charges[0].reductions[1].amount: 减免「过多」的金额不能大于收费标准（1500 分）'),
    ]);
  });

  it('checks an exemption’s condition against the questions of every matter bundling the item', () => {
    const out = messages((b) => { b.fees = { free: false, charges: [{ ...charge, exemptions: [{ who: '低保对象', when: { '==': [{ var: 'lowIncome' }, true] } }] }] }; });
    expect(out).toEqual([expect.stringContaining('fees.charges[0].exemptions[0].when: （用于一件事 demo）条件读取了「lowIncome」')]);
  });

  it('wants amounts as whole fen', () => {
    const out = messages((b) => { b.fees = { free: false, charges: [{ ...charge, reductions: [], amount: 15.5 }] }; });
    // The item is then left out, so the matter bundling it has defects of its own too.
    expect(out).toContain('fees.charges[0].amount: 应为整数，实际为数字');
  });
});

describe('amounts in words (人民币大写)', () => {
  it.each([
    [1500, '壹拾伍元整'], [2000, '贰拾元整'], [0, '零元整'], [5, '伍分'], [50, '伍角整'], [1005, '壹拾元零伍分'],
    [100_500, '壹仟零伍元整'], [1_000_300, '壹万零叁元整'], [10_010_000, '壹拾万零壹佰元整'], [123_456_789, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    [100_000_000_00, '壹亿元整'], [250, '贰元伍角整'],
  ])('%i fen is %s', (fen, words) => {
    expect(amountInWords(fen)).toBe(words);
  });

  it('prints yuan with two decimals', () => {
    expect(yuanText(2000)).toBe('¥20.00');
    expect(yuanText(125)).toBe('¥1.25');
  });
});
