/** An account's e-mail address, SM4-encrypted like its phone: notices go to every channel it has. */
import type { Kysely } from 'kysely';

export function accountEmail() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('accounts').addColumn('email_enc', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('accounts').dropColumn('email_enc').execute();
    },
  };
}
