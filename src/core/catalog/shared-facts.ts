/**
 * The shared-data sources a 秒批 rule may read, and the facts each gives the platform about an
 * applicant. Only facts without personal numbers are listed, so a rule's evidence never holds one.
 */
export interface SharedFact {
  label: string;
  kind: 'boolean' | 'text' | 'list';
}

export const SHARED_SOURCES = {
  population: { name: '公安人口库', facts: {
    hukouInProvince: { label: '户籍在本省', kind: 'boolean' }, householdVerified: { label: '户籍信息已核验', kind: 'boolean' },
    // 免申即享 (issue 14): read by policies as of the day of the run, so no birth date reaches a rule's evidence.
    agedEightyOrOver: { label: '年满 80 周岁', kind: 'boolean' }, guardianOfChildUnderThree: { label: '是未满 3 周岁婴幼儿的登记监护人', kind: 'boolean' },
  } },
  marriage: { name: '民政婚姻登记信息', facts: { parentsMarried: { label: '有婚姻登记记录', kind: 'boolean' } } },
  'housing-fund': { name: '住房公积金缴存信息', facts: { hasHousingFund: { label: '有住房公积金账户', kind: 'boolean' } } },
  licenses: { name: '电子证照库', facts: { licenses: { label: '持有的电子证照', kind: 'list' } } },
  enterprise: { name: '市场主体登记信息', facts: { enterpriseType: { label: '主体类型', kind: 'text' } } },
  'unemployment-insurance': { name: '失业保险参保缴费信息', facts: {
    unemploymentInsurancePaidYear: { label: '上年度按时足额缴纳失业保险费满 12 个月', kind: 'boolean' }, layoffRateWithinLimit: { label: '上年度未裁员或裁员率不高于规定比例', kind: 'boolean' },
  } },
} as const satisfies Record<string, { name: string; facts: Record<string, SharedFact> }>;

export type SharedSource = keyof typeof SHARED_SOURCES;
export const SHARED_SOURCE_IDS = Object.keys(SHARED_SOURCES) as SharedSource[];

export function isSharedSource(id: string): id is SharedSource {
  return Object.prototype.hasOwnProperty.call(SHARED_SOURCES, id);
}

/** The fact's description, when `source` gives it. */
export function sharedFact(source: SharedSource, fact: string): SharedFact | undefined {
  const facts = SHARED_SOURCES[source].facts as Readonly<Record<string, SharedFact>>;
  return Object.prototype.hasOwnProperty.call(facts, fact) ? facts[fact] : undefined;
}

/** Replacements a machine can confirm: a register, an e-license, or another item's result on this platform. */
export const MACHINE_CHECKED: ReadonlySet<string> = new Set(['shared-data', 'license', 'result-of-item']);
