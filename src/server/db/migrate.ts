/** Versioned migrations, run in order and recorded by Kysely's migrator. */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect.ts';
import { initial } from './migrations/001_initial.ts';
import { versions } from './migrations/002_versions.ts';
import { indexes } from './migrations/003_indexes.ts';
import { accountEmail } from './migrations/004_account_email.ts';

function provider(db: Db): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return { '001_initial': initial(db.dialect), '002_versions': versions(), '003_indexes': indexes(), '004_account_email': accountEmail() };
    },
  };
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: provider(db) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
