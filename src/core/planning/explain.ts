/** Puts a condition's deciding parts into words an applicant reads: 「问题」为「选项」. */
import { explainRule, type Rule } from '../rules/jsonlogic.ts';
import type { CompiledMatter } from '../catalog/model.ts';

const isVar = (n: unknown): n is { var: unknown } => typeof n === 'object' && n !== null && !Array.isArray(n) && 'var' in n;

export function describeRule(rule: Rule, matter: CompiledMatter): string {
  if (rule === true) return '无附加条件';
  if (rule === false) return '不适用';
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return JSON.stringify(rule);
  const [op, raw] = Object.entries(rule)[0] as [string, unknown];
  const args = Array.isArray(raw) ? raw : [raw];
  const question = (n: unknown) => (isVar(n) ? matter.questionById.get(String(n.var)) : undefined);
  const label = (n: unknown, value: unknown) => {
    if (isVar(n) && n.var === 'situation') return matter.situationList.find((s) => s.id === value)?.name ?? String(value);
    return question(n)?.labels.get(value as string | boolean) ?? String(value);
  };
  const subject = (n: unknown) => {
    if (isVar(n) && n.var === 'situation') return '办理情形';
    const q = question(n);
    return q ? q.text.replace(/[？?]$/, '') : JSON.stringify(n);
  };
  switch (op) {
    case 'var':
    case '!!': {
      const target = op === 'var' ? rule : args[0];
      return question(target)?.type === 'boolean' ? `「${subject(target)}」：「是」` : `「${subject(target)}」已填写`;
    }
    case '==':
    case '===':
    case '!=':
    case '!==': {
      const [a, b] = args;
      const [v, lit] = isVar(a) ? [a, b] : [b, a];
      const verb = op.startsWith('!') ? '不是' : '：';
      return `「${subject(v)}」${verb}「${label(v, lit)}」`;
    }
    case 'in': {
      const [needle, hay] = args;
      if (isVar(hay)) return `「${subject(hay)}」包括「${label(hay, needle)}」`;
      if (isVar(needle) && Array.isArray(hay)) return `「${subject(needle)}」为${hay.map((h) => `「${label(needle, h)}」`).join('或')}`;
      break;
    }
    case '!': {
      const inner = args[0];
      if (isVar(inner) && question(inner)?.type === 'boolean') return `「${subject(inner)}」：「否」`;
      return `并非${describeRule(inner, matter)}`;
    }
    case 'and':
      return args.map((a) => describeRule(a, matter)).join('，且');
    case 'or':
      return args.map((a) => describeRule(a, matter)).join('，或');
  }
  return JSON.stringify(rule);
}

const described = new WeakMap<object, string>();

/** Leaves are objects of the matter's own rules, so their words can be kept once made. */
function describeLeaf(rule: Rule, matter: CompiledMatter): string {
  if (rule === null || typeof rule !== 'object') return describeRule(rule, matter);
  let text = described.get(rule);
  if (text === undefined) {
    text = describeRule(rule, matter);
    described.set(rule, text);
  }
  return text;
}

/** The parts of a situation's condition that decided it, in words. */
export function explainSituation(rule: Rule, data: Readonly<Record<string, unknown>>, matter: CompiledMatter): string[] {
  return explainRule(rule, data).map((r) => (r.held ? describeLeaf(r.rule, matter) : `${describeLeaf(r.rule, matter)}（不成立）`));
}
