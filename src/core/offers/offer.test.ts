// Synthetic calendar (src/core may not load the package): 2099-10-01 Thu to 10-07 are days off, 10-10 Sat is worked.
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar/workdays.ts';
import type { Catalogue } from '../catalog/model.ts';
import type { Defect } from '../catalog/types.ts';
import { eligibility } from './eligibility.ts';
import { ageOn, awaitingDecision, initialStatus, maskedName, nextOfferStatus, offerFigures, publicityWindow } from './offer.ts';
import { checkPolicyDocument, type Policy } from './policy.ts';

const calendar = buildCalendar([{ year: 2099, holidays: ['2099-10-01', '2099-10-02', '2099-10-03', '2099-10-04', '2099-10-05', '2099-10-06', '2099-10-07'], workdays: ['2099-10-10'], source: 'test' }]);
const catalogue = { departments: new Map([['mz', {}]]), matters: new Map([['childcare-subsidy', {}]]) } as unknown as Catalogue;

const ELDERLY = {
  id: 'elderly-allowance', name: '高龄津贴', department: 'mz', target: 'person', mode: 'grant', legalBasis: ['《中华人民共和国老年人权益保障法》'],
  benefit: '年满 80 周岁按月发放高龄津贴。', publicityDays: 5, objectionDays: 5, assumptions: ['本目录的假设。'],
  eligibility: { basis: '年龄和户籍由公安人口库核验。', rules: [
    { name: '年满 80 周岁', rule: { '==': [{ var: 'agedEightyOrOver' }, true] }, data: ['population'] },
    { name: '户籍在本省', rule: { '==': [{ var: 'hukouInProvince' }, true] }, data: ['population'] },
  ] },
};

function check(data: unknown): { policies: Policy[]; defects: Defect[] } {
  const policies: Policy[] = [];
  const defects: Defect[] = [];
  checkPolicyDocument(data, 'catalog/policies/x.yaml', catalogue, policies, defects);
  return { policies, defects };
}

describe('a policy document', () => {
  it('is read when sound', () => {
    const { policies, defects } = check(ELDERLY);
    expect(defects).toEqual([]);
    expect(policies[0]).toMatchObject({ id: 'elderly-allowance', mode: 'grant', publicityDays: 5 });
  });

  it('names each defect by its path: unknown department, source and fact, bad days, no provenance', () => {
    const bad = {
      ...ELDERLY, department: 'nowhere', mode: 'maybe', publicityDays: 0, objectionDays: 40, assumptions: undefined, colour: 'red',
      eligibility: { basis: '依据。依据。', rules: [{ name: '读了没有的数据', rule: { '==': [{ var: 'income' }, true] }, data: ['population', 'tax'] }] },
    };
    const paths = check(bad).defects.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['department', 'mode', 'publicityDays', 'objectionDays', 'assumptions', 'colour', 'eligibility.rules[0].data[1]', 'eligibility.rules[0].rule']));
    expect(check(bad).defects.find((d) => d.path === 'eligibility.rules[0].rule')?.message).toMatch(/income.*可读取：hukouInProvince/);
    expect(check(bad).policies).toEqual([]);
  });

  it('refuses an objection period longer than the publicity', () => {
    expect(check({ ...ELDERLY, objectionDays: 6 }).defects.map((d) => d.path)).toEqual(['objectionDays']);
  });
});

describe('eligibility over shared-data facts', () => {
  const [policy] = check(ELDERLY).policies as [Policy];
  it('passes with every rule, each with its sentence in words', () => {
    const e = eligibility(policy, { agedEightyOrOver: true, hukouInProvince: true });
    expect(e.eligible).toBe(true);
    expect(e.reasons).toEqual(['「年满 80 周岁」核验通过（公安人口库：年满 80 周岁：是）', '「户籍在本省」核验通过（公安人口库：户籍在本省：是）']);
  });
  it('fails on a failing rule or missing data, and says which', () => {
    expect(eligibility(policy, { agedEightyOrOver: false, hukouInProvince: true })).toMatchObject({ eligible: false, reasons: [expect.stringContaining('核验未通过'), expect.any(String)] });
    expect(eligibility(policy, { hukouInProvince: true }).reasons[0]).toMatch(/未能从公安人口库读取「年满 80 周岁」/);
  });
});

describe('the offer state machine', () => {
  const d = { today: '2099-10-12', publicityUntil: '2099-10-13', objectionUntil: '2099-10-13' };
  it('starts offered for 一键确认 and in 公示 when granted directly', () => {
    expect(initialStatus('confirm')).toBe('offered');
    expect(initialStatus('grant')).toBe('publicity');
  });
  it('walks offered → 公示 → 异议 → 公示 → 二次确认', () => {
    expect(nextOfferStatus('offered', { kind: 'confirm' })).toEqual({ ok: true, next: 'publicity' });
    expect(nextOfferStatus('offered', { kind: 'decline' })).toEqual({ ok: true, next: 'declined' });
    expect(nextOfferStatus('publicity', { kind: 'object', ...d })).toEqual({ ok: true, next: 'objected' });
    expect(nextOfferStatus('objected', { kind: 'resolve', openLeft: 1 })).toEqual({ ok: true, next: 'objected' });
    expect(nextOfferStatus('objected', { kind: 'resolve', openLeft: 0 })).toEqual({ ok: true, next: 'publicity' });
    expect(nextOfferStatus('publicity', { kind: 'decide', grant: true, today: '2099-10-14', publicityUntil: d.publicityUntil })).toEqual({ ok: true, next: 'granted' });
    expect(nextOfferStatus('publicity', { kind: 'decide', grant: false, today: '2099-10-14', publicityUntil: d.publicityUntil })).toEqual({ ok: true, next: 'refused' });
  });
  it('refuses what the period or the state forbids, with a stable code', () => {
    expect(nextOfferStatus('declined', { kind: 'confirm' })).toMatchObject({ ok: false, code: 'offer-state' });
    expect(nextOfferStatus('publicity', { kind: 'object', ...d, today: '2099-10-14' })).toMatchObject({ ok: false, code: 'objection-closed' });
    expect(nextOfferStatus('granted', { kind: 'object', ...d })).toMatchObject({ ok: false, code: 'objection-closed' });
    expect(nextOfferStatus('publicity', { kind: 'decide', grant: true, ...d })).toMatchObject({ ok: false, code: 'publicity-running' });
    expect(nextOfferStatus('objected', { kind: 'decide', grant: true, today: '2099-10-20', publicityUntil: d.publicityUntil })).toMatchObject({ ok: false, code: 'objection-open' });
    expect(nextOfferStatus('offered', { kind: 'decide', grant: true, today: '2099-10-20', publicityUntil: d.publicityUntil })).toMatchObject({ ok: false, code: 'offer-state' });
  });
});

describe('deadlines and figures', () => {
  it('counts 公示 in working days across the National Day holiday and its make-up Saturday', () => {
    // From Wed 09-30: 10-08 Thu, 10-09 Fri, 10-10 Sat (worked), 10-12 Mon, 10-13 Tue.
    expect(publicityWindow(calendar, '2099-09-30', { publicityDays: 5, objectionDays: 3 })).toEqual({ publicityUntil: '2099-10-13', objectionUntil: '2099-10-10' });
    expect(awaitingDecision('publicity', '2099-10-13', '2099-10-13')).toBe(false);
    expect(awaitingDecision('publicity', '2099-10-13', '2099-10-14')).toBe(true);
  });
  it('adds up: everyone found is in exactly one state', () => {
    const f = offerFigures([
      { status: 'offered', mode: 'confirm', confirmed: false, objections: 0, publicityUntil: null },
      { status: 'declined', mode: 'confirm', confirmed: false, objections: 0, publicityUntil: null },
      { status: 'publicity', mode: 'confirm', confirmed: true, objections: 1, publicityUntil: '2099-10-13' },
      { status: 'objected', mode: 'grant', confirmed: false, objections: 2, publicityUntil: '2099-10-13' },
      { status: 'granted', mode: 'grant', confirmed: false, objections: 0, publicityUntil: '2099-10-13' },
      { status: 'refused', mode: 'confirm', confirmed: true, objections: 0, publicityUntil: '2099-10-13' },
    ], '2099-10-14');
    expect(f).toEqual({ eligible: 6, offered: 4, confirmed: 2, declined: 1, waiting: 1, inPublicity: 1, awaitingDecision: 1, objected: 1, granted: 1, refused: 1, objections: 3 });
    expect(f.waiting + f.declined + f.inPublicity + f.objected + f.granted + f.refused).toBe(f.eligible);
  });
  it('masks a person\'s name in the 公示 and leaves an enterprise\'s whole; reads ages on birthdays', () => {
    expect([maskedName('王小芳', 'person'), maskedName('王芳', 'person'), maskedName('欧阳娜娜', 'person')]).toEqual(['王*芳', '王*', '欧**娜']);
    expect(maskedName('示例市好味餐饮管理有限公司', 'enterprise')).toBe('示例市好味餐饮管理有限公司');
    expect([ageOn('1943-05-06', '2023-05-05'), ageOn('1943-05-06', '2023-05-06')]).toEqual([79, 80]);
  });
});
