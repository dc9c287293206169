/** 秒批: each department's switch per item, and the outcome the rules gave each task (the note a reviewer reads). */
import type { Kysely } from 'kysely';

export function autoDecisions() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('auto_decision_settings')
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('auto_decision_settings_pk', ['department', 'item'])
        .execute();
      await db.schema.createTable('auto_decisions')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('auto_decisions_pk', ['case_id', 'item'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('auto_decisions').execute();
      await db.schema.dropTable('auto_decision_settings').execute();
    },
  };
}
