/**
 * The window finds cases on the server, and a walk-in applicant follows one without an account.
 * - case_search_keys: blind indexes (keyed HMAC-SM3) of what a clerk searches by, the applicant's ID
 *   number, name, mobile and enterprise: nothing readable, looked up only by exact value.
 * - cases.entered_by: the clerk who entered a window application (accepted_by says who accepted).
 * - progress_codes: the query code printed on a receipt, as a keyed hash for the public check and
 *   sealed (SM4) so a reprint shows the same code. Cases from before get theirs when first needed.
 */
import type { Kysely } from 'kysely';

export function progressCode() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema;
      await s.createTable('case_search_keys')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('origin', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_search_keys_pk', ['kind', 'key', 'case_id'])
        .execute();
      await s.createIndex('case_search_keys_case').on('case_search_keys').columns(['case_id', 'origin']).execute();
      await s.alterTable('cases').addColumn('entered_by', 'text').execute();
      await s.createIndex('cases_entered_by').on('cases').columns(['entered_by', 'created_at']).execute();
      await s.createIndex('cases_accepted_by').on('cases').columns(['accepted_by', 'accepted_at']).execute();
      await s.createTable('progress_codes')
        .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('code_enc', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      const s = db.schema;
      await s.dropTable('progress_codes').execute();
      await s.dropIndex('cases_accepted_by').execute();
      await s.dropIndex('cases_entered_by').execute();
      await s.alterTable('cases').dropColumn('entered_by').execute();
      await s.dropTable('case_search_keys').execute();
    },
  };
}
