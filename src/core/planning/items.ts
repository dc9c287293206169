/** Which items a plan holds (and why), and the flow: stages and the critical path. */
import { truthy } from '../rules/jsonlogic.ts';
import type { CompiledMatter, CompiledMatterItem } from '../catalog/model.ts';
import { predecessors } from '../catalog/validate-matters.ts';
import type { Facts, ItemWhy, PlanError } from './types.ts';

export interface Selection {
  chosen: CompiledMatterItem[];
  why: Map<string, { why: ItemWhy; neededBy: string[] }>;
  notChosen: CompiledMatterItem[];
}

/** The items whose result the applicant already holds as an e-license need not be done again. */
function resultHeld(entry: CompiledMatterItem, facts: Facts): boolean {
  const license = entry.def.result.license;
  return license !== undefined && (facts.licenses ?? []).includes(license);
}

export function selectItems(
  matter: CompiledMatter, data: Readonly<Record<string, unknown>>, chosenItems: readonly string[] | undefined,
  facts: Facts, errors: PlanError[],
): Selection {
  const applicable = matter.entries.filter((e) => !e.test || truthy(e.test(data)));
  const applies = new Set(applicable.map((e) => e.item));
  const why = new Map<string, { why: ItemWhy; neededBy: string[] }>();
  for (const e of applicable) if (e.required) why.set(e.item, { why: 'required', neededBy: [] });

  if (chosenItems === undefined) {
    for (const e of applicable) if (!e.required) why.set(e.item, { why: 'chosen', neededBy: [] });
  } else {
    chosenItems.forEach((id, i) => {
      const entry = matter.entryById.get(id);
      const path = `chosenItems[${i}]`;
      if (!entry) errors.push({ code: 'unknown-item', path, message: `「${matter.name}」不包含事项「${id}」` });
      else if (!applies.has(id)) errors.push({ code: 'item-not-applicable', path, message: `按您的回答，「${entry.def.name}」不在本次办理范围内` });
      else if (!why.has(id)) why.set(id, { why: 'chosen', neededBy: [] });
    });
  }

  const pending = [...why.keys()];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    const entry = matter.entryById.get(id) as CompiledMatterItem;
    for (const parentId of entry.after ?? []) {
      const parent = matter.entryById.get(parentId) as CompiledMatterItem;
      if (resultHeld(parent, facts)) continue;
      if (!applies.has(parentId)) {
        errors.push({
          code: 'dependency-unmet',
          path: 'chosenItems',
          message: `「${entry.def.name}」需要「${parent.def.name}」的办理结果，但按您的回答该事项不在本次办理范围内，且未持有其结果`,
        });
        continue;
      }
      const existing = why.get(parentId);
      if (existing) {
        if (existing.why === 'needed-by' && !existing.neededBy.includes(id)) existing.neededBy.push(id);
        continue;
      }
      why.set(parentId, { why: 'needed-by', neededBy: [id] });
      pending.push(parentId);
    }
  }
  return {
    chosen: matter.entries.filter((e) => why.has(e.item)),
    why,
    notChosen: applicable.filter((e) => !why.has(e.item)),
  };
}

export interface Flow {
  stages: string[][];
  stageOf: Map<string, number>;
  workingDays: number;
  legalWorkingDays: number;
  /** natural days of 公示/公告 on the longest chain, by that measure */
  calendarDays: number;
  criticalPath: string[];
}

const flows = new WeakMap<CompiledMatter, Map<string, Flow>>();

export type LimitOf = (e: CompiledMatterItem) => { promised: number; legal: number };

/**
 * The flow depends only on which items are chosen and their time limits (`limitOf`: as implemented
 * in the handling region); it is made once per such set and kept.
 */
export function planFlow(matter: CompiledMatter, chosen: readonly CompiledMatterItem[], limitOf: LimitOf = (e) => e.def.timeLimit): Flow {
  let perMatter = flows.get(matter);
  if (!perMatter) flows.set(matter, (perMatter = new Map()));
  let key = '';
  for (const e of chosen) {
    const t = limitOf(e);
    key += `${e.item}:${t.promised}:${t.legal},`;
  }
  let flow = perMatter.get(key);
  if (!flow) {
    flow = computeFlow(chosen, limitOf);
    if (perMatter.size >= 512) perMatter.clear();
    perMatter.set(key, flow);
  }
  return flow;
}

/** Stages of items that can run side by side, in dependency order, and the longest path in days. */
function computeFlow(chosen: readonly CompiledMatterItem[], limitOf: LimitOf): Flow {
  const inPlan = new Set(chosen.map((e) => e.item));
  const stageOf = new Map<string, number>();
  const finish = new Map<string, number>();
  const legalFinish = new Map<string, number>();
  const calendarFinish = new Map<string, number>();
  const via = new Map<string, string | null>();
  // Matter order may list a successor first; resolve in rounds, which is bounded by the cycle-free check.
  let remaining = [...chosen];
  while (remaining.length > 0) {
    const later: CompiledMatterItem[] = [];
    for (const e of remaining) {
      const parents = predecessors(e).filter((p) => inPlan.has(p));
      if (parents.some((p) => !stageOf.has(p))) {
        later.push(e);
        continue;
      }
      let stage = 0;
      let start = 0;
      let legalStart = 0;
      let calendarStart = 0;
      let longest: string | null = null;
      for (const p of parents) {
        stage = Math.max(stage, (stageOf.get(p) as number) + 1);
        const f = finish.get(p) as number;
        if (longest === null || f > start) {
          start = f;
          longest = p;
        }
        legalStart = Math.max(legalStart, legalFinish.get(p) as number);
        calendarStart = Math.max(calendarStart, calendarFinish.get(p) as number);
      }
      stageOf.set(e.item, stage);
      const limit = limitOf(e);
      finish.set(e.item, start + limit.promised);
      legalFinish.set(e.item, legalStart + limit.legal);
      calendarFinish.set(e.item, calendarStart + (e.def.periods ?? []).reduce((n, d) => n + d.days, 0));
      via.set(e.item, longest);
    }
    if (later.length === remaining.length) break;
    remaining = later;
  }
  const stages: string[][] = [];
  for (const e of chosen) {
    const s = stageOf.get(e.item);
    if (s === undefined) continue;
    (stages[s] ??= []).push(e.item);
  }
  let end: string | null = null;
  let workingDays = 0;
  for (const [id, f] of finish) {
    if (end === null || f > workingDays) {
      end = id;
      workingDays = f;
    }
  }
  const criticalPath: string[] = [];
  for (let at = end; at !== null; at = via.get(at) ?? null) criticalPath.unshift(at);
  return {
    stages: stages.filter((s) => s.length > 0),
    stageOf,
    workingDays,
    legalWorkingDays: Math.max(0, ...legalFinish.values()),
    calendarDays: Math.max(0, ...calendarFinish.values()),
    criticalPath,
  };
}
