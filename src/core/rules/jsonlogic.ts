/**
 * The condition language: a portable subset of JSON Logic (jsonlogic.com), so department systems in
 * other languages can evaluate the same rules. Rules are compiled once to closures; plans evaluate
 * them many times.
 */
export type Rule = unknown;
export type Data = Readonly<Record<string, unknown>>;
export type Evaluator = (data: Data) => unknown;

export const OPERATORS = [
  'var', '==', '===', '!=', '!==', '!', '!!', 'and', 'or', 'if', 'in', '<', '<=', '>', '>=', 'missing', 'some', 'all', 'none',
] as const;
type Operator = (typeof OPERATORS)[number];
const operatorSet: ReadonlySet<string> = new Set(OPERATORS);

export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

function isOperation(rule: unknown): rule is Record<string, unknown> {
  return typeof rule === 'object' && rule !== null && !Array.isArray(rule) && Object.keys(rule).length === 1;
}

function argsOf(rule: Record<string, unknown>): { op: string; args: unknown[] } {
  const op = Object.keys(rule)[0] as string;
  const raw = rule[op];
  return { op, args: Array.isArray(raw) ? raw : [raw] };
}

export function lookup(data: Data, name: unknown): unknown {
  if (name === null || name === undefined || name === '') return data;
  const key = String(name);
  if (key in data) return data[key];
  let current: unknown = data;
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current === undefined ? null : current;
}

/** Problems with a rule's shape: unknown operators, wrong arity. Empty when the rule compiles. */
export function ruleProblems(rule: Rule): string[] {
  const problems: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (!isOperation(node)) {
      problems.push(`条件中的对象必须只有一个运算符键，实际为 ${JSON.stringify(Object.keys(node))}`);
      return;
    }
    const { op, args } = argsOf(node);
    if (!operatorSet.has(op)) {
      problems.push(`未知的条件运算符「${op}」`);
      return;
    }
    if (op === 'var' && (args.length < 1 || typeof args[0] !== 'string')) problems.push('var 需要一个字符串变量名');
    const binary = ['==', '===', '!=', '!==', 'in'];
    if (binary.includes(op) && args.length !== 2) problems.push(`运算符「${op}」需要两个参数`);
    if ((op === '<' || op === '<=' || op === '>' || op === '>=') && (args.length < 2 || args.length > 3)) {
      problems.push(`运算符「${op}」需要两个或三个参数`);
    }
    if ((op === 'some' || op === 'all' || op === 'none') && args.length !== 2) problems.push(`运算符「${op}」需要两个参数`);
    if (op !== 'var') args.forEach(walk);
  };
  walk(rule);
  return problems;
}

/** The variable names a rule reads (for cross-reference checks). */
export function ruleVariables(rule: Rule): string[] {
  const names = new Set<string>();
  const walk = (node: unknown, scoped: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((n) => walk(n, scoped));
      return;
    }
    if (!isOperation(node)) return;
    const { op, args } = argsOf(node);
    if (op === 'var') {
      if (!scoped && typeof args[0] === 'string' && args[0] !== '') names.add(args[0]);
      return;
    }
    if (op === 'missing') {
      for (const a of args) if (typeof a === 'string') names.add(a);
      return;
    }
    if (op === 'some' || op === 'all' || op === 'none') {
      walk(args[0], scoped);
      walk(args[1], true);
      return;
    }
    args.forEach((n) => walk(n, scoped));
  };
  walk(rule, false);
  return [...names];
}

function compare(op: Operator, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==': return a == b;
    case '===': return a === b;
    case '!=': return a != b;
    case '!==': return a !== b;
    case '<': return (a as number) < (b as number);
    case '<=': return (a as number) <= (b as number);
    case '>': return (a as number) > (b as number);
    case '>=': return (a as number) >= (b as number);
    default: return false;
  }
}

/** Compiles a rule to a closure. Call ruleProblems first: unknown operators compile to `null`. */
export function compileRule(rule: Rule): Evaluator {
  if (Array.isArray(rule)) {
    const parts = rule.map(compileRule);
    return (data) => parts.map((p) => p(data));
  }
  if (!isOperation(rule)) return () => rule;
  const { op, args } = argsOf(rule);
  switch (op) {
    case 'var': {
      const name = args[0];
      const fallback = args.length > 1 ? args[1] : null;
      if (typeof name === 'string' && name !== '' && !name.includes('.')) {
        return (data) => {
          const v = data[name];
          return v === undefined || v === null ? fallback : v;
        };
      }
      return (data) => {
        const v = lookup(data, name);
        return v === undefined || v === null ? fallback : v;
      };
    }
    case 'missing': {
      const names = args.map(String);
      return (data) => names.filter((n) => {
        const v = lookup(data, n);
        return v === null || v === undefined || v === '';
      });
    }
    case '!': {
      const a = compileRule(args[0]);
      return (data) => !truthy(a(data));
    }
    case '!!': {
      const a = compileRule(args[0]);
      return (data) => truthy(a(data));
    }
    case 'and': {
      const parts = args.map(compileRule);
      return (data) => {
        let value: unknown = true;
        for (const p of parts) {
          value = p(data);
          if (!truthy(value)) return value;
        }
        return value;
      };
    }
    case 'or': {
      const parts = args.map(compileRule);
      return (data) => {
        let value: unknown = false;
        for (const p of parts) {
          value = p(data);
          if (truthy(value)) return value;
        }
        return value;
      };
    }
    case 'if': {
      const parts = args.map(compileRule);
      return (data) => {
        let i = 0;
        for (; i + 1 < parts.length; i += 2) if (truthy((parts[i] as Evaluator)(data))) return (parts[i + 1] as Evaluator)(data);
        return i < parts.length ? (parts[i] as Evaluator)(data) : null;
      };
    }
    case 'in': {
      const needle = compileRule(args[0]);
      const hay = compileRule(args[1]);
      return (data) => {
        const h = hay(data);
        const n = needle(data);
        if (Array.isArray(h)) return h.includes(n);
        if (typeof h === 'string') return h.includes(String(n));
        return false;
      };
    }
    case 'some':
    case 'all':
    case 'none': {
      const list = compileRule(args[0]);
      const test = compileRule(args[1]);
      return (data) => {
        const l = list(data);
        const arr = Array.isArray(l) ? l : [];
        const hit = (x: unknown) => truthy(test(x as Data));
        if (op === 'some') return arr.some(hit);
        if (op === 'none') return !arr.some(hit);
        return arr.length > 0 && arr.every(hit);
      };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const parts = args.map(compileRule);
      const o = op as Operator;
      if (parts.length === 3) {
        const [a, b, c] = parts as [Evaluator, Evaluator, Evaluator];
        return (data) => {
          const mid = b(data);
          return compare(o, a(data), mid) && compare(o, mid, c(data));
        };
      }
      const [a, b] = parts as [Evaluator, Evaluator];
      return (data) => compare(o, a(data), b(data));
    }
    case '==':
    case '===':
    case '!=':
    case '!==': {
      const [a, b] = args.map(compileRule) as [Evaluator, Evaluator];
      const o = op as Operator;
      return (data) => compare(o, a(data), b(data));
    }
    default:
      return () => null;
  }
}

/** One leaf of an explanation: a comparison and whether it held for the data. */
export interface Reason {
  rule: Rule;
  held: boolean;
}

/**
 * Explains why a rule came out as it did: the leaves that decided it. For `and` that held, every
 * part; for `or` that held, the first part that held; for a failure, the part that failed.
 */
const compiledCache = new WeakMap<object, Evaluator>();
function evaluate(rule: Rule, data: Data): unknown {
  if (rule === null || typeof rule !== 'object') return rule;
  let fn = compiledCache.get(rule);
  if (!fn) {
    fn = compileRule(rule);
    compiledCache.set(rule, fn);
  }
  return fn(data);
}

export function explainRule(rule: Rule, data: Data): Reason[] {
  const value = truthy(evaluate(rule, data));
  if (!isOperation(rule)) return [{ rule, held: value }];
  const { op, args } = argsOf(rule);
  if (op === 'and') {
    if (value) return args.flatMap((a) => explainRule(a, data));
    const failing = args.find((a) => !truthy(evaluate(a, data)));
    return failing === undefined ? [] : explainRule(failing, data);
  }
  if (op === 'or') {
    if (!value) return args.flatMap((a) => explainRule(a, data));
    const holding = args.find((a) => truthy(evaluate(a, data)));
    return holding === undefined ? [] : explainRule(holding, data);
  }
  if (op === '!') {
    return explainRule(args[0], data).map((r) => ({ rule: { '!': r.rule }, held: !r.held }));
  }
  return [{ rule, held: value }];
}
