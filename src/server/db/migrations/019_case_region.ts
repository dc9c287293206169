/**
 * 属地管辖: the region whose implementations handle a case's items, the index its queues read by, and
 * the window that collected the application (跨域通办: a window of another region takes it in).
 */
import type { Kysely } from 'kysely';

export function caseRegion() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('cases').addColumn('region', 'text').execute();
      await db.schema.alterTable('cases').addColumn('window_party', 'text').execute();
      await db.schema.createIndex('cases_by_region').on('cases').columns(['region', 'status']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('cases_by_region').execute();
      await db.schema.alterTable('cases').dropColumn('window_party').execute();
      await db.schema.alterTable('cases').dropColumn('region').execute();
    },
  };
}
