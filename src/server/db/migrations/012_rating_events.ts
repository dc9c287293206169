/**
 * 好差评 per service event (GB/T 39734): a case is rated once at acceptance (受理) and once at
 * completion (办结), each against the clerk who served it. Earlier ratings were of the case as a
 * whole: one given once every task was decided becomes the completion's, any other the acceptance's. A bad rating's rectification goes through 核实, 整改 and
 * 回访, or the department's 申诉 decided by the service administration; each step is kept in
 * `history` (JSON) beside the latest state.
 */
import { sql, type Kysely } from 'kysely';

const RECTIFICATION_COLUMNS = [
  'verified_at', 'verified_by', 'verification_note',
  'appeal_reason', 'appealed_at', 'appealed_by', 'appeal_decision', 'appeal_note', 'appeal_decided_by', 'appeal_decided_at',
  'follow_up_at', 'follow_up_by', 'follow_up_result', 'follow_up_note',
] as const;

export function ratingEvents() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('ratings').addColumn('event', 'text', (c) => c.notNull().defaultTo('completion')).execute();
      await db.schema.alterTable('ratings').addColumn('clerk_id', 'text').execute();
      // A rating given before every task was decided was of the acceptance.
      await sql`update ratings set event = 'acceptance' where not exists (select 1 from tasks t where t.case_id = ratings.case_id)
        or exists (select 1 from tasks t where t.case_id = ratings.case_id and t.status not in ('approved', 'refused', 'stopped'))`.execute(db);
      await sql`update ratings set clerk_id = (select coalesce(c.assisted_by, c.accepted_by) from cases c where c.id = ratings.case_id)`.execute(db);
      await db.schema.dropIndex('ratings_once_per_case').execute();
      await db.schema.createIndex('ratings_once_per_event').unique().on('ratings').columns(['case_id', 'event']).where(sql.ref('superseded_at'), 'is', null).execute();
      await db.schema.createIndex('ratings_by_clerk').on('ratings').columns(['clerk_id', 'created_at']).execute();
      for (const c of RECTIFICATION_COLUMNS) await db.schema.alterTable('rectifications').addColumn(c, 'text').execute();
      await db.schema.alterTable('rectifications').addColumn('history', 'text', (c) => c.notNull().defaultTo('[]')).execute();
      await db.schema.createIndex('rectifications_by_status').on('rectifications').columns(['status', 'due_date']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('rectifications_by_status').execute();
      await db.schema.alterTable('rectifications').dropColumn('history').execute();
      for (const c of [...RECTIFICATION_COLUMNS].reverse()) await db.schema.alterTable('rectifications').dropColumn(c).execute();
      await db.schema.dropIndex('ratings_by_clerk').execute();
      await db.schema.dropIndex('ratings_once_per_event').execute();
      await sql`update ratings set superseded_at = ${new Date().toISOString()} where event = 'acceptance' and superseded_at is null
        and exists (select 1 from ratings r where r.case_id = ratings.case_id and r.event = 'completion' and r.superseded_at is null)`.execute(db);
      await db.schema.createIndex('ratings_once_per_case').unique().on('ratings').column('case_id').where(sql.ref('superseded_at'), 'is', null).execute();
      await db.schema.alterTable('ratings').dropColumn('clerk_id').execute();
      await db.schema.alterTable('ratings').dropColumn('event').execute();
    },
  };
}
