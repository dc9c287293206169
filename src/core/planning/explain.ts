/** Puts a condition's deciding parts into words an applicant reads: 「问题」为「选项」. */
import { explainRule, type Rule } from '../rules/jsonlogic.ts';
import type { CompiledMatter } from '../catalog/model.ts';

const isVar = (n: unknown): n is { var: unknown } => typeof n === 'object' && n !== null && !Array.isArray(n) && 'var' in n;
const isMatterVar = (n: unknown) => isVar(n) && n.var === 'matter';

/**
 * The rule as read in one matter's guide: an item shared by several matters says `{ var: matter }`
 * equals one of them, which here is simply true or false, so it is decided and folded away.
 */
export function forMatter(rule: Rule, matterId: string): Rule {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return rule;
  const [op, raw] = Object.entries(rule)[0] as [string, unknown];
  const args = Array.isArray(raw) ? raw : [raw];
  switch (op) {
    case '==': case '===': case '!=': case '!==': {
      const [a, b] = args;
      const literal = isMatterVar(a) ? b : isMatterVar(b) ? a : undefined;
      if (literal === undefined) return rule;
      return (literal === matterId) === !op.startsWith('!');
    }
    case 'in': {
      const [needle, hay] = args;
      return isMatterVar(needle) && Array.isArray(hay) ? hay.includes(matterId) : rule;
    }
    case '!': {
      const inner = forMatter(args[0], matterId);
      return typeof inner === 'boolean' ? !inner : inner === args[0] ? rule : { '!': [inner] };
    }
    case 'and': case 'or': {
      const decisive = op === 'or';
      const parts = args.map((a) => forMatter(a, matterId));
      if (parts.includes(decisive)) return decisive;
      const open = parts.filter((p) => p !== !decisive);
      return open.length === 0 ? !decisive : open.length === 1 ? open[0] : { [op]: open };
    }
  }
  return rule;
}

export function describeRule(rule: Rule, matter: CompiledMatter): string {
  return describe(forMatter(rule, matter.id), matter);
}

function describe(rule: Rule, matter: CompiledMatter): string {
  if (rule === true) return '无附加条件';
  if (rule === false) return '不适用';
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return '视具体情况而定';
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
    return q ? q.text.replace(/[？?]$/, '') : '相关情况';
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
      return `并非${describe(inner, matter)}`;
    }
    case 'and':
      return args.map((a) => describe(a, matter)).join('，且');
    case 'or':
      return args.map((a) => describe(a, matter)).join('，或');
  }
  return '视具体情况而定';
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
