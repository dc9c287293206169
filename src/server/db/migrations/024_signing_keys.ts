/**
 * The platform's hand-off signing keys, rotatable: each named by its kid, the newest signs, and an
 * older one stays published (and verifying) until `retires_at`. Private keys are SM4-sealed under
 * the field key, as the seals are. The first key is the platform seal, adopted on first use.
 */
import type { Kysely } from 'kysely';

export function signingKeys() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('signing_keys')
        .addColumn('kid', 'text', (c) => c.primaryKey())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('public_pem', 'text', (c) => c.notNull())
        .addColumn('private_enc', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('retires_at', 'text')
        .execute();
      await db.schema.createIndex('signing_keys_by_purpose').on('signing_keys').columns(['purpose', 'created_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('signing_keys').execute();
    },
  };
}
