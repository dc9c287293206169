/** The catalogue as authored (YAML files), one interface per kind of file. */
import type { Rule } from '../rules/jsonlogic.ts';

export type Level = 'province' | 'city' | 'county';
/** Levels of administrative divisions, highest first; a department never sits at township level. */
export const REGION_LEVELS = ['province', 'city', 'county', 'township'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const REGION_LEVEL_NAMES: Readonly<Record<RegionLevel, string>> = { province: '省级', city: '市级', county: '县级', township: '乡镇级' };
export type Subject = 'person' | 'enterprise';

export const LIFE_STAGES = {
  'enterprise.entry': '准入准营',
  'enterprise.hiring': '招聘用工',
  'enterprise.tax': '纳税缴费',
  'enterprise.operation': '经营发展',
  'enterprise.construction': '工程建设',
  'enterprise.exit': '注销退出',
  'person.birth': '出生',
  'person.education': '教育',
  'person.employment': '就业',
  'person.living': '生活',
  'person.housing': '置业',
  'person.travel': '出行',
  'person.medical': '就医',
  'person.relief': '救助',
  'person.elderly': '养老',
  'person.death': '身后',
} as const;
export type LifeStage = keyof typeof LIFE_STAGES;

/** Where a fact in the catalogue comes from: a source address, or an assumption said plainly. */
export interface Provenance {
  source?: string[];
  assumptions?: string[];
}

export interface Window {
  name: string;
  address: string;
  phone: string;
  hours: string;
}

/** An administrative division (GB/T 2260 code; 9 digits for a township): jurisdiction as data. */
export interface Region extends Provenance {
  code: string;
  name: string;
  level: RegionLevel;
  /** Absent for the top of the deployment's tree. */
  parent?: string;
}

export interface Department extends Provenance {
  code: string;
  name: string;
  level: Level;
  region: string;
  window: Window;
}

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'enum' | 'multi-enum';
export type FieldFormat = 'resident-id' | 'uscc' | 'mobile' | 'phone' | 'bank-card' | 'postcode' | 'email' | 'address';

export interface Option {
  value: string;
  label: string;
}

export type PrefillSource = 'identity' | 'shared-data' | 'license';

export interface Prefill {
  source: PrefillSource;
  /** The key in the facts handed to the planner. */
  fact: string;
  /** Which register or license provides it, in words (公安人口库, 电子营业执照 …). */
  from: string;
}

export interface FieldDef {
  key: string;
  label: string;
  /** The group (form section) the field belongs to: the id of the group file that defines it. */
  group: string;
  type: FieldType;
  format?: FieldFormat;
  options?: Option[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  description?: string;
  sensitive?: boolean;
  prefill?: Prefill[];
}

export interface FieldGroup {
  id: string;
  title: string;
  /** Position of the group's section in a merged form (smaller first). */
  order: number;
}

/** One file of the field dictionary: a group (a form section) and its fields. */
export interface FieldGroupFile extends Provenance {
  group: FieldGroup;
  fields: Omit<FieldDef, 'group'>[];
}

export interface LicenseType extends Provenance {
  code: string;
  name: string;
  department: string;
  holder: Subject;
  /** Years of validity from the issue day; absent: 长期有效. */
  validYears?: number;
}

export type ItemKind = 'permit' | 'confirmation' | 'registration' | 'payment' | 'public-service' | 'other';
export type Channel = 'online' | 'window' | 'mobile' | 'kiosk' | 'post' | 'hotline' | 'on-site';

export type Replacement =
  | { kind: 'license'; license: string; when?: Rule }
  /** `register` and `fields`: what of the register the reviewer is shown to confirm it (see registers.ts). */
  | { kind: 'shared-data'; data: string; register?: 'person' | 'enterprise'; fields?: string[]; when?: Rule }
  | { kind: 'result-of-item'; item: string; when?: Rule }
  /** 告知承诺, when the applicant chooses it; `supplyWithinDays`: working days after acceptance to supply the material itself. */
  | { kind: 'commitment'; text?: string; supplyWithinDays?: number; when?: Rule };

export type ExemptionKind = Replacement['kind'];

/** 材料类型 (5.2.6 a): 申请表格, 证件证照, 证明 (with its basis and issuer), other documents. */
export const MATERIAL_KINDS = { form: '申请表格', certificate: '证件证照', proof: '证明材料', document: '其他材料' } as const;
export type MaterialKind = keyof typeof MATERIAL_KINDS;

export interface Material {
  id: string;
  name: string;
  copies: number;
  form: 'original' | 'copy' | 'original-and-copy';
  medium: 'paper' | 'electronic' | 'either';
  /** 材料类型 (5.2.6 a). */
  kind?: MaterialKind;
  /** 材料样本: a sample or blank form the applicant can follow. */
  sample?: string;
  /** A 证明 kept in the list: its 设定依据 and 开具证明单位 (5.2.6); only with kind proof. */
  proof?: { basis: string[]; issuer: string };
  requiredIf?: Rule;
  replacedBy?: Replacement[];
  deferrable?: boolean;
  review: { formal?: string[]; substantive?: string[] };
  note?: string;
}

/** A field an item needs: a dictionary key, or a definition of the item's own. */
export type ItemFieldRef =
  | string
  | { key: string; optional?: boolean; when?: Rule }
  | (Omit<FieldDef, 'group'> & { own: true; optional?: boolean; when?: Rule });

export interface ItemResult {
  kind: 'document' | 'license';
  name: string;
  license?: string;
}

/** A period of an item's flow counted in natural days (自然日), e.g. 公示 7 days. */
export interface CalendarPeriod {
  name: string;
  days: number;
}

/** 事项编码 of the national basic catalogue (基本目录): 主项 and 子项; null until mapped from a source. */
export interface NationalCode {
  main?: string | null;
  sub?: string | null;
}

/** One region's 实施清单 entry for an item: what differs there from the item's default. */
export interface Implementation extends Provenance {
  region: string;
  /** The implementing department; absent: the item's default department. */
  department?: string;
  /** Absent: the implementing department's window. */
  windows?: Window[];
  timeLimit?: { promised?: number; legal?: number };
  fees?: Fees;
}

/** Who pays nothing for a charge (减免 in full): a condition over the answers, said in words. */
export interface FeeExemption {
  who: string;
  when: Rule;
}

/** A part taken off a charge when its condition holds: a percentage, or an amount in fen. */
export interface FeeReduction {
  name: string;
  when: Rule;
  percent?: number;
  amount?: number;
}

/** One charge of an item (收费项目): its standard in fen (分, integers, as finance keeps them) and its legal basis. */
export interface FeeCharge {
  name: string;
  amount: number;
  basis: string;
  exemptions?: FeeExemption[];
  reductions?: FeeReduction[];
}

/** 收费标准: free, or the charges; a region's implementation may replace the whole of it. */
export interface Fees {
  free: boolean;
  note?: string;
  charges?: FeeCharge[];
}

/** One check of 秒批: a rule over shared-data facts, the sources it reads, and what it means in words. */
export interface AutoDecisionRule {
  /** The check as a sentence that holds when the rule passes (申请人户籍在本省). */
  name: string;
  rule: Rule;
  /** Shared-data sources (see shared-facts.ts) the rule reads. */
  data: string[];
}

/** 秒批 / 无感审批: every review point machine-checkable against shared data, decided by these rules. */
export interface AutoDecision {
  rules: AutoDecisionRule[];
  /** The legal or policy basis for deciding without a person. */
  basis: string;
}

export interface Item extends Provenance {
  code: string;
  name: string;
  /** The default department: it handles the item wherever no region's implementation applies. */
  department: string;
  nationalCode?: NationalCode;
  implementations?: Implementation[];
  kind: ItemKind;
  levels?: Level[];
  legalBasis: string[];
  conditions: string[];
  timeLimit: { promised: number; legal: number };
  /** 公示, 公告 and the like: not in the working-day limits, added to the deadline in natural days */
  periods?: CalendarPeriod[];
  fees: Fees;
  channels: Channel[];
  trips: number;
  fields: ItemFieldRef[];
  materials: Material[];
  result: ItemResult;
  autoDecision?: AutoDecision;
}

export interface MatterItem {
  item: string;
  required: boolean;
  /** Items whose result this item needs (serial relation). */
  after?: string[];
  /**
   * Items it waits for only when the answers bring them into the plan: an order, not a need of their
   * result (企业注销登记 waits for the 简易注销 公示, which only the simplified route has).
   */
  afterIfPlanned?: string[];
  when?: Rule;
  reason: string;
}

export type QuestionType = 'boolean' | 'choice' | 'multi';

export interface Question {
  id: string;
  text: string;
  type: QuestionType;
  options?: Option[];
  when?: Rule;
  help?: string;
  /** The fact that answers this question from shared data, and whether the applicant may change it. */
  prefill?: { fact: string; from: string; editable: boolean };
}

export interface Situation {
  id: string;
  name: string;
  when: Rule;
  eligible?: boolean;
  description?: string;
  advice?: string;
}

export interface Guide {
  summary: string;
  policyBasis: string[];
  applicants: string;
  channels: { kind: Channel; name: string; address?: string }[];
  hours: string;
  contacts: { name: string; phone: string }[];
  windows: string[];
  timeLimitNote?: string;
  faq?: { q: string; a: string }[];
}

export interface Matter extends Provenance {
  id: string;
  name: string;
  subject: Subject;
  lifeStage: LifeStage;
  batch: string;
  lead: string;
  partners: string[];
  depth: 'full' | 'moderate' | 'outline';
  trips: number;
  items: MatterItem[];
  questions: Question[];
  situations: Situation[];
  guide: Guide;
}

export interface HolidayYear extends Provenance {
  year: number;
  holidays: string[];
  workdays: string[];
}

/** One file of the catalogue, as loaded: where it came from and what it holds. */
export type DocumentKind = 'region' | 'department' | 'fields' | 'license' | 'item' | 'matter' | 'calendar';

export interface CatalogueDocument {
  file: string;
  kind: DocumentKind;
  data: unknown;
}

export interface Defect {
  file: string;
  path: string;
  message: string;
}
