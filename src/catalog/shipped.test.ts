import { describe, expect, it } from 'vitest';
import { plan } from '../core/planning/plan.ts';
import type { Plan, PlanInput } from '../core/planning/types.ts';
import { loadCatalogue } from './load.ts';

const { catalogue, defects, documents } = loadCatalogue();

function ok(matter: string, input: PlanInput): Plan {
  const r = plan(catalogue, matter, input);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.plan;
}
const material = (p: Plan, id: string) => p.materials.find((m) => m.id === id);
const stageOf = (p: Plan, item: string) => p.stages.findIndex((s) => s.includes(item));

const FIRST_BATCH = [
  'enterprise-info-change', 'transport-enterprise-opening', 'restaurant-opening', 'listing-compliance-check',
  'utility-connection', 'credit-repair', 'bankruptcy-info-check', 'enterprise-deregistration',
  'newborn-birth', 'school-admission', 'social-security-card', 'retirement', 'disability-services',
];

describe('the shipped catalogue', () => {
  it('passes every check, coverage included', () => {
    expect(defects).toEqual([]);
  });

  it('holds the 13 matters of the first national batch (8 enterprise, 5 person) and 员工录用', () => {
    for (const id of [...FIRST_BATCH, 'employee-hiring']) expect(catalogue.matters.has(id), id).toBe(true);
    const first = FIRST_BATCH.map((id) => catalogue.matters.get(id));
    expect(first.filter((m) => m?.subject === 'enterprise')).toHaveLength(8);
    expect(first.filter((m) => m?.subject === 'person')).toHaveLength(5);
    for (const m of first) expect(m?.batch).toContain('国发〔2024〕3号');
    expect(catalogue.matters.get('employee-hiring')?.batch).toContain('2022');
  });

  it('models three matters in full depth and two in at least moderate depth', () => {
    for (const id of ['newborn-birth', 'restaurant-opening', 'retirement']) expect(catalogue.matters.get(id)?.depth).toBe('full');
    for (const id of ['employee-hiring', 'enterprise-info-change']) expect(['full', 'moderate']).toContain(catalogue.matters.get(id)?.depth);
  });

  it('gives every file a source or stated assumptions', () => {
    const unsourced = documents.filter((d) => {
      const data = d.data as { source?: string[]; assumptions?: string[] };
      return !(data.source?.length || data.assumptions?.length);
    });
    expect(unsourced.map((d) => d.file)).toEqual([]);
  });

  it('keeps other provinces’ figures and policies out of what an applicant reads: they are source notes', () => {
    const elsewhere = /上海|浙江|北京|广东|深圳|江苏|福建|山东|四川|湖北|天津|重庆|杭州|成都|广州|甘肃|兰州|广西|吉林|安徽|河南|湖南|江西|陕西|云南|贵州|辽宁|河北|山西|海南/;
    // Names that merely contain a place: 北京证券交易所 is where a listed company trades, wherever it is.
    const names = /北京证券交易所/g;
    const found: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (typeof v === 'string') {
        if (elsewhere.test(v.replace(names, ''))) found.push(`${at}: ${v}`);
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) if (k !== 'source' && k !== 'assumptions') walk(x, `${at}.${k}`);
      }
    };
    for (const d of documents) walk(d.data, d.file);
    expect(found).toEqual([]);
  });

  it('organises matters by both life cycles (C4.1) and serves three levels of government (C4.2)', () => {
    const stages = new Set([...catalogue.matters.values()].map((m) => m.lifeStage));
    expect([...stages].some((s) => s.startsWith('enterprise.'))).toBe(true);
    expect([...stages].some((s) => s.startsWith('person.'))).toBe(true);
    expect(new Set([...catalogue.departments.values()].map((d) => d.level))).toEqual(new Set(['province', 'city', 'county']));
  });

  it('reuses one item catalogue across matters (C4.2)', () => {
    const users = [...catalogue.matters.values()].filter((m) => m.entryById.has('rs-ssc-application')).map((m) => m.id).sort();
    expect(users).toEqual(['employee-hiring', 'newborn-birth', 'social-security-card']);
  });
});

const newborn = {
  bornInProvinceInstitution: true, birthCertificateFirstIssue: true, parentsMarried: true, babyUnderOneYear: true,
  applicantParent: 'mother', joinHousehold: 'mother', hukouLocation: 'both-in-province', fertilityRegistered: true, motherMaternityInsured: false,
};
const parentLicenses = ['resident-id-card', 'household-register', 'marriage-certificate'];

describe('新生儿出生', () => {
  it('runs 出生医学证明 → 出生登记 → 医保参保/社保卡 in series, vaccination in parallel, in 5 working days', () => {
    const p = ok('newborn-birth', { answers: newborn, facts: { licenses: parentLicenses } });
    expect(p.situation?.id).toBe('newborn-both-in-province');
    expect(stageOf(p, 'wsjk-birth-medical-certificate')).toBe(0);
    expect(stageOf(p, 'jk-vaccination-certificate')).toBe(0);
    expect(stageOf(p, 'ga-birth-registration')).toBe(1);
    expect(stageOf(p, 'yb-resident-insurance-enrolment')).toBe(2);
    expect(stageOf(p, 'rs-ssc-application')).toBe(2);
    expect(p.timeLimit.workingDays).toBe(5);
    expect(p.timeLimit.criticalPath.slice(0, 2)).toEqual(['wsjk-birth-medical-certificate', 'ga-birth-registration']);
  });

  it('spares the parents every paper: e-licenses, shared data and the results of earlier items', () => {
    const p = ok('newborn-birth', { answers: newborn, facts: { licenses: parentLicenses } });
    expect(p.materials.filter((m) => m.status === 'required')).toEqual([]);
    expect(material(p, 'parents-id-cards')).toMatchObject({ status: 'exempt', exemption: { kind: 'license', ref: 'resident-id-card' } });
    expect(material(p, 'birth-medical-certificate')).toMatchObject({ status: 'exempt', exemption: { kind: 'result-of-item', ref: 'wsjk-birth-medical-certificate' } });
    expect(material(p, 'newborn-household-register')).toMatchObject({ status: 'exempt', exemption: { kind: 'result-of-item', ref: 'ga-birth-registration' } });
    expect(p.reductions.materials.before).toBeGreaterThan(p.reductions.materials.after);
  });

  it('asks for the ID cards, naming the e-license that would spare them, when the parents hold none', () => {
    const p = ok('newborn-birth', { answers: newborn });
    expect(material(p, 'parents-id-cards')).toMatchObject({ status: 'required', alternatives: [{ kind: 'license', ref: 'resident-id-card' }] });
  });

  it('asks for the other parent\'s papers, deferrable, when that parent is registered outside the province', () => {
    const p = ok('newborn-birth', { answers: { ...newborn, hukouLocation: 'other-outside' } });
    expect(p.situation?.id).toBe('newborn-other-parent-outside');
    expect(material(p, 'outside-parent-documents')).toMatchObject({ status: 'required', deferrable: true });
  });

  it('turns away unmarried parents with advice instead of a plan', () => {
    const p = ok('newborn-birth', { answers: { ...newborn, parentsMarried: false } });
    expect(p.situation).toMatchObject({ id: 'newborn-parents-not-married', eligible: false });
    expect(p.situation?.advice).toContain('公安派出所');
    expect(p.items).toEqual([]);
  });

  it('takes the marriage answer from shared data and does not let it be changed', () => {
    const p = ok('newborn-birth', { answers: { bornInProvinceInstitution: true, birthCertificateFirstIssue: true }, facts: { parentsMarried: true } });
    expect(p.answers.find((a) => a.question === 'parentsMarried')).toMatchObject({ source: 'facts', prefill: { editable: false } });
    const r = plan(catalogue, 'newborn-birth', { answers: { bornInProvinceInstitution: true, birthCertificateFirstIssue: true, parentsMarried: false }, facts: { parentsMarried: true } });
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'answer-locked' }] });
  });
});

const restaurant = {
  servesColdDishes: false, servesFreshDrinks: false, servesRawSeafood: false, hasSignboard: false,
  largeVenue: false, staffNeedHealthCheck: true, sellsTobacco: false,
};

describe('开办餐饮店', () => {
  it.each([
    [{}, 'hot-only', false],
    [{ servesFreshDrinks: true }, 'hot-and-drinks', false],
    [{ servesColdDishes: true }, 'with-cold', true],
    [{ servesColdDishes: true, servesRawSeafood: true }, 'with-raw', true],
    [{ servesRawSeafood: true, servesFreshDrinks: true }, 'with-raw', true],
  ])('the dish answers %j decide the licence category %s (专间 layout required: %s)', (dishes, situation, specialRoom) => {
    const p = ok('restaurant-opening', { answers: { ...restaurant, ...dishes }, facts: { licenses: ['business-licence'] } });
    expect(p.situation?.id).toBe(situation);
    expect(material(p, 'special-room-layout') !== undefined).toBe(specialRoom);
  });

  it('verifies the business licence first, from the e-licence, then runs the licences side by side', () => {
    const p = ok('restaurant-opening', { answers: { ...restaurant, hasSignboard: true, largeSignboard: false, largeVenue: true }, facts: { licenses: ['business-licence'] }, commitments: ['food-safety-rules'] });
    expect(p.stages[0]).toContain('sj-business-licence-verification');
    expect(p.stages[1]).toEqual(expect.arrayContaining(['sj-food-business-licence', 'cg-outdoor-signboard', 'xf-public-venue-fire-safety-check']));
    expect(material(p, 'business-licence')).toMatchObject({ status: 'exempt', exemption: { kind: 'license', ref: 'business-licence' } });
    expect(material(p, 'food-safety-rules')).toMatchObject({ status: 'exempt', exemption: { kind: 'commitment' } });
  });

  it('bundles the signboard, fire-safety and tobacco items only when the answers call for them', () => {
    const p = ok('restaurant-opening', { answers: restaurant });
    const ids = p.items.map((i) => i.id);
    expect(ids).not.toContain('cg-outdoor-signboard');
    expect(ids).not.toContain('xf-public-venue-fire-safety-check');
    const tobacco = ok('restaurant-opening', { answers: { ...restaurant, sellsTobacco: true }, chosenItems: [] });
    expect(tobacco.notChosen.map((n) => n.id)).toEqual(['yc-tobacco-retail-licence']);
  });

  it('shows the merged form in sections, each field once', () => {
    const p = ok('restaurant-opening', { answers: { ...restaurant, hasSignboard: true, largeSignboard: true, largeVenue: true } });
    expect(p.form.sections.map((s) => s.title)).toEqual(expect.arrayContaining(['经营主体信息', '户外招牌设置信息', '消防安全检查信息']));
    expect(p.reductions.fields.before).toBeGreaterThan(p.reductions.fields.after);
  });
});

const retirement = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'no-review', bonusCategory: 'none', hukouInProvince: true, householdVerified: true, hasHousingFund: true };

describe('退休', () => {
  it('passes the retirement result to the housing-fund items as their material', () => {
    const p = ok('retirement', { answers: retirement });
    expect(p.stages[0]).toEqual(['rs-pension-retirement']);
    expect(stageOf(p, 'gjj-retirement-withdrawal')).toBeGreaterThan(stageOf(p, 'gjj-account-sealing'));
    expect(material(p, 'retirement-proof')).toMatchObject({
      status: 'exempt',
      exemption: { kind: 'result-of-item', ref: 'rs-pension-retirement' },
      items: expect.arrayContaining(['gjj-account-sealing', 'gjj-retirement-withdrawal']),
    });
  });

  it('accepts a signed commitment instead of the one-child certificate', () => {
    const asked = ok('retirement', { answers: { ...retirement, bonusCategory: 'one-child' } });
    expect(material(asked, 'one-child-certificate')).toMatchObject({ status: 'required', alternatives: [expect.objectContaining({ kind: 'commitment' })] });
    const p = ok('retirement', { answers: { ...retirement, bonusCategory: 'one-child' }, commitments: ['one-child-certificate'] });
    expect(material(p, 'one-child-certificate')).toMatchObject({ status: 'exempt', exemption: { kind: 'commitment' } });
    expect(p.items.map((i) => i.id)).toContain('wsjk-retiree-one-child-reward');
  });

  it('asks for the household register original only when hukou is outside the province', () => {
    expect(material(ok('retirement', { answers: retirement }), 'retiree-household-register')).toBeUndefined();
    const outside = ok('retirement', { answers: { ...retirement, hukouInProvince: false } });
    expect(material(outside, 'retiree-household-register')).toMatchObject({ status: 'required', form: 'original' });
  });

  it('serves early retirement once approved, and explains what to do before that', () => {
    const early = ok('retirement', { answers: { insuredAs: 'employee', retirementType: 'early', earlyApproved: true, bonusCategory: 'none', hasHousingFund: false } });
    expect(early.situation?.id).toBe('retirement-early-approved');
    const pending = ok('retirement', { answers: { insuredAs: 'employee', retirementType: 'early', earlyApproved: false } });
    expect(pending.situation).toMatchObject({ id: 'retirement-early-pending', eligible: false });
    expect(pending.situation?.why).toEqual(['「办理哪一种退休」：「提前退休（特殊工种、病残等）」', '「是否已通过提前退休条件审定（已审档并公示无异议）」：「否」']);
  });
});
