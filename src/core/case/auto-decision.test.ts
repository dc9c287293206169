import { describe, expect, it } from 'vitest';
import { checkCatalogue } from '../catalog/check.ts';
import { fixtureWith } from '../testing/fixture.ts';
import type { AutoDecision } from '../catalog/types.ts';
import { evaluateAutoDecision, materialsNeedingPerson } from './auto-decision.ts';

const SPEC: AutoDecision = {
  basis: '示例政策',
  rules: [
    { name: '申请人户籍在本省', rule: { '==': [{ var: 'hukouInProvince' }, true] }, data: ['population'] },
    { name: '申请人持有居民身份证电子证照', rule: { in: ['resident-id-card', { var: 'licenses' }] }, data: ['licenses'] },
  ],
};
const names: Record<string, string> = { 'resident-id-card': '居民身份证' };

describe('秒批 evaluation', () => {
  it('approves when every rule passes, with the data each read in words', () => {
    const r = evaluateAutoDecision(SPEC, { hukouInProvince: true, licenses: ['resident-id-card'], applicantIdNumber: '990102199203150028' }, { nameOf: (v) => names[v] ?? v });
    expect(r.outcome).toBe('approve');
    expect(r.reasons).toEqual([]);
    expect(r.evidence).toEqual([
      { rule: '申请人户籍在本省', passed: true, sources: ['公安人口库'], read: [{ fact: 'hukouInProvince', label: '户籍在本省', value: '是' }], sentence: '「申请人户籍在本省」核验通过（公安人口库：户籍在本省：是）' },
      { rule: '申请人持有居民身份证电子证照', passed: true, sources: ['电子证照库'], read: [{ fact: 'licenses', label: '持有的电子证照', value: '居民身份证' }], sentence: '「申请人持有居民身份证电子证照」核验通过（电子证照库：持有的电子证照：居民身份证）' },
    ]);
    // Facts the rules do not read stay out of the evidence.
    expect(JSON.stringify(r)).not.toContain('990102');
  });

  it('sends the task to a person naming the failing rule', () => {
    const r = evaluateAutoDecision(SPEC, { hukouInProvince: false, licenses: ['resident-id-card'] });
    expect(r.outcome).toBe('to-person');
    expect(r.reasons).toEqual(['「申请人户籍在本省」核验未通过（公安人口库：户籍在本省：否）']);
    expect(r.evidence.map((e) => e.passed)).toEqual([false, true]);
  });

  it('treats data the register does not hold as a reason for a person, not a refusal', () => {
    const r = evaluateAutoDecision(SPEC, { licenses: [] });
    expect(r.outcome).toBe('to-person');
    expect(r.reasons[0]).toBe('未能从公安人口库读取「户籍在本省」，「申请人户籍在本省」无法自动核验');
    expect(r.reasons[1]).toContain('核验未通过');
  });

  it('keeps blockers found before the rules', () => {
    const blockers = materialsNeedingPerson([
      { name: '户口簿', status: 'exempt', exemption: { kind: 'shared-data', evidence: '公安人口库' }, review: { formal: [], substantive: ['一致'] } },
      { name: '照片', status: 'required', review: { formal: [], substantive: ['本人'] } },
      { name: '说明', status: 'required', review: { formal: ['签字'], substantive: [] } },
    ]);
    expect(blockers).toEqual(['材料「照片」由申请人提交，需人工实质审查']);
    const r = evaluateAutoDecision(SPEC, { hukouInProvince: true, licenses: ['resident-id-card'] }, { blockers });
    expect(r.outcome).toBe('to-person');
    expect(r.reasons).toEqual(blockers);
  });
});

describe('秒批 in the catalogue', () => {
  const ITEM = 'catalog/items/b-reg.yaml';
  const defects = (auto: unknown, edit: (d: Record<string, unknown>) => void = () => undefined) =>
    checkCatalogue(fixtureWith(ITEM, (d) => { d.autoDecision = auto; edit(d); })).defects.filter((d) => d.file === ITEM).map((d) => `${d.path}: ${d.message}`);

  it('accepts rules over the platform\'s shared data', () => {
    expect(defects(SPEC)).toEqual([]);
  });

  it('rejects a rule over unknown data, or reading a fact its sources do not give', () => {
    const messages = defects({ basis: 'x', rules: [
      { name: '有车', rule: { '==': [{ var: 'hasCar' }, true] }, data: ['vehicles'] },
      { name: '有公积金', rule: { '==': [{ var: 'hasHousingFund' }, true] }, data: ['population'] },
    ] });
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^autoDecision\.rules\[0\]\.data\[0\]: 平台没有共享数据来源「vehicles」/),
      expect.stringMatching(/^autoDecision\.rules\[1\]\.rule: 秒批规则「有公积金」读取了「hasHousingFund」，但它声明的共享数据中没有这一项/),
    ]));
  });

  it('rejects 秒批 for an item with a material a person must review', () => {
    const messages = defects(SPEC, (d) => {
      (d.materials as Record<string, unknown>[]).push({ id: 'photo', name: '照片', copies: 1, form: 'original', medium: 'electronic', review: { substantive: ['照片为本人'] } });
    });
    expect(messages).toEqual(['materials[3]: 材料「照片」需要人工实质审查，且不能由共享数据替代，事项不能声明秒批（autoDecision）']);
  });
});
