/** Form values at rest: personal fields (ID numbers, phones) SM4-encrypted, and shown masked unless needed. */
import type { MergedForm } from '../../../core/planning/types.ts';
import { maskIdNumber, maskPhone } from '../../crypto/sm4.ts';
import type { FieldCipher } from '../../deps.ts';

type Values = Record<string, unknown>;
type Stored = Record<string, unknown>;

const isSealed = (v: unknown): v is { sealed: string } => typeof v === 'object' && v !== null && 'sealed' in v;

function sensitiveKeys(form: MergedForm | null): Set<string> {
  return new Set((form?.fields ?? []).filter((f) => f.sensitive).map((f) => f.key));
}

export function sealValues(values: Values, form: MergedForm | null, cipher: FieldCipher): Stored {
  const sensitive = sensitiveKeys(form);
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, sensitive.has(k) && typeof v === 'string' && v !== '' ? { sealed: cipher.encrypt(v) } : v]));
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
    out[k] = isSealed(v) ? mask(cipher.decrypt(v.sealed)) : v;
  }
  return out;
}

export function hasSealed(stored: Stored, keys?: ReadonlySet<string>): boolean {
  return Object.entries(stored).some(([k, v]) => (!keys || keys.has(k)) && isSealed(v));
}
