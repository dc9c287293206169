/**
 * A department's supplement requests (补正) and their answers, one row per request, so the task's
 * history keeps every request and what came in answer after the task has moved on. Facts given in
 * answer are SM4-sealed like form values (an applicant may well write a number there).
 */
import type { Kysely } from 'kysely';

export function supplements() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('supplements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('requested_by_name', 'text', (c) => c.notNull())
        .addColumn('request', 'text', (c) => c.notNull())
        .addColumn('answered_at', 'text')
        .addColumn('answered_by', 'text')
        .addColumn('answered_by_name', 'text')
        .addColumn('answer', 'text')
        .execute();
      await db.schema.createIndex('supplements_by_task').on('supplements').columns(['case_id', 'item_id', 'requested_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('supplements_by_task').execute();
      await db.schema.dropTable('supplements').execute();
    },
  };
}
