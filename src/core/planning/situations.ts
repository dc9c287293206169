/**
 * Every situation of a matter with answers that reach it, for simulated applications (模拟申报):
 * the first complete answer set found for each situation, in the questionnaire's own order.
 */
import { truthy } from '../rules/jsonlogic.ts';
import type { CompiledMatter } from '../catalog/model.ts';
import { answerCombinations, MAX_COMBINATIONS } from './coverage.ts';
import type { AnswerValue } from './types.ts';

export interface ReachedSituation {
  id: string;
  name: string;
  answers: Record<string, AnswerValue>;
}

export interface SituationDefect {
  /** The situation concerned; absent when the questionnaire as a whole cannot be walked. */
  situation?: { id: string; name: string };
  message: string;
}

export interface MatterSituations {
  /** Eligible situations, each with the answers that reach it. */
  eligible: ReachedSituation[];
  /** Situations that end in advice instead of an application (not simulated). */
  ineligible: { id: string; name: string }[];
  defects: SituationDefect[];
}

export function enumerateSituations(matter: CompiledMatter, limit = MAX_COMBINATIONS): MatterSituations {
  const combos = answerCombinations(matter, limit);
  if (!combos) {
    return { eligible: [], ineligible: [], defects: [{ message: `「${matter.name}」问卷的回答组合超过 ${limit} 种，无法逐一模拟` }] };
  }
  const first = new Map<string, Record<string, AnswerValue>>();
  for (const values of combos) {
    const matches = matter.situationList.filter((s) => truthy(s.test(values)));
    // Answers matching none or several situations are the coverage check's finding; here a situation needs one clear way in.
    if (matches.length !== 1) continue;
    const id = (matches[0] as { id: string }).id;
    if (!first.has(id)) first.set(id, values);
  }
  const out: MatterSituations = { eligible: [], ineligible: [], defects: [] };
  for (const s of matter.situationList) {
    const answers = first.get(s.id);
    if (!answers) {
      out.defects.push({ situation: { id: s.id, name: s.name }, message: `情形「${s.name}」在任何回答组合下都不会出现` });
      continue;
    }
    if (s.eligible === false) out.ineligible.push({ id: s.id, name: s.name });
    else out.eligible.push({ id: s.id, name: s.name, answers });
  }
  return out;
}
