/** From raw answers and facts to the effective answers, the next question and the situation. */
import { truthy } from '../rules/jsonlogic.ts';
import type { CompiledMatter, CompiledQuestion, CompiledSituation } from '../catalog/model.ts';
import type { AnswerValue, AnswerView, Facts, PlanError, QuestionView } from './types.ts';

export interface QuestionnaireState {
  values: Record<string, AnswerValue>;
  answers: AnswerView[];
  dropped: string[];
  next: CompiledQuestion | null;
  complete: boolean;
}

function labelOf(q: CompiledQuestion, value: AnswerValue): string {
  if (Array.isArray(value)) return value.map((v) => q.labels.get(v) ?? v).join('、') || '（无）';
  return q.labels.get(value) ?? String(value);
}

/** Checks one value against a question; returns the error or null. */
export function answerError(q: CompiledQuestion, value: unknown, path: string, code: 'invalid-answer' | 'invalid-fact' = 'invalid-answer'): PlanError | null {
  const wrongType = (): PlanError => {
    const expected = q.type === 'boolean' ? '是/否（true 或 false）' : q.type === 'choice' ? '一个选项值' : '选项值的列表';
    return { code, path, message: `问题「${q.text}」的回答应为${expected}` };
  };
  const noSuchOption = (v: unknown): PlanError => {
    const options = [...q.labels].map(([o, l]) => `${String(o)}（${l}）`).join('、');
    return { code: code === 'invalid-fact' ? code : 'unknown-option', path, message: `问题「${q.text}」没有选项「${String(v)}」，可选：${options}` };
  };
  if (q.type === 'boolean') return typeof value === 'boolean' ? null : wrongType();
  if (q.type === 'choice') {
    if (typeof value !== 'string') return wrongType();
    return q.labels.has(value) ? null : noSuchOption(value);
  }
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return wrongType();
  const bad = value.find((v) => !q.labels.has(v));
  if (bad !== undefined) return noSuchOption(bad);
  if (new Set(value).size !== value.length) return { code, path, message: `问题「${q.text}」的回答有重复选项` };
  return null;
}

export function questionView(q: CompiledQuestion): QuestionView {
  return {
    id: q.id,
    text: q.text,
    type: q.type,
    options: [...q.labels].map(([value, label]) => ({ value, label })),
    ...(q.help ? { help: q.help } : {}),
  };
}

/**
 * Walks the questions in order. A question applies when its condition holds on the answers before
 * it; one whose condition reads a question still open is itself open (its answer is kept, unused).
 */
export function resolveAnswers(
  matter: CompiledMatter, raw: Readonly<Record<string, unknown>>, facts: Facts, errors: PlanError[],
): QuestionnaireState {
  for (const key of Object.keys(raw)) {
    if (!matter.questionById.has(key)) errors.push({ code: 'unknown-question', path: `answers.${key}`, message: `「${matter.name}」没有问题「${key}」` });
  }
  const values: Record<string, AnswerValue> = {};
  const answers: AnswerView[] = [];
  const dropped: string[] = [];
  const open = new Set<string>();
  let next: CompiledQuestion | null = null;

  for (const q of matter.questionList) {
    const given = raw[q.id];
    const fromFacts = q.prefill ? facts[q.prefill.fact] : undefined;
    if (given !== undefined) {
      const error = answerError(q, given, `answers.${q.id}`);
      if (error) {
        errors.push(error);
        continue;
      }
    }
    if (fromFacts !== undefined) {
      const error = answerError(q, fromFacts, `facts.${q.prefill?.fact}`, 'invalid-fact');
      if (error) {
        errors.push(error);
        continue;
      }
    }
    if (q.reads.some((r) => open.has(r))) {
      open.add(q.id);
      continue;
    }
    if (q.test && !truthy(q.test(values))) {
      if (given !== undefined) dropped.push(q.id);
      continue;
    }
    let value: AnswerValue | undefined;
    let source: AnswerView['source'] = 'applicant';
    if (fromFacts !== undefined && q.prefill) {
      const locked = !q.prefill.editable;
      if (given !== undefined && locked && JSON.stringify(given) !== JSON.stringify(fromFacts)) {
        errors.push({ code: 'answer-locked', path: `answers.${q.id}`, message: `问题「${q.text}」的答案来自${q.prefill.from}，不能修改` });
        continue;
      }
      value = (given !== undefined && !locked ? given : fromFacts) as AnswerValue;
      source = given !== undefined && !locked && JSON.stringify(given) !== JSON.stringify(fromFacts) ? 'applicant' : 'facts';
    } else if (given !== undefined) {
      value = given as AnswerValue;
    }
    if (value === undefined) {
      open.add(q.id);
      next ??= q;
      continue;
    }
    values[q.id] = value;
    answers.push({
      question: q.id,
      text: q.text,
      value,
      label: labelOf(q, value),
      source,
      ...(q.prefill && source === 'facts' ? { prefill: { from: q.prefill.from, editable: q.prefill.editable } } : {}),
    });
  }
  return { values, answers, dropped, next, complete: open.size === 0 };
}

export function decideSituation(
  matter: CompiledMatter, values: Record<string, AnswerValue>, errors: PlanError[],
): CompiledSituation | null {
  const matches = matter.situationList.filter((s) => truthy(s.test(values)));
  if (matches.length === 1) return matches[0] as CompiledSituation;
  if (matches.length === 0) {
    errors.push({ code: 'no-situation', path: 'answers', message: `这些回答不符合「${matter.name}」的任何办理情形，请咨询 12345 或综合窗口` });
  } else {
    errors.push({ code: 'ambiguous-situation', path: 'answers', message: `这些回答同时符合多个情形：${matches.map((s) => s.name).join('、')}（目录配置有误）` });
  }
  return null;
}
