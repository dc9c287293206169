/**
 * Whose an e-license is: its subject (持证主体), read from the case's form by the license type's
 * holder kind, and how the account whose wallet keeps it stands to that subject. Pure.
 */
import type { LicenseType } from '../../../core/catalog/types.ts';

export type Keeper = 'self' | 'guardian' | 'agent';

export interface LicenseHolder {
  kind: 'person' | 'enterprise';
  name: string;
  /** 统一社会信用代码, an enterprise's. */
  creditCode?: string;
  /** A person's ID number, when the form has it: the caller seals it before storing. */
  idNumber?: string;
}

export interface Applicant {
  displayName: string;
  subject: 'person' | 'enterprise' | null;
  enterpriseUscc: string | null;
  /** The applicant's own ID number, opened. */
  idNumber: string | null;
}

/**
 * Form fields that name a person other than the applicant, in the field dictionary's keys: a
 * newborn (the parent applies as guardian), a minor cardholder (when the applicant is a parent or
 * guardian), an employee (the employer's agent applies).
 */
const OTHER_PERSONS: readonly { name: string; idNumber?: string; keeper: Keeper; when?: (v: Record<string, unknown>) => boolean }[] = [
  { name: 'newbornName', keeper: 'guardian' },
  { name: 'cardholderName', idNumber: 'cardholderIdNumber', keeper: 'guardian', when: (v) => v.cardholderRelation === 'parent' || v.cardholderRelation === 'other-guardian' },
  { name: 'employeeName', idNumber: 'employeeIdNumber', keeper: 'agent' },
];

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export function licenseHolder(type: Pick<LicenseType, 'holder'> | undefined, values: Record<string, unknown>, applicant: Applicant): { holder: LicenseHolder; keeper: Keeper } {
  if (type?.holder === 'enterprise') {
    const creditCode = text(values.enterpriseUscc) ?? applicant.enterpriseUscc ?? undefined;
    return {
      holder: { kind: 'enterprise', name: text(values.enterpriseName) ?? applicant.displayName, ...(creditCode ? { creditCode } : {}) },
      keeper: applicant.subject === 'enterprise' ? 'self' : 'agent',
    };
  }
  for (const p of OTHER_PERSONS) {
    const name = text(values[p.name]);
    if (!name || (p.when && !p.when(values))) continue;
    const idNumber = p.idNumber ? text(values[p.idNumber]) : undefined;
    return { holder: { kind: 'person', name, ...(idNumber ? { idNumber } : {}) }, keeper: p.keeper };
  }
  return { holder: { kind: 'person', name: applicant.displayName, ...(applicant.idNumber ? { idNumber: applicant.idNumber } : {}) }, keeper: 'self' };
}

/** Valid from the issue day for `years` (the day before the anniversary), or for good. */
export function validity(issuedOn: string, years: number | undefined): { validFrom: string; validUntil: string | null } {
  if (!years) return { validFrom: issuedOn, validUntil: null };
  const d = new Date(`${issuedOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return { validFrom: issuedOn, validUntil: d.toISOString().slice(0, 10) };
}

export const KEEPER_TEXT: Readonly<Record<Keeper, string>> = { self: '本人持有', guardian: '监护人代持', agent: '经办人代管' };
