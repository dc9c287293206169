import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRule, explainRule, ruleProblems, ruleVariables, truthy } from './jsonlogic.ts';

const run = (rule: unknown, data: Record<string, unknown> = {}) => compileRule(rule)(data);

describe('JSON Logic subset', () => {
  it.each([
    [{ '==': [{ var: 'a' }, 1] }, { a: 1 }, true],
    [{ '==': [{ var: 'a' }, '1'] }, { a: 1 }, true],
    [{ '===': [{ var: 'a' }, '1'] }, { a: 1 }, false],
    [{ '!=': [{ var: 'a' }, true] }, { a: false }, true],
    [{ '!': { var: 'a' } }, { a: [] }, true],
    [{ '!!': { var: 'a' } }, { a: '0' }, true],
    [{ and: [true, { var: 'a' }] }, { a: 0 }, 0],
    [{ or: [false, { var: 'a' }, 'x'] }, { a: 'y' }, 'y'],
    [{ if: [{ var: 'a' }, 'yes', { var: 'b' }, 'b', 'none'] }, { a: false, b: true }, 'b'],
    [{ if: [false, 'yes'] }, {}, null],
    [{ in: ['cold', { var: 'dishes' }] }, { dishes: ['hot', 'cold'] }, true],
    [{ in: [{ var: 'k' }, ['a', 'b']] }, { k: 'c' }, false],
    [{ in: ['ab', 'cabd'] }, {}, true],
    [{ '<': [1, { var: 'n' }, 10] }, { n: 5 }, true],
    [{ '>=': [{ var: 'n' }, 18] }, { n: 17 }, false],
    [{ var: 'missingKey' }, {}, null],
    [{ var: ['missingKey', 'fallback'] }, {}, 'fallback'],
    [{ var: 'a.b' }, { a: { b: 2 } }, 2],
    [{ missing: ['a', 'b'] }, { a: 1 }, ['b']],
    [{ some: [{ var: 'xs' }, { '>': [{ var: '' }, 2] }] }, { xs: [1, 3] }, true],
    [{ all: [{ var: 'xs' }, { '>': [{ var: '' }, 2] }] }, { xs: [1, 3] }, false],
    [{ none: [{ var: 'xs' }, { '>': [{ var: '' }, 5] }] }, { xs: [1, 3] }, true],
    [true, {}, true],
  ])('%j on %j gives %j', (rule, data, expected) => {
    expect(run(rule, data)).toEqual(expected);
  });

  it('treats an empty list as false, like JSON Logic', () => {
    expect(truthy([])).toBe(false);
    expect(truthy([0])).toBe(true);
    expect(truthy('0')).toBe(true);
  });

  it('names unknown operators and wrong arity instead of evaluating them', () => {
    expect(ruleProblems({ regex: ['a', 'b'] })).toEqual(['未知的条件运算符「regex」']);
    expect(ruleProblems({ '==': [1] })).toEqual(['运算符「==」需要两个参数']);
    expect(ruleProblems({ and: [{ var: 'a' }, { '==': [1, 2] }] })).toEqual([]);
  });

  it('lists the variables a rule reads, not those inside some/all/none', () => {
    expect(ruleVariables({ and: [{ var: 'a' }, { some: [{ var: 'xs' }, { var: 'inner' }] }, { missing: ['b'] }] }).sort()).toEqual(['a', 'b', 'xs']);
  });

  it('explains which parts decided: all parts of a true and, the first true part of an or', () => {
    const rule = { and: [{ '==': [{ var: 'a' }, 1] }, { or: [{ '==': [{ var: 'b' }, 1] }, { '==': [{ var: 'c' }, 1] }] }] };
    expect(explainRule(rule, { a: 1, b: 0, c: 1 })).toEqual([
      { rule: { '==': [{ var: 'a' }, 1] }, held: true },
      { rule: { '==': [{ var: 'c' }, 1] }, held: true },
    ]);
    expect(explainRule(rule, { a: 2, c: 1 })).toEqual([{ rule: { '==': [{ var: 'a' }, 1] }, held: false }]);
  });

  it('agrees with a direct interpretation on random boolean formulas', () => {
    type F = { op: 'var'; name: string } | { op: 'and' | 'or'; parts: F[] } | { op: 'not'; part: F };
    const formula: fc.Arbitrary<F> = fc.letrec<{ f: F }>((tie) => ({
      f: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ op: fc.constant('var' as const), name: fc.constantFrom('p', 'q', 'r') }),
        fc.record({ op: fc.constantFrom('and' as const, 'or' as const), parts: fc.array(tie('f'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ op: fc.constant('not' as const), part: tie('f') }),
      ),
    })).f;
    const toRule = (f: F): unknown =>
      f.op === 'var' ? { '==': [{ var: f.name }, true] } : f.op === 'not' ? { '!': toRule(f.part) } : { [f.op]: f.parts.map(toRule) };
    const direct = (f: F, env: Record<string, boolean>): boolean =>
      f.op === 'var' ? env[f.name] === true : f.op === 'not' ? !direct(f.part, env) : f.op === 'and' ? f.parts.every((p) => direct(p, env)) : f.parts.some((p) => direct(p, env));
    fc.assert(fc.property(formula, fc.record({ p: fc.boolean(), q: fc.boolean(), r: fc.boolean() }), (f, env) => {
      expect(truthy(run(toRule(f), env))).toBe(direct(f, env));
    }));
  });
});
