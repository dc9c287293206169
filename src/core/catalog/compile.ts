/** Builds the planner's indexed catalogue from checked documents: conditions compiled once. */
import { compileRule, ruleVariables } from '../rules/jsonlogic.ts';
import { buildCalendar, type CalendarYear } from '../calendar/workdays.ts';
import { ancestorsOf } from './validate-matters.ts';
import type { DocumentIndex } from './index-docs.ts';
import type {
  Catalogue, CompiledFieldRef, CompiledItem, CompiledMaterial, CompiledMatter, CompiledQuestion,
} from './model.ts';
import type { FieldDef, Item, Matter, Question } from './types.ts';

const BOOLEAN_LABELS: ReadonlyMap<string | boolean, string> = new Map<string | boolean, string>([[true, '是'], [false, '否']]);

function compileItem(item: Item, fields: ReadonlyMap<string, FieldDef>): CompiledItem {
  const fieldRefs: CompiledFieldRef[] = [];
  for (const ref of item.fields) {
    if (typeof ref === 'string') {
      const def = fields.get(ref);
      if (def) fieldRefs.push({ def, optional: false, own: false });
    } else if ('own' in ref) {
      const { own: _own, optional, when, ...def } = ref;
      fieldRefs.push({ def: { ...def, group: `item:${item.code}` }, optional: optional ?? false, own: true, when: when === undefined ? undefined : compileRule(when) });
    } else {
      const def = fields.get(ref.key);
      if (def) fieldRefs.push({ def, optional: ref.optional ?? false, own: false, when: ref.when === undefined ? undefined : compileRule(ref.when) });
    }
  }
  const compiledMaterials: CompiledMaterial[] = item.materials.map((m) => ({
    ...m,
    requiredTest: m.requiredIf === undefined ? undefined : compileRule(m.requiredIf),
    replacements: (m.replacedBy ?? []).map((r) => ({ ...r, test: r.when === undefined ? undefined : compileRule(r.when) })),
  }));
  const implementationByRegion = new Map((item.implementations ?? []).map((impl) => [impl.region, impl]));
  return { ...item, fieldRefs, compiledMaterials, aloneFieldCount: fieldRefs.length, implementationByRegion };
}

function compileQuestion(q: Question): CompiledQuestion {
  const labels = q.type === 'boolean' ? BOOLEAN_LABELS : new Map<string | boolean, string>((q.options ?? []).map((o) => [o.value, o.label]));
  return {
    ...q,
    optionValues: [...labels.keys()],
    labels,
    test: q.when === undefined ? undefined : compileRule(q.when),
    reads: q.when === undefined ? [] : ruleVariables(q.when),
  };
}

function compileMatter(m: Matter, items: ReadonlyMap<string, CompiledItem>): CompiledMatter {
  const questionList = m.questions.map(compileQuestion);
  const ancestors = ancestorsOf(m);
  const entries = m.items.map((e) => ({
    ...e,
    def: items.get(e.item) as CompiledItem,
    test: e.when === undefined ? undefined : compileRule(e.when),
    ancestors: ancestors.get(e.item) ?? new Set<string>(),
  }));
  return {
    ...m,
    questionList,
    questionById: new Map(questionList.map((q) => [q.id, q])),
    situationList: m.situations.map((s) => ({ ...s, test: compileRule(s.when) })),
    entries,
    entryById: new Map(entries.map((e) => [e.item, e])),
    channels: [...new Set(m.guide.channels.map((c) => c.kind))],
  };
}

/**
 * Compiles what is sound. An item whose file has a defect is left out, and so is every matter that
 * has a defect itself or bundles an item that was left out: one broken draft never takes the rest down.
 */
export function compileCatalogue(index: DocumentIndex, defectiveFiles: ReadonlySet<string>, packageYears: CalendarYear[]): Catalogue {
  const fields = new Map([...index.fields].map(([k, v]) => [k, v.data]));
  const items = new Map<string, CompiledItem>();
  for (const [code, { file, data }] of index.items) if (!defectiveFiles.has(file)) items.set(code, compileItem(data, fields));
  const matters = new Map<string, CompiledMatter>();
  for (const [id, { file, data }] of index.matters) {
    if (defectiveFiles.has(file) || data.items.some((e) => !items.has(e.item))) continue;
    matters.set(id, compileMatter(data, items));
  }
  const overrides = index.calendars.filter(({ file }) => !defectiveFiles.has(file)).map(({ file, data }) => ({ year: data.year, holidays: data.holidays, workdays: data.workdays, source: file }));
  const fieldRank = new Map([...index.fields.keys()].map((k, i) => [k, i]));
  return {
    regions: new Map([...index.regions].filter(([, v]) => !defectiveFiles.has(v.file)).map(([k, v]) => [k, v.data])),
    departments: new Map([...index.departments].map(([k, v]) => [k, v.data])),
    groups: new Map([...index.groups].map(([k, v]) => [k, v.data])),
    fields,
    fieldRank,
    licenses: new Map([...index.licenses].map(([k, v]) => [k, v.data])),
    items,
    matters,
    calendar: buildCalendar([...packageYears, ...overrides]),
  };
}
