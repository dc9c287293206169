/**
 * 一次一评 (GB/T 39734): a case is rated once, through the channel it went through. Ratings were
 * kept once per channel the applicant declared; so each rating's channel is set from its case, and
 * of a case's earlier ratings the first stays the case's rating while the later ones are marked
 * superseded, not deleted (rectifications and replies hang on them). A unique index over the ratings
 * not superseded then lets exactly one insert per case win, however many arrive at once.
 */
import { sql, type Kysely } from 'kysely';

export function ratingOnce() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('ratings').addColumn('superseded_at', 'text').execute();
      await sql`update ratings set channel = coalesce((select case when c.assisted_by is not null then 'assisted' when c.channel = 'window' then 'window' else 'online' end
        from cases c where c.id = ratings.case_id), channel)`.execute(db);
      await sql`update ratings set superseded_at = ${new Date().toISOString()} where exists (select 1 from ratings r
        where r.case_id = ratings.case_id and (r.created_at < ratings.created_at or (r.created_at = ratings.created_at and r.id < ratings.id)))`.execute(db);
      await db.schema.createIndex('ratings_once_per_case').unique().on('ratings').column('case_id').where(sql.ref('superseded_at'), 'is', null).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('ratings_once_per_case').execute();
      await db.schema.alterTable('ratings').dropColumn('superseded_at').execute();
    },
  };
}
