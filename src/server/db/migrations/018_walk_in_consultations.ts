/**
 * 咨询、建议、投诉 of a visitor at the window who has no case (and maybe no account): who they are and
 * where the answer goes. The mobile is stored encrypted (field cipher), like every other mobile.
 */
import type { Kysely } from 'kysely';

export function walkInConsultations() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('consultations').addColumn('visitor_name', 'text').execute();
      await db.schema.alterTable('consultations').addColumn('visitor_mobile_enc', 'text').execute();
      await db.schema.alterTable('consultations').addColumn('visitor_sms_at', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const column of ['visitor_sms_at', 'visitor_mobile_enc', 'visitor_name']) await db.schema.alterTable('consultations').dropColumn(column).execute();
    },
  };
}
