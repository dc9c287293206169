/**
 * The catalogue's life (clauses 5.1.3, 5.3.2, 5.4, 6.4.2 b): drafts of a new version, the opinions
 * of the departments asked about them, and the change requests that lead to them.
 */
import type { Kysely } from 'kysely';

export function versions() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema;
      await s.createTable('catalogue_drafts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('base_version', 'integer', (c) => c.notNull())
        .addColumn('replaces_version', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('documents', 'text', (c) => c.notNull())
        .addColumn('defects', 'text', (c) => c.notNull())
        .addColumn('matter_id', 'text')
        .addColumn('department', 'text')
        .addColumn('change_request_id', 'text')
        .addColumn('round', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('asked', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text')
        .addColumn('approved_by', 'text')
        .addColumn('approved_at', 'text')
        .addColumn('published_version', 'integer', (c) => c.unique())
        .addColumn('published_by', 'text')
        .addColumn('published_at', 'text')
        .addColumn('summary', 'text')
        .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await s.createIndex('catalogue_drafts_status').on('catalogue_drafts').column('status').execute();
      await s.createTable('catalogue_opinions')
        .addColumn('draft_id', 'text', (c) => c.notNull().references('catalogue_drafts.id'))
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('opinion', 'text', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('given_by', 'text', (c) => c.notNull())
        .addColumn('given_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('catalogue_opinions_pk', ['draft_id', 'round', 'department'])
        .execute();
      await s.createTable('change_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('matter_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('requester_role', 'text', (c) => c.notNull())
        .addColumn('requester_department', 'text')
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('draft_id', 'text')
        .addColumn('closed_at', 'text')
        .execute();
      await s.createIndex('change_requests_status').on('change_requests').column('status').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const t of ['change_requests', 'catalogue_opinions', 'catalogue_drafts']) await db.schema.dropTable(t).ifExists().execute();
    },
  };
}
