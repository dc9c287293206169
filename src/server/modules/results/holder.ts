/**
 * Whose an e-license is: its subject (持证主体), read from the case's form by the license type's
 * holder kind, and how the account whose wallet keeps it stands to that subject. Pure.
 */
import { addDays, daysInMonth, isDate } from '../../../core/calendar/dates.ts';
import type { LicenseType } from '../../../core/catalog/types.ts';

export type Keeper = 'self' | 'guardian' | 'agent';

export interface LicenseHolder {
  kind: 'person' | 'enterprise';
  name: string;
  /** 统一社会信用代码, an enterprise's. */
  creditCode?: string;
}

/**
 * Where the holder's own ID number is, if anywhere: a form field (the child's, the employee's), or
 * the applicant's account when the holder is the applicant. The caller seals only that one; the
 * applicant's number never lands on a licence of someone else.
 */
export type HolderIdNumber = { from: 'form'; key: string } | { from: 'applicant' } | null;

export interface Applicant {
  displayName: string;
  subject: 'person' | 'enterprise' | null;
  enterpriseUscc: string | null;
}

type Values = Record<string, unknown>;

/**
 * Form fields that name a person other than the applicant, in the field dictionary's keys: a
 * newborn (the parent applies as guardian; a newborn has no ID number yet), a minor cardholder (when
 * the applicant is a parent or guardian), a disabled person whose guardian applies, an employee (the
 * employer's agent applies).
 */
const OTHER_PERSONS: readonly { name: string; idNumber?: string; keeper: Keeper; when?: (v: Values, answers: Values) => boolean }[] = [
  { name: 'newbornName', keeper: 'guardian' },
  { name: 'cardholderName', idNumber: 'cardholderIdNumber', keeper: 'guardian', when: (v) => v.cardholderRelation === 'parent' || v.cardholderRelation === 'other-guardian' },
  { name: 'disabledPersonName', idNumber: 'disabledPersonIdNumber', keeper: 'guardian', when: (_, a) => a.byGuardian === true },
  { name: 'employeeName', idNumber: 'employeeIdNumber', keeper: 'agent' },
];

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
/** A form value that is there, whether plain or sealed ({ sealed, masked }). */
const present = (v: unknown): boolean => text(v) !== undefined || (typeof v === 'object' && v !== null && 'sealed' in v);

/** `values` as stored (personal values sealed): only names and plain choices are read here. */
export function licenseHolder(type: Pick<LicenseType, 'holder'> | undefined, values: Values, applicant: Applicant, answers: Values = {}): { holder: LicenseHolder; keeper: Keeper; idNumber: HolderIdNumber } {
  if (type?.holder === 'enterprise') {
    const creditCode = text(values.enterpriseUscc) ?? applicant.enterpriseUscc ?? undefined;
    return {
      holder: { kind: 'enterprise', name: text(values.enterpriseName) ?? applicant.displayName, ...(creditCode ? { creditCode } : {}) },
      keeper: applicant.subject === 'enterprise' ? 'self' : 'agent',
      idNumber: null,
    };
  }
  for (const p of OTHER_PERSONS) {
    const name = text(values[p.name]);
    if (!name || (p.when && !p.when(values, answers))) continue;
    const idNumber: HolderIdNumber = p.idNumber && present(values[p.idNumber]) ? { from: 'form', key: p.idNumber } : null;
    return { holder: { kind: 'person', name }, keeper: p.keeper, idNumber };
  }
  return { holder: { kind: 'person', name: applicant.displayName }, keeper: 'self', idNumber: { from: 'applicant' } };
}

/**
 * Valid from the issue day for `years`, through the day before the anniversary (2026-12-04, 5 years:
 * until 2031-12-03); a licence issued on 29 February has its anniversary on 1 March of a common year.
 * No years: for good (长期有效). Calendar arithmetic on day numbers, no clock or time zone.
 */
export function validity(issuedOn: string, years: number | undefined): { validFrom: string; validUntil: string | null } {
  if (!years) return { validFrom: issuedOn, validUntil: null };
  if (!isDate(issuedOn) || !Number.isInteger(years) || years < 0) throw new RangeError(`validity(${issuedOn}, ${years})`);
  const y = Number(issuedOn.slice(0, 4)) + years;
  const m = Number(issuedOn.slice(5, 7));
  const d = Number(issuedOn.slice(8, 10));
  const anniversary = d <= daysInMonth(y, m) ? `${String(y).padStart(4, '0')}-${issuedOn.slice(5, 7)}-${issuedOn.slice(8, 10)}` : `${String(y).padStart(4, '0')}-03-01`;
  return { validFrom: issuedOn, validUntil: addDays(anniversary, -1) };
}

export const KEEPER_TEXT: Readonly<Record<Keeper, string>> = { self: '本人持有', guardian: '监护人代持', agent: '经办人代管' };
