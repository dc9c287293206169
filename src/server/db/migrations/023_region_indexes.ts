/**
 * The reads of reporting and of figures per region: the case events of a period in the audit log
 * (entity, at), and accepted cases by region (region, accepted_at) for the dashboard's roll-up.
 */
import type { Kysely } from 'kysely';

export function regionIndexes() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('audit_log_entity_at').on('audit_log').columns(['entity', 'at']).execute();
      await db.schema.createIndex('cases_region_accepted').on('cases').columns(['region', 'accepted_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('cases_region_accepted').execute();
      await db.schema.dropIndex('audit_log_entity_at').execute();
    },
  };
}
