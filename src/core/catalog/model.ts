/** The catalogue once checked and indexed: what the planner reads. */
import type { Evaluator } from '../rules/jsonlogic.ts';
import type { Calendar } from '../calendar/workdays.ts';
import type {
  Channel, Department, FieldDef, FieldGroup, Implementation, Item, LicenseType, Material, Matter, MatterItem, Question, Region, Replacement, Situation,
} from './types.ts';

export interface CompiledFieldRef {
  def: FieldDef;
  optional: boolean;
  own: boolean;
  when?: Evaluator;
}

export type CompiledReplacement = Replacement & { test?: Evaluator };

export interface CompiledMaterial extends Material {
  requiredTest?: Evaluator;
  replacements: CompiledReplacement[];
}

export interface CompiledItem extends Item {
  fieldRefs: CompiledFieldRef[];
  compiledMaterials: CompiledMaterial[];
  /** Fields and materials the item needs when handled alone (for the reductions). */
  aloneFieldCount: number;
  /** The item's 实施清单 entries by region code. */
  implementationByRegion: ReadonlyMap<string, Implementation>;
}

export interface CompiledQuestion extends Question {
  optionValues: ReadonlyArray<string | boolean>;
  labels: ReadonlyMap<string | boolean, string>;
  test?: Evaluator;
  /** The questions this one's condition reads. */
  reads: readonly string[];
}

export interface CompiledSituation extends Situation {
  test: Evaluator;
}

export interface CompiledMatterItem extends MatterItem {
  def: CompiledItem;
  test?: Evaluator;
  /** Every item (in this matter) whose result this item needs, directly or not. */
  ancestors: ReadonlySet<string>;
}

export interface CompiledMatter extends Matter {
  questionList: CompiledQuestion[];
  questionById: ReadonlyMap<string, CompiledQuestion>;
  situationList: CompiledSituation[];
  entries: CompiledMatterItem[];
  entryById: ReadonlyMap<string, CompiledMatterItem>;
  channels: Channel[];
}

export interface Catalogue {
  regions: ReadonlyMap<string, Region>;
  departments: ReadonlyMap<string, Department>;
  groups: ReadonlyMap<string, FieldGroup>;
  fields: ReadonlyMap<string, FieldDef>;
  /** Dictionary order of each field, for stable display order in merged forms. */
  fieldRank: ReadonlyMap<string, number>;
  licenses: ReadonlyMap<string, LicenseType>;
  items: ReadonlyMap<string, CompiledItem>;
  matters: ReadonlyMap<string, CompiledMatter>;
  calendar: Calendar;
}
