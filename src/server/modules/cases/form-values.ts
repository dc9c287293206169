/**
 * Form values at rest: personal fields (ID numbers, phones, bank cards) SM4-encrypted, and shown
 * masked unless needed; the same for the values a plan pre-fills into its form.
 */
import type { FormField, MergedForm, Plan } from '../../../core/planning/types.ts';
import { maskIdNumber, maskPhone } from '../../crypto/sm4.ts';
import type { FieldCipher } from '../../deps.ts';

type Values = Record<string, unknown>;
type Stored = Record<string, unknown>;

/** `masked` is kept beside the ciphertext (values sealed before it was are shown by decrypting), so showing a value needs no key. */
const isSealed = (v: unknown): v is { sealed: string; masked?: string } => typeof v === 'object' && v !== null && 'sealed' in v;
const seal = (v: string, cipher: FieldCipher) => ({ sealed: cipher.encrypt(v), masked: mask(v) });
const shown = (v: { sealed: string; masked?: string }, cipher: FieldCipher) => (typeof v.masked === 'string' ? v.masked : mask(cipher.decrypt(v.sealed)));
/** Migration 007 kept only the mask of values pre-filled into plans stored before they were sealed. */
const isMasked = (v: unknown): v is { masked: string } => typeof v === 'object' && v !== null && 'masked' in v;

function sensitiveKeys(form: MergedForm | null): Set<string> {
  return new Set((form?.fields ?? []).filter((f) => f.sensitive).map((f) => f.key));
}

export function sealValues(values: Values, form: MergedForm | null, cipher: FieldCipher): Stored {
  const sensitive = sensitiveKeys(form);
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, sensitive.has(k) && typeof v === 'string' && v !== '' ? seal(v, cipher) : v]));
}

export function openValues(stored: Stored, cipher: FieldCipher): Values {
  return Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, isSealed(v) ? cipher.decrypt(v.sealed) : v]));
}

export function mask(value: string): string {
  if (/^\d{17}[\dXx]$/.test(value)) return maskIdNumber(value);
  if (/^1\d{10}$/.test(value)) return maskPhone(value);
  return value.length <= 4 ? '*'.repeat(value.length) : `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;
}

/** Masked where the field is personal; `keys` limits the result to the fields a department needs. */
export function maskedValues(stored: Stored, cipher: FieldCipher, keys?: ReadonlySet<string>): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(stored)) {
    if (keys && !keys.has(k)) continue;
    out[k] = isSealed(v) ? shown(v, cipher) : v;
  }
  return out;
}

export function hasSealed(stored: Stored, keys?: ReadonlySet<string>): boolean {
  return Object.entries(stored).some(([k, v]) => (!keys || keys.has(k)) && isSealed(v));
}

const personal = (f: FormField): f is FormField & { value: string } => f.sensitive && typeof f.value === 'string' && f.value !== '';

/**
 * The plan as stored: personal values pre-filled from shared data are sealed like the form's. Only
 * their masks are ever shown (the form holds the values a department reads), so they stay sealed
 * when the plan is loaded.
 */
export function storedPlan(plan: Plan, cipher: FieldCipher): string {
  if (!plan.form.fields.some(personal)) return JSON.stringify(plan);
  const fields = plan.form.fields.map((f) => (personal(f) ? { ...f, value: seal(f.value, cipher) } : f));
  return JSON.stringify({ ...plan, form: { ...plan.form, fields } });
}

/** A pre-filled personal value as people see it: masked, whether it is plain (a fresh plan), sealed or already masked. */
export function maskedPrefill(value: unknown, cipher?: FieldCipher): unknown {
  if (typeof value === 'string') return mask(value);
  if (isSealed(value)) return typeof value.masked === 'string' ? value.masked : cipher ? shown(value, cipher) : '*'.repeat(8);
  if (isMasked(value)) return value.masked;
  return value;
}
