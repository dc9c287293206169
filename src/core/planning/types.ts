/** The planner's input and its public output format (read by the UI, the server and other tools). */
import type {
  CalendarPeriod, Channel, ExemptionKind, ItemResult, LifeStage, Material, Prefill, QuestionType, RegionLevel, Window,
} from '../catalog/types.ts';

import type { PlannedFees } from './fees.ts';

export type AnswerValue = boolean | string | string[];

/** Facts from shared data and identity: fact key → value; `licenses` lists the e-licenses held. */
export type Facts = Readonly<Record<string, unknown>> & { licenses?: readonly string[] };

export interface PlanInput {
  answers?: Readonly<Record<string, unknown>>;
  /** Optional items the applicant chose; absent = every applicable item. */
  chosenItems?: readonly string[];
  /** Materials the applicant replaces by a signed 告知承诺 (ids of materials that allow it). */
  commitments?: readonly string[];
  facts?: Facts;
  /** The applicant's region code (from household, residence or registered address, or chosen): it decides which implementation handles each item. */
  region?: string;
}

export interface RegionView {
  code: string;
  name: string;
  level: RegionLevel;
}

export type PlanErrorCode =
  | 'unknown-matter'
  | 'unknown-question'
  | 'unknown-option'
  | 'invalid-answer'
  | 'answer-locked'
  | 'invalid-fact'
  | 'invalid-input'
  | 'unknown-item'
  | 'item-not-applicable'
  | 'dependency-unmet'
  | 'no-situation'
  | 'ambiguous-situation'
  | 'not-committable'
  | 'unknown-region';

export interface PlanError {
  code: PlanErrorCode;
  message: string;
  path: string;
}

export interface QuestionView {
  id: string;
  text: string;
  type: QuestionType;
  options: { value: string | boolean; label: string }[];
  help?: string;
}

export interface AnswerView {
  question: string;
  text: string;
  value: AnswerValue;
  label: string;
  source: 'applicant' | 'facts';
  /** From shared data: the register, and whether the applicant may change it. */
  prefill?: { from: string; editable: boolean };
}

export type ItemWhy = 'required' | 'chosen' | 'needed-by';

export interface PlannedItem {
  id: string;
  name: string;
  /** The department that handles this item in this plan: the implementing department for the applicant's region. */
  department: { code: string; name: string };
  /** That department's region and level; null when the catalogue declares no regions. These three are absent from plans frozen before regions existed. */
  region?: RegionView | null;
  windows?: Window[];
  /** As implemented in the handling region, with each charge worked out for these answers (fen). */
  fees?: PlannedFees;
  why: ItemWhy;
  neededBy?: string[];
  optional: boolean;
  /** Items of this plan whose result this item needs (serial predecessors). */
  after: string[];
  stage: number;
  /** As implemented in the handling region. */
  timeLimit: { promised: number; legal: number };
  /** Calendar-day periods of the item's flow (公示, 公告), in natural days. */
  periods?: CalendarPeriod[];
  result: ItemResult;
}

export interface FormField {
  key: string;
  label: string;
  section: string;
  required: boolean;
  items: string[];
  prefill: Prefill[];
  sensitive: boolean;
  /** Pre-filled from the facts, with where it came from. */
  value?: unknown;
  valueFrom?: string;
}

export interface FormSection {
  id: string;
  title: string;
  fields: string[];
}

export interface MergedForm {
  schema: Record<string, unknown>;
  sections: FormSection[];
  fields: FormField[];
}

export interface Exemption {
  kind: ExemptionKind;
  evidence: string;
  /** The license code, item code or register behind the evidence. */
  ref?: string;
  /** 告知承诺 to supply the material later: working days after acceptance. */
  supplyWithinDays?: number;
  /** Shared data: the register and the fields of it the reviewer confirms. */
  register?: 'person' | 'enterprise';
  fields?: string[];
}

export interface PlannedMaterial {
  id: string;
  name: string;
  status: 'required' | 'exempt';
  exemption?: Exemption;
  /** Ways a required material could still be spared (e.g. an e-license the applicant does not hold yet). */
  alternatives: Exemption[];
  deferrable: boolean;
  copies: number;
  form: Material['form'];
  medium: Material['medium'];
  kind?: Material['kind'];
  sample?: string;
  proof?: Material['proof'];
  items: string[];
  review: { formal: string[]; substantive: string[] };
}

export interface Measure {
  before: number;
  after: number;
}

export interface Reductions {
  items: Measure;
  forms: Measure;
  fields: Measure;
  materials: Measure;
  trips: Measure;
  workingDays: Measure;
}

export interface Plan {
  matter: { id: string; name: string; lifeStage: LifeStage; subject: 'person' | 'enterprise'; lead: { code: string; name: string } };
  /** The applicant's region the plan was made for; null: none given, every item by its default department. */
  region?: RegionView | null;
  complete: boolean;
  nextQuestion: QuestionView | null;
  answers: AnswerView[];
  /** Answers given to questions that no longer apply, left out of the plan. */
  dropped: string[];
  situation: { id: string; name: string; eligible: boolean; why: string[]; description?: string; advice?: string } | null;
  items: PlannedItem[];
  /** Optional items that apply but were not chosen. */
  notChosen: { id: string; name: string; department: { code: string; name: string } }[];
  stages: string[][];
  form: MergedForm;
  materials: PlannedMaterial[];
  /** calendarDays: natural days of 公示/公告 on the longest chain of items, added to the deadline */
  timeLimit: { workingDays: number; legalWorkingDays: number; criticalPath: string[]; calendarDays?: number };
  reductions: Reductions;
  /** 收费合计 in fen: the standard of every charge, and what is due after exemptions and reductions. Absent in plans frozen before it. */
  fees?: { standard: number; due: number };
  channels: Channel[];
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; errors: PlanError[] };
