/**
 * The planner: from a key matter and an applicant's answers to the exact items, form, materials,
 * flow and time limit they face. Pure and deterministic; bad input gives errors, never a throw.
 */
import { truthy } from '../rules/jsonlogic.ts';
import type { Catalogue } from '../catalog/model.ts';
import { predecessors } from '../catalog/validate-matters.ts';
import { explainSituation } from './explain.ts';
import { planFees, totalFees } from './fees.ts';
import { mergeForm } from './form.ts';
import { regionView, resolveHandling, type Handling } from './jurisdiction.ts';
import { planFlow, selectItems } from './items.ts';
import { materialsAlone, mergeMaterials } from './materials.ts';
import { decideSituation, questionView, resolveAnswers } from './questionnaire.ts';
import type { Facts, Plan, PlanError, PlanInput, PlanResult } from './types.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkInput(input: PlanInput, errors: PlanError[]): void {
  if (!isRecord(input)) {
    errors.push({ code: 'invalid-input', path: '', message: '办理请求应为对象 { answers, chosenItems, facts }' });
    return;
  }
  if (input.answers !== undefined && !isRecord(input.answers)) errors.push({ code: 'invalid-input', path: 'answers', message: 'answers 应为「问题 → 回答」的对象' });
  if (input.facts !== undefined && !isRecord(input.facts)) errors.push({ code: 'invalid-input', path: 'facts', message: 'facts 应为对象' });
  if (isRecord(input.facts) && input.facts.licenses !== undefined && (!Array.isArray(input.facts.licenses) || input.facts.licenses.some((l) => typeof l !== 'string'))) {
    errors.push({ code: 'invalid-fact', path: 'facts.licenses', message: 'facts.licenses 应为电子证照类型编码的列表' });
  }
  if (input.chosenItems !== undefined && (!Array.isArray(input.chosenItems) || input.chosenItems.some((c) => typeof c !== 'string'))) {
    errors.push({ code: 'invalid-input', path: 'chosenItems', message: 'chosenItems 应为事项编码的列表' });
  }
  if (input.commitments !== undefined && (!Array.isArray(input.commitments) || input.commitments.some((c) => typeof c !== 'string'))) {
    errors.push({ code: 'invalid-input', path: 'commitments', message: 'commitments 应为材料编码的列表' });
  }
  if (input.region !== undefined && typeof input.region !== 'string') errors.push({ code: 'invalid-input', path: 'region', message: 'region 应为行政区划代码' });
}

export function plan(catalogue: Catalogue, matterId: string, input: PlanInput = {}): PlanResult {
  const errors: PlanError[] = [];
  const matter = catalogue.matters.get(matterId);
  if (!matter) {
    return { ok: false, errors: [{ code: 'unknown-matter', path: 'matter', message: `没有名为「${matterId}」的一件事` }] };
  }
  checkInput(input, errors);
  if (errors.length > 0) return { ok: false, errors };
  const applicantRegion = input.region === undefined ? undefined : catalogue.regions.get(input.region);
  if (input.region !== undefined && !applicantRegion) {
    return { ok: false, errors: [{ code: 'unknown-region', path: 'region', message: `没有代码为「${input.region.slice(0, 20)}」的行政区划` }] };
  }
  const facts: Facts = input.facts ?? {};

  const state = resolveAnswers(matter, input.answers ?? {}, facts, errors);
  const situation = state.complete && errors.length === 0 ? decideSituation(matter, state.values, errors) : null;
  if (errors.length > 0) return { ok: false, errors };

  const data: Record<string, unknown> = { ...state.values, matter: matter.id, ...(situation ? { situation: situation.id } : {}) };
  const eligible = situation?.eligible !== false;
  const selection = eligible
    ? selectItems(matter, data, input.chosenItems, facts, errors)
    : { chosen: [], why: new Map(), notChosen: [] };
  if (errors.length > 0) return { ok: false, errors };

  const { chosen } = selection;
  const handlings = new Map<string, Handling>();
  const handlingOf = (e: (typeof chosen)[number]): Handling => {
    let h = handlings.get(e.item);
    if (!h) handlings.set(e.item, (h = resolveHandling(catalogue, e.def, applicantRegion?.code)));
    return h;
  };
  const flow = planFlow(matter, chosen, (e) => handlingOf(e).timeLimit);
  const form = mergeForm(catalogue, matter, chosen, data, facts);
  const committed = new Set(input.commitments ?? []);
  const materials = mergeMaterials(catalogue, matter, chosen, data, facts, committed);
  for (const [i, id] of (input.commitments ?? []).entries()) {
    const m = materials.find((x) => x.id === id);
    // Not needed any more (answers changed) or spared some other way (an e-licence obtained since):
    // the commitment is simply not needed. Only a material that cannot be promised is an error.
    if (m?.status === 'required') errors.push({ code: 'not-committable', path: `commitments.${i}`, message: `材料「${m.name}」不能以告知承诺代替` });
  }
  if (errors.length > 0) return { ok: false, errors };
  const dept = (code: string) => ({ code, name: catalogue.departments.get(code)?.name ?? code });

  let fieldsAlone = 0;
  let tripsAlone = 0;
  let daysAlone = 0;
  for (const e of chosen) {
    for (const r of e.def.fieldRefs) if (!r.when || truthy(r.when(data))) fieldsAlone++;
    tripsAlone += e.def.trips;
    daysAlone += handlingOf(e).timeLimit.promised;
  }
  let fieldsToFill = 0;
  for (const f of form.fields) if (f.value === undefined) fieldsToFill++;
  let materialsRequired = 0;
  for (const m of materials) if (m.status === 'required') materialsRequired++;
  const result: Plan = {
    matter: { id: matter.id, name: matter.name, lifeStage: matter.lifeStage, subject: matter.subject, lead: dept(matter.lead) },
    region: applicantRegion ? regionView(applicantRegion) : null,
    complete: state.complete,
    nextQuestion: state.next ? questionView(state.next) : null,
    answers: state.answers,
    dropped: state.dropped,
    situation: situation
      ? {
          id: situation.id,
          name: situation.name,
          eligible,
          why: explainSituation(situation.when, state.values, matter),
          ...(situation.description ? { description: situation.description } : {}),
          ...(situation.advice ? { advice: situation.advice } : {}),
        }
      : null,
    items: chosen.map((e) => {
      const w = selection.why.get(e.item) as { why: Plan['items'][number]['why']; neededBy: string[] };
      const h = handlingOf(e);
      return {
        id: e.item,
        name: e.def.name,
        department: dept(h.department),
        region: h.region,
        windows: h.windows,
        fees: planFees(h.fees, data),
        why: w.why,
        ...(w.why === 'needed-by' ? { neededBy: w.neededBy } : {}),
        optional: !e.required,
        after: predecessors(e).filter((a) => selection.why.has(a)),
        stage: flow.stageOf.get(e.item) ?? 0,
        timeLimit: h.timeLimit,
        ...(e.def.periods?.length ? { periods: e.def.periods.map((d) => ({ name: d.name, days: d.days })) } : {}),
        result: e.def.result,
      };
    }),
    notChosen: selection.notChosen.map((e) => ({ id: e.item, name: e.def.name, department: dept(handlingOf(e).department) })),
    stages: flow.stages,
    form,
    materials,
    timeLimit: {
      workingDays: flow.workingDays, legalWorkingDays: flow.legalWorkingDays, criticalPath: flow.criticalPath,
      ...(flow.calendarDays > 0 ? { calendarDays: flow.calendarDays } : {}),
    },
    reductions: {
      items: { before: chosen.length, after: chosen.length > 0 ? 1 : 0 },
      forms: { before: chosen.length, after: chosen.length > 0 ? 1 : 0 },
      fields: { before: fieldsAlone, after: fieldsToFill },
      materials: { before: materialsAlone(chosen, data), after: materialsRequired },
      trips: { before: tripsAlone, after: chosen.length > 0 ? Math.min(matter.trips, tripsAlone) : 0 },
      workingDays: { before: daysAlone, after: flow.workingDays },
    },
    channels: matter.channels,
  };
  result.fees = totalFees(result.items);
  return { ok: true, plan: result };
}
