/**
 * The draft's steps as values — the form after new answers, after new form values, and the checks
 * before submission — so a step-by-step application and one made in a single request share them.
 */
import type { Plan } from '../../../core/planning/types.ts';
import { validateFormValues } from '../../../core/planning/validate-form.ts';
import { badRequest, conflict } from '../../errors.ts';

type Values = Record<string, unknown>;

/** The form after the answers changed: pre-filled values join, fields the plan no longer has leave. */
export function formAfterAnswers(p: Plan, form: Values): Values {
  const next = { ...form };
  for (const f of p.form.fields) if (next[f.key] === undefined && f.value !== undefined) next[f.key] = f.value;
  return Object.fromEntries(Object.entries(next).filter(([k]) => p.form.fields.some((f) => f.key === k)));
}

/** The form with new values: what is filled in must be valid; required fields may wait. */
export function formWithValues(p: Plan | null, form: Values, values: Values): Values {
  if (!p) throw conflict('no-plan', '请先回答引导问题');
  const merged = { ...form, ...values };
  const errors = validateFormValues(p.form, merged, { partial: true });
  if (errors.length > 0) throw badRequest('invalid-form', '表单填写有误', errors.map((e) => ({ path: e.path, message: e.message, code: e.code })));
  return merged;
}

/**
 * Complete answers, an eligible situation, a valid form and, online, every non-deferrable material;
 * at the window the clerk's completeness check decides instead (accept, on commitment, or reject).
 */
export function checkSubmittable(p: Plan, form: Values, attached: ReadonlySet<string>, channel: string): void {
  if (!p.complete) throw conflict('answers-incomplete', `还有问题未回答：${p.nextQuestion?.text ?? ''}`, [{ path: `answers.${p.nextQuestion?.id}`, message: '请回答' }]);
  if (!p.situation?.eligible) throw conflict('not-eligible', `本情形不能通过一件事办理：${p.situation?.advice ?? ''}`);
  const errors = validateFormValues(p.form, form);
  const missing = channel === 'window' ? [] : p.materials.filter((m) => m.status === 'required' && !m.deferrable && !attached.has(m.id));
  const details = [
    ...errors.map((e) => ({ path: e.path, message: e.message, code: e.code })),
    ...missing.map((m) => ({ path: `materials.${m.id}`, message: `请上传「${m.name}」`, code: 'material-missing' })),
  ];
  if (details.length > 0) throw badRequest('incomplete-application', '申请还不完整，请按提示补充', details);
}

export function prefilled(p: Plan): Values {
  return Object.fromEntries(p.form.fields.filter((f) => f.value !== undefined).map((f) => [f.key, f.value]));
}
