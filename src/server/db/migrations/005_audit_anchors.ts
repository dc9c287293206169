/**
 * Anchors for the audit chain: a MAC on each entry (older entries have none) and the signed
 * checkpoints, kept in their own table so that the log's tail cannot be cut unnoticed.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect.ts';

export function auditAnchors(dialect: Dialect) {
  const serial = () => (dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('audit_log').addColumn('mac', 'text').execute();
      await db.schema.createTable('audit_checkpoints')
        .addColumn('id', serial())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('count', 'bigint', (c) => c.notNull())
        .addColumn('head_seq', 'bigint', (c) => c.notNull())
        .addColumn('head_hash', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .execute();
      // The writer reads the newest checkpoint before signing the next.
      await db.schema.createIndex('audit_checkpoints_head').on('audit_checkpoints').column('head_seq').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('audit_checkpoints').ifExists().execute();
      await db.schema.alterTable('audit_log').dropColumn('mac').execute();
    },
  };
}
