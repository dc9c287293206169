import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical.ts';

describe('canonicalJson', () => {
  test('sorts keys at every level and emits no whitespace', () => {
    const v = { b: 1, a: { d: [3, { z: true, y: null }], c: '中文' } };
    expect(canonicalJson(v)).toBe('{"a":{"c":"中文","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  test('key order of the input does not matter; array order does', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  test('escapes strings like JSON', () => {
    expect(canonicalJson({ 'a"b': 'line\nbreak' })).toBe('{"a\\"b":"line\\nbreak"}');
  });

  test.each([
    ['undefined', undefined],
    ['nested undefined', { a: { b: undefined } }],
    ['function', { f: () => 1 }],
    ['NaN', { n: NaN }],
    ['Infinity', [Infinity]],
    ['-Infinity', -Infinity],
    ['bigint', { n: 1n }],
    ['symbol', Symbol('s')],
    ['Date', { d: new Date(0) }],
    ['Map', new Map()],
    ['sparse array', [1, , 3]],
  ])('rejects %s with TypeError', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  test('rejects cycles but allows shared (non-cyclic) references', () => {
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    expect(() => canonicalJson(cyc)).toThrow(/circular/);
  });

  test('accepts null-prototype objects', () => {
    const o = Object.assign(Object.create(null) as object, { b: 2, a: 1 });
    expect(canonicalJson(o)).toBe('{"a":1,"b":2}');
  });

  test('round-trips through JSON.parse and is insensitive to key insertion order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(text).not.toMatch(/^\s|\s$/);
        const back: unknown = JSON.parse(text);
        expect(canonicalJson(back)).toBe(text);
        expect(back).toEqual(JSON.parse(JSON.stringify(v)));
        expect(canonicalJson(reverseKeys(v))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]));
  }
  return v;
}
