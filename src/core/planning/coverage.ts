/**
 * The questionnaire-coverage check: walks every reachable combination of answers of a matter and
 * proves each reaches exactly one situation, every situation is reached, and every plan is sound.
 */
import { truthy } from '../rules/jsonlogic.ts';
import type { Catalogue, CompiledMatter, CompiledQuestion } from '../catalog/model.ts';
import { predecessors } from '../catalog/validate-matters.ts';
import type { AnswerValue, Plan } from './types.ts';
import { plan } from './plan.ts';

export const MAX_COMBINATIONS = 20_000;

export interface Finding {
  path: string;
  message: string;
}

function valuesOf(q: CompiledQuestion): AnswerValue[] {
  if (q.type !== 'multi') return [...q.optionValues] as AnswerValue[];
  const options = q.optionValues as string[];
  const subsets: string[][] = [];
  for (let mask = 0; mask < 1 << options.length; mask++) subsets.push(options.filter((_, i) => mask & (1 << i)));
  return subsets;
}

/** Every complete answer set reachable through the questions' conditions; null when too many. */
export function answerCombinations(matter: CompiledMatter, limit = MAX_COMBINATIONS): Record<string, AnswerValue>[] | null {
  const out: Record<string, AnswerValue>[] = [];
  const walk = (i: number, values: Record<string, AnswerValue>): boolean => {
    if (i === matter.questionList.length) {
      out.push({ ...values });
      return out.length <= limit;
    }
    const q = matter.questionList[i] as CompiledQuestion;
    if (q.test && !truthy(q.test(values))) return walk(i + 1, values);
    for (const v of valuesOf(q)) {
      values[q.id] = v;
      const go = walk(i + 1, values);
      delete values[q.id];
      if (!go) return false;
    }
    return true;
  };
  return walk(0, {}) ? out : null;
}

function describeAnswers(matter: CompiledMatter, values: Record<string, AnswerValue>): string {
  const parts = Object.entries(values).map(([id, v]) => {
    const q = matter.questionById.get(id) as CompiledQuestion;
    const label = Array.isArray(v) ? v.map((x) => q.labels.get(x) ?? x).join('、') || '（都没有）' : (q.labels.get(v) ?? String(v));
    return `「${q.text}」${label}`;
  });
  return parts.length > 0 ? parts.join('；') : '（无需回答问题）';
}

/** Soundness of one plan: the invariants every plan must keep. */
export function planProblems(p: Plan, matter: CompiledMatter): string[] {
  const problems: string[] = [];
  const stageOf = new Map<string, number>();
  p.stages.forEach((stage, i) => stage.forEach((id) => stageOf.set(id, i)));
  for (const item of p.items) {
    for (const parent of predecessors(matter.entryById.get(item.id) ?? {})) {
      const a = stageOf.get(parent);
      const b = stageOf.get(item.id);
      if (a !== undefined && b !== undefined && a >= b) problems.push(`事项「${item.id}」排在它的前置事项「${parent}」之前或同时`);
    }
  }
  const keys = p.form.fields.map((f) => f.key);
  if (new Set(keys).size !== keys.length) problems.push('合并表单中有重复字段');
  const ids = p.materials.map((m) => m.id);
  if (new Set(ids).size !== ids.length) problems.push('材料清单中有重复材料');
  for (const m of p.materials) {
    if (m.status === 'exempt' && !m.exemption) problems.push(`材料「${m.name}」免提交但没有理由`);
    if (m.status === 'required' && m.exemption) problems.push(`材料「${m.name}」既要求提交又标为免提交`);
  }
  const sumDays = p.items.reduce((n, i) => n + i.timeLimit.promised, 0);
  if (p.timeLimit.workingDays > sumDays) problems.push('总时限超过各事项时限之和');
  return problems;
}

export function checkCoverage(catalogue: Catalogue, matter: CompiledMatter): Finding[] {
  const findings: Finding[] = [];
  const combos = answerCombinations(matter);
  if (!combos) {
    return [{ path: 'questions', message: `问卷的回答组合超过 ${MAX_COMBINATIONS} 种，无法逐一验证；请拆分问题或收窄选项` }];
  }
  const reached = new Set<string>();
  const allLicenses = [...catalogue.licenses.keys()];
  const factSets = [{}, { licenses: allLicenses }];
  for (const values of combos) {
    const matches = matter.situationList.filter((s) => truthy(s.test(values)));
    if (matches.length !== 1) {
      const what = matches.length === 0 ? '不符合任何情形' : `同时符合 ${matches.length} 个情形（${matches.map((s) => s.id).join('、')}）`;
      findings.push({ path: 'situations', message: `回答 ${describeAnswers(matter, values)} 时${what}` });
      continue;
    }
    reached.add((matches[0] as { id: string }).id);
    for (const facts of factSets) {
      for (const chosenItems of [undefined, []]) {
        const r = plan(catalogue, matter.id, { answers: values, facts, chosenItems });
        const mode = `${chosenItems ? '只办必办事项' : '办理全部事项'}${facts.licenses ? '、持有全部电子证照' : ''}`;
        if (!r.ok) {
          findings.push({ path: 'items', message: `回答 ${describeAnswers(matter, values)}（${mode}）时无法生成办理方案：${r.errors.map((e) => e.message).join('；')}` });
          continue;
        }
        for (const problem of planProblems(r.plan, matter)) {
          findings.push({ path: 'items', message: `回答 ${describeAnswers(matter, values)}（${mode}）时方案有误：${problem}` });
        }
      }
    }
  }
  matter.situations.forEach((s, i) => {
    if (!reached.has(s.id)) findings.push({ path: `situations[${i}]`, message: `情形「${s.name}」在任何回答组合下都不会出现` });
  });
  return dedupe(findings);
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.path}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
