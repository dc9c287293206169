/**
 * Log-in through a unified identity service (统一身份认证, OpenID Connect): which external identity
 * is which local account, the log-ins under way (state, nonce, PKCE verifier, used once), and what a
 * session started that way carries (the enterprises its person may act for, the person behind an
 * 法人切换). No personal number is kept here: accounts hold those, encrypted.
 */
import type { Kysely } from 'kysely';

export function externalIdentities() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('external_identities')
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        // '' for the person (or staff member) themself; a credit code for their account as that enterprise's agent.
        .addColumn('acting_for', 'text', (c) => c.notNull())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('external_identities_pk', ['issuer', 'subject', 'acting_for'])
        .execute();
      await db.schema.createTable('oidc_logins')
        .addColumn('handle_hash', 'text', (c) => c.primaryKey())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('code_verifier', 'text', (c) => c.notNull())
        .addColumn('return_to', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('oidc_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('person_account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('enterprises', 'text', (c) => c.notNull())
        .addColumn('level', 'integer')
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('oidc_sessions').execute();
      await db.schema.dropTable('oidc_logins').execute();
      await db.schema.dropTable('external_identities').execute();
    },
  };
}
