// Deterministic JSON for hash chains and signatures: sorted keys, no whitespace.
// Anything JSON.stringify would silently drop or coerce is rejected instead, so
// two parties can never hash different texts for what they think is one value.

export function canonicalJson(value: unknown): string {
  return encode(value, '$', new Set());
}

function encode(value: unknown, path: string, stack: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at ${path}`);
      return JSON.stringify(value); // -0 becomes 0, as in JSON.stringify
    case 'object':
      break;
    default:
      // undefined, function, symbol, bigint
      throw new TypeError(`canonicalJson: ${typeof value} is not allowed at ${path}`);
  }
  const obj = value as object;
  if (stack.has(obj)) throw new TypeError(`canonicalJson: circular reference at ${path}`);
  stack.add(obj);
  try {
    if (Array.isArray(obj)) {
      const parts: string[] = [];
      for (let i = 0; i < obj.length; i++) {
        if (!(i in obj)) throw new TypeError(`canonicalJson: sparse array hole at ${path}[${i}]`);
        parts.push(encode(obj[i], `${path}[${i}]`, stack));
      }
      return `[${parts.join(',')}]`;
    }
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      // Date, Map, Buffer, class instances: their JSON form is ambiguous.
      throw new TypeError(`canonicalJson: only plain objects and arrays are allowed at ${path}`);
    }
    const rec = obj as Record<string, unknown>;
    // Default sort compares UTF-16 code units: stable across engines and languages that do the same.
    const keys = Object.keys(rec).sort();
    const parts = keys.map((k) => `${JSON.stringify(k)}:${encode(rec[k], `${path}.${k}`, stack)}`);
    return `{${parts.join(',')}}`;
  } finally {
    stack.delete(obj);
  }
}
