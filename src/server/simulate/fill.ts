/**
 * Valid values for a plan's form, by each field's schema, and a small real PDF for uploads: what
 * 模拟申报 fills in for an applicant (tests use the same through src/server/testing/fill.ts).
 */
import { residentIdCheckChar } from '../../core/fields/validators.ts';
import type { Plan } from '../../core/planning/types.ts';

export function luhnComplete(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

export function fillForm(plan: Plan, given: Record<string, unknown> = {}): Record<string, unknown> {
  const props = (plan.form.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const values: Record<string, unknown> = {};
  for (const f of plan.form.fields) {
    if (f.value !== undefined || given[f.key] !== undefined) continue;
    const p = props[f.key] ?? {};
    const options = (p.oneOf ?? (p.items as { oneOf?: unknown[] } | undefined)?.oneOf) as { const: string }[] | undefined;
    let v: unknown;
    if (p.type === 'array') v = options?.slice(0, 1).map((o) => o.const) ?? [];
    else if (options) v = options[0]?.const;
    else if (p.type === 'integer' || p.type === 'number') v = typeof p.minimum === 'number' ? Math.max(1, p.minimum) : 1;
    else if (p.type === 'boolean') v = true;
    else if (p.format === 'date') v = (p.formatMaximum as string | undefined) ?? '2025-09-20';
    else if (p.format === 'cn-resident-id') v = `99010220250920001${residentIdCheckChar('99010220250920001')}`;
    else if (p.format === 'cn-mobile' || p.format === 'cn-phone') v = '13800990009';
    else if (p.format === 'bank-card') v = luhnComplete('622202020011234567');
    else if (p.format === 'cn-postcode') v = '990100';
    else if (p.format === 'email') v = 'applicant@example.cn';
    else if (p.format === 'cn-uscc') v = '91350100M000100Y43';
    else if (p.format === 'cn-address') v = '示例市示例区幸福路 18 号';
    else v = `示例${String(f.label).slice(0, 4)}`;
    values[f.key] = v;
  }
  return { ...values, ...given };
}

/** A small real PDF, for uploads. */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
