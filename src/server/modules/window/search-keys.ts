/**
 * What the window searches cases by, kept as blind indexes (keyed HMAC-SM3, `cipher.blindIndex`):
 * the applicant's ID number, name and mobile, and the enterprise's name and credit code, from the
 * applicant's account and from the case's form. Nothing here can be read back; a search hashes the
 * value typed and looks it up exactly, so no table is ever decrypted to find a case.
 */
import type { Kysely } from 'kysely';
import type { CaseSearchKeyTable, Database } from '../../db/schema.ts';
import type { FieldCipher } from '../../deps.ts';

export type SearchKind = CaseSearchKeyTable['kind'];

/** The same spelling for the same value, however it was typed (spaces, a lower-case x, full-width brackets, +86). */
export function normalise(kind: SearchKind, value: string): string {
  const v = value.replace(/\s+/g, '');
  switch (kind) {
    case 'idNumber':
    case 'uscc': return v.toUpperCase();
    case 'phone': return v.replace(/^(\+?86)(?=1\d{10}$)/, '').replace(/-/g, '');
    case 'enterpriseName': return v.replace(/（/g, '(').replace(/）/g, ')');
    case 'name': return v;
  }
}

/** ID numbers hash exactly as accounts.id_number_idx does, so an account's index is reused as it is. */
export function searchKey(cipher: FieldCipher, kind: SearchKind, value: string): string {
  const v = normalise(kind, value);
  return cipher.blindIndex(kind === 'idNumber' ? v : `${kind}:${v}`);
}

/** The form fields (field dictionary keys) that name the applicant or the enterprise. */
const FORM_FIELDS: Record<string, SearchKind> = {
  applicantName: 'name', applicantIdNumber: 'idNumber', applicantMobile: 'phone',
  legalRepName: 'name', legalRepIdNumber: 'idNumber', contactName: 'name', contactMobile: 'phone',
  enterpriseName: 'enterpriseName', enterpriseUscc: 'uscc',
};

type Key = Pick<CaseSearchKeyTable, 'kind' | 'key'>;

function formKeys(cipher: FieldCipher, form: Record<string, unknown>): Key[] {
  const keys: Key[] = [];
  for (const [field, kind] of Object.entries(FORM_FIELDS)) {
    const value = form[field];
    if (typeof value === 'string' && normalise(kind, value) !== '') keys.push({ kind, key: searchKey(cipher, kind, value) });
  }
  return keys;
}

/** The first of the same kind and key is kept: an account's comes before the form's. */
async function insertKeys(db: Kysely<Database>, caseId: string, keys: (Key & Pick<CaseSearchKeyTable, 'origin'>)[]): Promise<void> {
  const seen = new Set<string>();
  const rows = keys.filter((k) => !seen.has(`${k.kind}:${k.key}`) && seen.add(`${k.kind}:${k.key}`)).map((k) => ({ ...k, case_id: caseId }));
  if (rows.length === 0) return;
  // A value both the account and the form give is kept once, under the account.
  await db.insertInto('case_search_keys').values(rows).onConflict((oc) => oc.columns(['kind', 'key', 'case_id']).doNothing()).execute();
}

/**
 * A new case's keys, in its creating transaction: the applicant's account (its ID number's index as
 * stored, its name, the mobile given, the enterprise's credit code) and the form's values (plain, before sealing).
 * A value both give is kept once, under the account; all in one insert.
 */
export async function writeCaseKeys(db: Kysely<Database>, cipher: FieldCipher, caseId: string, account: { id_number_idx: string | null; display_name: string; enterprise_uscc: string | null }, phone: string | null, form: Record<string, unknown>): Promise<void> {
  const a = account;
  const keys: Key[] = [];
  if (a.id_number_idx) keys.push({ kind: 'idNumber', key: a.id_number_idx });
  if (a.display_name.trim() !== '') keys.push({ kind: 'name', key: searchKey(cipher, 'name', a.display_name) });
  if (phone) keys.push({ kind: 'phone', key: searchKey(cipher, 'phone', phone) });
  if (a.enterprise_uscc) keys.push({ kind: 'uscc', key: searchKey(cipher, 'uscc', a.enterprise_uscc) });
  await insertKeys(db, caseId, [...keys.map((k) => ({ ...k, origin: 'account' as const })), ...formKeys(cipher, form).map((k) => ({ ...k, origin: 'form' as const }))]);
}

/** The form changed: its keys are replaced, so a value corrected in a draft no longer finds the case. */
export async function rewriteFormKeys(db: Kysely<Database>, cipher: FieldCipher, caseId: string, form: Record<string, unknown>): Promise<void> {
  await db.deleteFrom('case_search_keys').where('case_id', '=', caseId).where('origin', '=', 'form').execute();
  await insertKeys(db, caseId, formKeys(cipher, form).map((k) => ({ ...k, origin: 'form' as const })));
}
