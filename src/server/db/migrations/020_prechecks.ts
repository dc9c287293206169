/**
 * 智能预审: one row per uploaded material file — whether the OCR engine has read it yet, what it read
 * (SM4-sealed: it holds personal numbers), and the findings as they were then (numbers masked).
 */
import type { Kysely } from 'kysely';

export function prechecks() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('prechecks')
        .addColumn('file_id', 'text', (c) => c.primaryKey().references('case_files.id'))
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('material_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reading_enc', 'text')
        .addColumn('findings', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('failure', 'text')
        .addColumn('pages', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('prechecks_by_case').on('prechecks').columns(['case_id', 'material_id']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('prechecks').execute();
    },
  };
}
