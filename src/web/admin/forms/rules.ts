/**
 * The condition builder's model: a list of comparisons (a question or field, an operator, a value)
 * joined by 且 or 或, turned into the JSON Logic rule the catalogue uses and back, and read out as a
 * sentence. Rules the builder cannot express are left as they are and edited in the YAML.
 */
import type { MessageKey } from '../../shared/messages/index.ts';

export const OPS = ['==', '!=', 'in', '>', '>=', '<', '<='] as const;
export type Op = (typeof OPS)[number];
export type Value = string | number | boolean;

export interface Comparison {
  field: string;
  op: Op;
  /** A list for `in` (the answer is one of them), one value otherwise. */
  value: Value | Value[];
}

export interface Condition {
  join: 'and' | 'or';
  parts: Comparison[];
}

/** What the builder offers to compare: a question of the matter or a field, with its answers if it has a fixed set. */
export interface Subject {
  id: string;
  label: string;
  type: 'boolean' | 'choice' | 'multi' | 'number' | 'text';
  options?: { value: string; label: string }[];
}

const isValue = (v: unknown): v is Value => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function varName(node: unknown): string | null {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  if (keys.length !== 1 || keys[0] !== 'var') return null;
  const name = (node as { var: unknown }).var;
  return typeof name === 'string' && name !== '' ? name : null;
}

function comparisonOf(node: unknown): Comparison | null {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  if (keys.length !== 1) return null;
  const op = keys[0] as string;
  const args = (node as Record<string, unknown>)[op];
  if (!(OPS as readonly string[]).includes(op) || !Array.isArray(args) || args.length !== 2) return null;
  const field = varName(args[0]);
  if (field === null) return null;
  const value = args[1];
  if (op === 'in') return Array.isArray(value) && value.every(isValue) ? { field, op, value } : null;
  return isValue(value) ? { field, op: op as Op, value } : null;
}

/** The builder's model of a rule; null when the rule is more than the builder shows (edit it in the YAML). */
export function fromRule(rule: unknown): Condition | null {
  if (rule === undefined || rule === null) return { join: 'and', parts: [] };
  const one = comparisonOf(rule);
  if (one) return { join: 'and', parts: [one] };
  if (typeof rule !== 'object' || Array.isArray(rule) || Object.keys(rule).length !== 1) return null;
  const join = Object.keys(rule)[0];
  if (join !== 'and' && join !== 'or') return null;
  const list = (rule as Record<string, unknown>)[join];
  if (!Array.isArray(list)) return null;
  const parts = list.map(comparisonOf);
  return parts.every((p): p is Comparison => p !== null) ? { join, parts } : null;
}

/** The rule the catalogue stores; undefined when there is no comparison (the condition is removed). */
export function toRule(c: Condition): unknown {
  const rules = c.parts.filter((p) => p.field !== '').map((p) => ({ [p.op]: [{ var: p.field }, p.value] }));
  if (rules.length === 0) return undefined;
  return rules.length === 1 ? rules[0] : { [c.join]: rules };
}

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

const OP_WORDS: Record<Op, MessageKey> = {
  '==': 'formOpIs', '!=': 'formOpIsNot', in: 'formOpIn', '>': 'formOpGt', '>=': 'formOpGte', '<': 'formOpLt', '<=': 'formOpLte',
};

export const opWord = (t: T, op: Op) => t(OP_WORDS[op]);

/** A value as a person reads it: 是/否, an option's label, or the value itself. */
export function valueWord(t: T, subject: Subject | undefined, v: Value): string {
  if (typeof v === 'boolean') return v ? t('formYes') : t('formNo');
  const option = subject?.options?.find((o) => o.value === String(v));
  return option ? option.label : String(v);
}

/** The condition as a sentence, e.g. 当「宝宝是否已满 1 周岁？」为“是”且…时; never the rule itself. */
export function sentence(t: T, c: Condition, subjects: Subject[]): string {
  if (c.parts.length === 0) return t('formAlways');
  const said = c.parts.map((p) => {
    const subject = subjects.find((s) => s.id === p.field);
    const name = subject?.label ?? p.field;
    const values = (Array.isArray(p.value) ? p.value : [p.value]).map((v) => `“${valueWord(t, subject, v)}”`).join(t('formListSep'));
    return t('formClause', { name, op: opWord(t, p.op), value: values });
  });
  return t('formWhen', { clauses: said.join(c.join === 'and' ? t('formAnd') : t('formOr')) });
}

/** The value typed or chosen, as the type of the subject wants it. */
export function typed(subject: Subject | undefined, raw: string): Value {
  if (subject?.type === 'boolean') return raw === 'true';
  if (subject?.type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}
