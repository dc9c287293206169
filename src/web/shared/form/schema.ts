/** Reading the plan's merged form (JSON Schema 2020-12 plus its field list) into what each control needs. */
import type { FormField, MergedForm } from '../../../core/planning/types.ts';
import { word } from '../words.ts';

export type { FormField, MergedForm };

export type Values = Record<string, unknown>;

export interface Choice {
  value: string;
  label: string;
}

export interface Property {
  title?: string;
  description?: string;
  type?: string;
  format?: string;
  oneOf?: { const: string; title: string }[];
  items?: { oneOf?: { const: string; title: string }[] };
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  formatMinimum?: string;
  formatMaximum?: string;
  'x-sensitive'?: boolean;
  'x-items'?: string[];
}

export type ControlKind = 'text' | 'textarea' | 'date' | 'enum' | 'multi-enum' | 'boolean' | 'integer' | 'number';

export interface FieldSpec {
  key: string;
  label: string;
  required: boolean;
  kind: ControlKind;
  format?: string;
  description?: string;
  choices: Choice[];
  minLength?: number;
  maxLength?: number;
  minimum?: number | string;
  maximum?: number | string;
  sensitive: boolean;
  /** Where a pre-filled value came from, e.g. 实名认证身份信息. */
  valueFrom?: string;
  prefillValue?: unknown;
  /** Items of the plan that use this field. */
  items: string[];
}

export const propertiesOf = (form: MergedForm): Record<string, Property> => (form.schema.properties ?? {}) as Record<string, Property>;

function kindOf(p: Property): ControlKind {
  if (p.type === 'array') return 'multi-enum';
  if (p.type === 'boolean') return 'boolean';
  if (p.type === 'integer') return 'integer';
  if (p.type === 'number') return 'number';
  if (p.format === 'date') return 'date';
  if (p.oneOf) return 'enum';
  if (p.format === 'cn-address' || (p.maxLength ?? 0) > 200) return 'textarea';
  return 'text';
}

export function fieldSpecs(form: MergedForm): Map<string, FieldSpec> {
  const properties = propertiesOf(form);
  const specs = new Map<string, FieldSpec>();
  for (const f of form.fields) {
    const p = properties[f.key] ?? {};
    const kind = kindOf(p);
    const options = kind === 'multi-enum' ? p.items?.oneOf : p.oneOf;
    specs.set(f.key, {
      key: f.key,
      label: p.title ?? f.label,
      required: f.required,
      kind,
      format: p.format,
      description: p.description,
      choices: (options ?? []).map((o) => ({ value: o.const, label: o.title })),
      minLength: p.minLength,
      maxLength: p.maxLength,
      minimum: p.minimum ?? p.formatMinimum,
      maximum: p.maximum ?? p.formatMaximum,
      sensitive: f.sensitive || p['x-sensitive'] === true,
      valueFrom: f.valueFrom,
      prefillValue: f.value,
      items: f.items,
    });
  }
  return specs;
}

/** The server shows personal values masked (138****8000): such a value is never sent back. */
export const isMasked = (spec: FieldSpec | undefined, value: unknown): boolean => !!spec?.sensitive && typeof value === 'string' && value.includes('*');

export const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Keyboards and autofill hints for the national formats, placeholders in the language chosen now. */
export function inputHints(format: string | undefined): { inputMode?: 'text' | 'numeric' | 'tel' | 'email'; type?: string; autoComplete?: string; placeholder?: string } {
  switch (format) {
    case 'cn-resident-id':
      return { inputMode: 'text', autoComplete: 'off', placeholder: word('fh_residentId') };
    case 'cn-mobile':
      return { inputMode: 'tel', type: 'tel', autoComplete: 'tel', placeholder: word('fh_mobile') };
    case 'cn-phone':
      return { inputMode: 'tel', type: 'tel', autoComplete: 'tel', placeholder: word('fh_phone') };
    case 'bank-card':
      return { inputMode: 'numeric', autoComplete: 'cc-number', placeholder: word('fh_bankCard') };
    case 'cn-postcode':
      return { inputMode: 'numeric', autoComplete: 'postal-code', placeholder: word('fh_postcode') };
    case 'email':
      return { inputMode: 'email', type: 'email', autoComplete: 'email', placeholder: 'name@example.com' };
    case 'cn-uscc':
      return { inputMode: 'text', autoComplete: 'off', placeholder: word('fh_uscc') };
    case 'cn-address':
      return { autoComplete: 'street-address' };
    default:
      return {};
  }
}

/** How a value reads in a summary: option labels, yes/no and 未填写 in the chosen language, dates as they are. */
export function displayValue(spec: Pick<FieldSpec, 'choices'> | undefined, value: unknown): string {
  if (isEmpty(value)) return word('rv_notFilled');
  if (typeof value === 'boolean') return value ? word('fm_yes') : word('fm_no');
  const label = (v: unknown) => spec?.choices.find((c) => c.value === v)?.label ?? String(v);
  return Array.isArray(value) ? value.map(label).join('、') : label(value);
}
