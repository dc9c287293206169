/**
 * 告知承诺 chosen and signed by the applicant: the materials a case replaces by commitment (kept on
 * the case, so planning reads no other table), each commitment as signed (who, when, the text, online
 * or a signed letter at the window, the deadline to supply the material where one applies), the
 * department's 核查 when a deadline is missed, and the 违诺 record of the breach.
 */
import type { Kysely } from 'kysely';

export function commitments() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('cases').addColumn('commitments', 'text', (c) => c.notNull().defaultTo('[]')).execute();
      await db.schema.createTable('commitments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('material_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('signer_name', 'text', (c) => c.notNull())
        .addColumn('signed_by', 'text', (c) => c.notNull())
        .addColumn('signed_at', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('letter_file_id', 'text')
        .addColumn('supply_within_days', 'integer')
        .addColumn('deadline', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('fulfilled_at', 'text')
        .addColumn('breached_at', 'text')
        .execute();
      await db.schema.createIndex('commitments_once_per_material').unique().on('commitments').columns(['case_id', 'material_id']).execute();
      await db.schema.createIndex('commitments_by_status').on('commitments').columns(['status', 'deadline']).execute();
      await db.schema.createTable('commitment_checks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('result', 'text')
        .addColumn('note', 'text')
        .addColumn('done_by', 'text')
        .addColumn('done_at', 'text')
        .execute();
      await db.schema.createIndex('commitment_checks_once').unique().on('commitment_checks').columns(['commitment_id', 'department']).execute();
      await db.schema.createIndex('commitment_checks_by_department').on('commitment_checks').columns(['department', 'status', 'due_date']).execute();
      await db.schema.createTable('commitment_breaches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('material_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('commitment_breaches_once').unique().on('commitment_breaches').column('commitment_id').execute();
      await db.schema.createIndex('commitment_breaches_by_account').on('commitment_breaches').columns(['account_id', 'recorded_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('commitment_breaches').execute();
      await db.schema.dropTable('commitment_checks').execute();
      await db.schema.dropTable('commitments').execute();
      await db.schema.alterTable('cases').dropColumn('commitments').execute();
    },
  };
}
