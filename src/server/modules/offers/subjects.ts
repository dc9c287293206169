/**
 * Accounts and subjects: a person's account is matched to the registers by the blind index of its ID
 * number (accounts.id_number_idx hashes exactly as shared data keys people), an enterprise's agent by
 * the credit code the account acts for.
 */
import type { Kysely } from 'kysely';
import type { PolicyTarget } from '../../../core/offers/policy.ts';
import type { Database } from '../../db/schema.ts';
import type { FieldCipher } from '../../deps.ts';
import type { Account } from '../identity/roles.ts';

/** The applicant accounts that speak for a subject: by the blind index of a person, the credit code of an enterprise. */
export async function accountsOfSubject(db: Kysely<Database>, subject: { kind: PolicyTarget; key: string; uscc?: string }): Promise<string[]> {
  const q = db.selectFrom('accounts').select('id').where('role', '=', 'applicant');
  if (subject.kind === 'person') return (await q.where('subject', '=', 'person').where('id_number_idx', '=', subject.key).execute()).map((r) => r.id);
  if (!subject.uscc) return [];
  return (await q.where('subject', '=', 'enterprise').where('enterprise_uscc', '=', subject.uscc).execute()).map((r) => r.id);
}

/** The same from the stored subject alone (its blind index): an enterprise's accounts are hashed one by one. */
export async function accountsOfKey(db: Kysely<Database>, cipher: FieldCipher, kind: PolicyTarget, key: string): Promise<string[]> {
  if (kind === 'person') return accountsOfSubject(db, { kind, key });
  const rows = await db.selectFrom('accounts').select(['id', 'enterprise_uscc']).where('role', '=', 'applicant').where('subject', '=', 'enterprise').where('enterprise_uscc', 'is not', null).execute();
  return rows.filter((r) => r.enterprise_uscc !== null && cipher.blindIndex(r.enterprise_uscc) === key).map((r) => r.id);
}

/** The subject an applicant account speaks for, or null when it has no ID number or credit code here. */
export async function subjectOfAccount(db: Kysely<Database>, account: Account, cipher: FieldCipher): Promise<{ kind: PolicyTarget; key: string } | null> {
  if (account.subject === 'enterprise') return account.enterpriseUscc ? { kind: 'enterprise', key: cipher.blindIndex(account.enterpriseUscc) } : null;
  const row = await db.selectFrom('accounts').select('id_number_idx').where('id', '=', account.id).executeTakeFirst();
  return row?.id_number_idx ? { kind: 'person', key: row.id_number_idx } : null;
}
