/** 咨询、建议、投诉: each recorded with its department, deadline, answer and closure. */
import type { Kysely } from 'kysely';

export function consultations() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('consultations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('case_id', 'text', (c) => c.references('cases.id'))
        .addColumn('matter_id', 'text')
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_by', 'text')
        .addColumn('answered_at', 'text')
        .addColumn('reopens', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reopen_note', 'text')
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema.createIndex('consultations_by_account').on('consultations').columns(['account_id', 'created_at']).execute();
      await db.schema.createIndex('consultations_by_department').on('consultations').columns(['department', 'status', 'due_date']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('consultations').execute();
    },
  };
}
