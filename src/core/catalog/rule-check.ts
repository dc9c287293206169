/** Checks a condition against what a matter defines: its questions, their options and its situations. */
import { ruleProblems, ruleVariables, type Rule } from '../rules/jsonlogic.ts';
import type { Question } from './types.ts';

export interface RuleScope {
  questions: ReadonlyMap<string, Question>;
  /** Question ids the rule may read; all of `questions` when absent. */
  readable?: ReadonlySet<string>;
  situations?: ReadonlySet<string>;
  /** For conditions of a shared item: the matter being checked, and every matter that bundles the item. */
  matter?: { id: string; bundlers: ReadonlySet<string> };
  where: string;
}

/** `{ "==": [{ var: "matter" }, id] }` (either order): the id, else undefined. */
function matterGuard(node: unknown): string | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const args = (node as Record<string, unknown>)['=='] ?? (node as Record<string, unknown>)['==='];
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  const [a, b] = args;
  if (isVar(a) && varName(a) === 'matter' && typeof b === 'string') return b;
  if (isVar(b) && varName(b) === 'matter' && typeof a === 'string') return a;
  return undefined;
}

const isVar = (node: unknown): node is { var: unknown } =>
  typeof node === 'object' && node !== null && !Array.isArray(node) && 'var' in node && Object.keys(node).length === 1;
const varName = (node: { var: unknown }): string => (Array.isArray(node.var) ? String(node.var[0]) : String(node.var));
const isLiteral = (node: unknown): boolean => node === null || typeof node !== 'object';

function optionValues(q: Question): unknown[] {
  return q.type === 'boolean' ? [true, false] : (q.options ?? []).map((o) => o.value);
}

export function ruleDefects(rule: Rule, scope: RuleScope): string[] {
  const problems = ruleProblems(rule);
  if (problems.length > 0) return problems;
  // A part guarded by another matter's id never runs in this matter: check only its guard.
  const other = (node: unknown) => {
    const id = matterGuard(node);
    return id !== undefined && scope.matter !== undefined && id !== scope.matter.id ? id : undefined;
  };
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    const [op, raw] = Object.entries(node)[0] as [string, unknown];
    if (op === 'and' && Array.isArray(raw) && raw.some((a) => other(a) !== undefined)) {
      return { and: raw.filter((a) => other(a) !== undefined) };
    }
    return op === 'var' ? node : { [op]: strip(raw) };
  };
  rule = strip(rule);
  for (const name of ruleVariables(rule)) {
    if (name === 'matter') {
      if (!scope.matter) problems.push(`${scope.where}不能读取 matter（只有事项的条件可以区分所在的一件事）`);
      continue;
    }
    if (name === 'situation') {
      if (!scope.situations) problems.push(`${scope.where}不能读取 situation（情形由这些条件决定）`);
      continue;
    }
    if (!scope.questions.has(name)) problems.push(`${scope.where}读取了「${name}」，但本一件事没有这个问题`);
    else if (scope.readable && !scope.readable.has(name)) problems.push(`${scope.where}只能读取在它之前的问题，「${name}」不在其前`);
  }
  const checkLiteral = (name: string, literal: unknown) => {
    if (name === 'matter') {
      if (scope.matter && !scope.matter.bundlers.has(String(literal))) {
        problems.push(`${scope.where}比较的一件事「${String(literal)}」不存在或没有包含本事项`);
      }
      return;
    }
    if (name === 'situation') {
      if (scope.situations && !scope.situations.has(String(literal))) problems.push(`${scope.where}比较的情形「${String(literal)}」不存在`);
      return;
    }
    const q = scope.questions.get(name);
    if (!q) return;
    if (q.type === 'multi') {
      problems.push(`${scope.where}：多选题「${name}」请用 { in: [选项值, { var: ${name} }] } 判断`);
      return;
    }
    if (!optionValues(q).includes(literal)) {
      const allowed = optionValues(q).map((v) => JSON.stringify(v)).join('、');
      problems.push(`${scope.where}把「${name}」与 ${JSON.stringify(literal)} 比较，但它的取值只能是 ${allowed}`);
    }
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object' || isVar(node)) return;
    const [op, raw] = Object.entries(node)[0] as [string, unknown];
    const args = Array.isArray(raw) ? raw : [raw];
    if (['==', '===', '!=', '!=='].includes(op) && args.length === 2) {
      const [a, b] = args;
      if (isVar(a) && isLiteral(b)) checkLiteral(varName(a), b);
      if (isVar(b) && isLiteral(a)) checkLiteral(varName(b), a);
    }
    if (op === 'in' && args.length === 2) {
      const [needle, hay] = args;
      if (isLiteral(needle) && isVar(hay)) {
        const q = scope.questions.get(varName(hay));
        if (q && q.type === 'multi' && !optionValues(q).includes(needle)) {
          problems.push(`${scope.where}：多选题「${q.id}」没有选项 ${JSON.stringify(needle)}`);
        }
      }
      if (isVar(needle) && Array.isArray(hay)) for (const v of hay) if (isLiteral(v)) checkLiteral(varName(needle), v);
    }
    args.forEach(walk);
  };
  walk(rule);
  return problems;
}
