/**
 * 免申即享 (issue 14): one offer per policy and subject — the unique key keeps concurrent runs from
 * finding anyone twice — and the 异议 raised against an offer in 公示. The subject is a blind index and
 * its name SM4-encrypted (only the masked name of the 公示 is plain), as shared data keeps them.
 */
import type { Kysely } from 'kysely';

export function offers() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('offers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('policy_id', 'text', (c) => c.notNull())
        .addColumn('subject_kind', 'text', (c) => c.notNull())
        .addColumn('subject_key', 'text', (c) => c.notNull())
        .addColumn('subject_name_enc', 'text', (c) => c.notNull())
        .addColumn('subject_masked', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('found_on', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text')
        .addColumn('declined_at', 'text')
        .addColumn('publicity_from', 'text')
        .addColumn('publicity_until', 'text')
        .addColumn('objection_until', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decision_note', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('offers_once').on('offers').columns(['policy_id', 'subject_key']).unique().execute();
      await db.schema.createIndex('offers_by_subject').on('offers').columns(['subject_key', 'created_at']).execute();
      await db.schema.createIndex('offers_by_department').on('offers').columns(['department', 'status']).execute();
      await db.schema.createIndex('offers_in_publicity').on('offers').columns(['status', 'publicity_until']).execute();
      await db.schema.createTable('offer_objections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('raised_by', 'text')
        .addColumn('raised_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('resolution', 'text')
        .addColumn('resolved_by', 'text')
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema.createIndex('offer_objections_by_offer').on('offer_objections').columns(['offer_id', 'status']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('offer_objections').execute();
      await db.schema.dropTable('offers').execute();
    },
  };
}
