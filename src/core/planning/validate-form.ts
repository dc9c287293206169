/**
 * Checks an applicant's form values against a plan's merged form, with the same rules in the
 * browser and on the server; read from the form's JSON Schema alone, so a plan sent as JSON suffices.
 */
import type { FieldFormat, FieldType, Option } from '../catalog/types.ts';
import { fieldValueProblem, zhProblem, type FieldConstraints, type FieldProblem } from '../fields/validators.ts';
import { SCHEMA_FORMATS } from './form.ts';
import type { MergedForm } from './types.ts';

export interface FormError {
  code: 'unknown-field' | 'required' | 'invalid-value';
  path: string;
  /** In Chinese, naming the field. */
  message: string;
  /** An invalid value's problem as a code, for a face to word in another language. */
  problem?: FieldProblem;
}

const FORMAT_OF = new Map<string, FieldFormat>(Object.entries(SCHEMA_FORMATS).map(([k, v]) => [v, k as FieldFormat]));

type Property = {
  title?: string; type?: string; format?: string; pattern?: string; oneOf?: { const: string; title: string }[];
  items?: { oneOf?: { const: string; title: string }[] }; minLength?: number; maxLength?: number;
  minimum?: number; maximum?: number; formatMinimum?: string; formatMaximum?: string;
};

function constraintsOf(p: Property): FieldConstraints {
  const options = (list?: { const: string; title: string }[]): Option[] | undefined => list?.map((o) => ({ value: o.const, label: o.title }));
  let type: FieldType = (p.type as FieldType) ?? 'string';
  if (p.type === 'string' && p.format === 'date') type = 'date';
  else if (p.type === 'string' && p.oneOf) type = 'enum';
  else if (p.type === 'array') type = 'multi-enum';
  const format = p.format ? FORMAT_OF.get(p.format) : undefined;
  return {
    label: p.title ?? '',
    type,
    ...(format ? { format } : {}),
    ...(type === 'enum' ? { options: options(p.oneOf) } : type === 'multi-enum' ? { options: options(p.items?.oneOf) } : {}),
    ...(p.minLength !== undefined ? { minLength: p.minLength } : {}),
    ...(p.maxLength !== undefined ? { maxLength: p.maxLength } : {}),
    ...(p.pattern !== undefined ? { pattern: p.pattern } : {}),
    minimum: p.minimum ?? p.formatMinimum,
    maximum: p.maximum ?? p.formatMaximum,
  };
}

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Every problem at once. A draft (`partial`) may leave required fields empty. */
export function validateFormValues(form: MergedForm, values: Readonly<Record<string, unknown>>, options: { partial?: boolean } = {}): FormError[] {
  const errors: FormError[] = [];
  const properties = (form.schema.properties ?? {}) as Record<string, Property>;
  for (const key of Object.keys(values)) {
    if (!(key in properties)) errors.push({ code: 'unknown-field', path: `form.${key}`, message: `表单中没有「${key}」这一项` });
  }
  for (const field of form.fields) {
    const value = values[field.key];
    if (empty(value)) {
      if (field.required && !options.partial) errors.push({ code: 'required', path: `form.${field.key}`, message: `请填写「${field.label}」` });
      continue;
    }
    const constraints = constraintsOf(properties[field.key] ?? {});
    const problem = fieldValueProblem(constraints, value);
    if (problem) errors.push({ code: 'invalid-value', path: `form.${field.key}`, message: `「${constraints.label}」${zhProblem(problem)}`, problem });
  }
  return errors;
}
