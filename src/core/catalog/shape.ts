/**
 * A small structural checker for catalogue files. It reports every problem with its path, in
 * Chinese, rather than stopping at the first; and it runs in the browser, so the admin console can
 * check an edit as it is typed.
 */
export interface Problem {
  path: string;
  message: string;
}

export type Shape =
  | { t: 'string'; min?: number; max?: number; pattern?: RegExp; patternText?: string; values?: readonly string[] }
  | { t: 'integer'; min?: number; max?: number }
  | { t: 'number' }
  | { t: 'boolean' }
  | { t: 'any' }
  | { t: 'array'; of: Shape; min?: number; uniqueBy?: (value: unknown) => unknown }
  | { t: 'object'; props: Record<string, Prop> }
  | { t: 'select'; describe: string; pick: (value: unknown) => Shape | undefined };

export interface Prop {
  shape: Shape;
  optional: boolean;
}

export const str = (o: { min?: number; max?: number; pattern?: RegExp; patternText?: string } = {}): Shape => ({ t: 'string', min: o.min ?? 1, ...o });
export const oneOf = (values: readonly string[]): Shape => ({ t: 'string', values });
export const int = (min?: number, max?: number): Shape => ({ t: 'integer', min, max });
export const num = (): Shape => ({ t: 'number' });
export const bool = (): Shape => ({ t: 'boolean' });
export const any = (): Shape => ({ t: 'any' });
export const arr = (of: Shape, o: { min?: number; uniqueBy?: (value: unknown) => unknown } = {}): Shape => ({ t: 'array', of, ...o });
export const opt = (shape: Shape): Prop => ({ shape, optional: true });
export const obj = (props: Record<string, Shape | Prop>): Shape => ({
  t: 'object',
  props: Object.fromEntries(
    Object.entries(props).map(([k, v]) => [k, 'optional' in v && 'shape' in v ? v : { shape: v as Shape, optional: false }]),
  ),
});
export const select = (describe: string, pick: (value: unknown) => Shape | undefined): Shape => ({ t: 'select', describe, pick });

export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return '空值';
  if (Array.isArray(value)) return '列表';
  switch (typeof value) {
    case 'string': return '文本';
    case 'number': return '数字';
    case 'boolean': return '是/否';
    case 'object': return '对象';
    default: return typeof value;
  }
}

export function checkShape(shape: Shape, value: unknown, path = '', problems: Problem[] = []): Problem[] {
  const fail = (message: string) => problems.push({ path: path || '(根)', message });
  switch (shape.t) {
    case 'any':
      if (value === undefined) fail('缺少取值');
      break;
    case 'string':
      if (typeof value !== 'string') {
        fail(`应为文本，实际为${typeName(value)}`);
      } else if (shape.values && !shape.values.includes(value)) {
        fail(`取值「${value}」不在允许范围内：${shape.values.join('、')}`);
      } else {
        if (shape.min !== undefined && value.trim().length < shape.min) fail(shape.min === 1 ? '不能为空' : `至少 ${shape.min} 个字符`);
        if (shape.max !== undefined && value.length > shape.max) fail(`最多 ${shape.max} 个字符`);
        if (shape.pattern && !shape.pattern.test(value)) fail(`格式不对：应为${shape.patternText ?? shape.pattern.source}`);
      }
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) fail(`应为整数，实际为${typeName(value)}`);
      else if (shape.min !== undefined && value < shape.min) fail(`不能小于 ${shape.min}`);
      else if (shape.max !== undefined && value > shape.max) fail(`不能大于 ${shape.max}`);
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(`应为数字，实际为${typeName(value)}`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') fail(`应为 true 或 false，实际为${typeName(value)}`);
      break;
    case 'array': {
      if (!Array.isArray(value)) {
        fail(`应为列表，实际为${typeName(value)}`);
        break;
      }
      if (shape.min !== undefined && value.length < shape.min) fail(`至少需要 ${shape.min} 项`);
      const seen = new Map<unknown, number>();
      value.forEach((element, i) => {
        checkShape(shape.of, element, joinPath(path, i), problems);
        if (shape.uniqueBy) {
          const key = shape.uniqueBy(element);
          if (key !== undefined) {
            const first = seen.get(key);
            if (first !== undefined) problems.push({ path: joinPath(path, i), message: `「${String(key)}」重复，已在第 ${first + 1} 项出现` });
            else seen.set(key, i);
          }
        }
      });
      break;
    }
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        fail(`应为对象，实际为${typeName(value)}`);
        break;
      }
      const record = value as Record<string, unknown>;
      for (const [key, prop] of Object.entries(shape.props)) {
        const v = record[key];
        if (v === undefined || v === null) {
          if (!prop.optional) problems.push({ path: joinPath(path, key), message: '缺少必填项' });
          continue;
        }
        checkShape(prop.shape, v, joinPath(path, key), problems);
      }
      for (const key of Object.keys(record)) {
        if (!(key in shape.props)) problems.push({ path: joinPath(path, key), message: `未知的键「${key}」，可用的键：${Object.keys(shape.props).join('、')}` });
      }
      break;
    }
    case 'select': {
      const picked = shape.pick(value);
      if (!picked) fail(`应为${shape.describe}`);
      else checkShape(picked, value, path, problems);
      break;
    }
  }
  return problems;
}
