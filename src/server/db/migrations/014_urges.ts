/** 督办: the lead department urges a department on one task of a case, with a deadline; the answer. */
import type { Kysely } from 'kysely';

export function urges() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('urges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('task_id', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('urged_by', 'text', (c) => c.notNull())
        .addColumn('urged_at', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_by', 'text')
        .addColumn('answered_at', 'text')
        .execute();
      await db.schema.createIndex('urges_by_case').on('urges').columns(['case_id', 'urged_at']).execute();
      await db.schema.createIndex('urges_by_department').on('urges').columns(['department', 'answered_at', 'deadline']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('urges').execute();
    },
  };
}
