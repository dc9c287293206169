/**
 * An e-license's holder is its subject, not the account whose wallet keeps it: a child's 出生医学证明
 * is the child's (the parent keeps it as guardian), an enterprise's licence the enterprise's. The
 * holder's ID number, where known, is SM4-sealed like every personal number; the credit code of an
 * enterprise is public. Validity: from and until (none: 长期有效). Licenses issued before keep nulls,
 * read as the account's own, valid from the issue day for good.
 */
import type { Kysely } from 'kysely';

const COLUMNS = ['holder_kind', 'holder_credit_code', 'holder_id_number_enc', 'keeper', 'valid_from', 'valid_until'] as const;

export function licenseHolder() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const c of COLUMNS) await db.schema.alterTable('licenses').addColumn(c, 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const c of [...COLUMNS].reverse()) await db.schema.alterTable('licenses').dropColumn(c).execute();
    },
  };
}
