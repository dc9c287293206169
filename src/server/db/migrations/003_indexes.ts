/**
 * Indexes for look-ups that otherwise read whole tables as cases and accounts accumulate: the
 * window's queues, cases on commitment, a department's queue and staff, a case's circulation log, ratings and
 * rectifications, and the effectiveness figures per matter; and for housekeeping, the age of
 * nonces, sessions and idempotency keys.
 */
import type { Kysely } from 'kysely';

export function indexes() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema;
      await s.createIndex('cases_status_submitted').on('cases').columns(['status', 'submitted_at']).execute();
      await s.createIndex('cases_status_updated').on('cases').columns(['status', 'updated_at']).execute();
      // Replaces (department, status): a department's decided tasks are listed newest first.
      await s.dropIndex('tasks_department_status').execute();
      await s.createIndex('tasks_department_status_decided').on('tasks').columns(['department', 'status', 'decided_at']).execute();
      await s.createIndex('accounts_department_role').on('accounts').columns(['department', 'role']).execute();
      await s.createIndex('cases_commitment').on('cases').columns(['on_commitment', 'closed_at']).execute();
      await s.createIndex('cases_matter').on('cases').columns(['matter_id', 'id']).execute();
      await s.createIndex('circulation_case').on('circulation').columns(['case_id', 'sent_at']).execute();
      await s.createIndex('ratings_case').on('ratings').column('case_id').execute();
      await s.createIndex('rectifications_case').on('rectifications').column('case_id').execute();
      await s.createIndex('rectifications_rating').on('rectifications').column('rating_id').execute();
      await s.createIndex('nonces_seen').on('nonces').column('seen_at').execute();
      await s.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
      await s.createIndex('idempotency_created').on('idempotency').column('created_at').execute();
      await s.createIndex('rectifications_department').on('rectifications').columns(['department', 'status', 'due_date']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('tasks_department_status').on('tasks').columns(['department', 'status']).execute();
      for (const name of ['cases_commitment', 'tasks_department_status_decided', 'accounts_department_role', 'cases_status_submitted', 'cases_status_updated', 'cases_matter', 'circulation_case', 'ratings_case', 'rectifications_case', 'rectifications_rating', 'rectifications_department', 'nonces_seen', 'sessions_expires', 'idempotency_created']) {
        await db.schema.dropIndex(name).execute();
      }
    },
  };
}
