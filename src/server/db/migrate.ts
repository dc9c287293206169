/** Versioned migrations, run in order and recorded by Kysely's migrator; the start-up lock. */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect.ts';
import { initial } from './migrations/001_initial.ts';
import { versions } from './migrations/002_versions.ts';
import { indexes } from './migrations/003_indexes.ts';
import { accountEmail } from './migrations/004_account_email.ts';
import { auditAnchors } from './migrations/005_audit_anchors.ts';
import { ratingOnce } from './migrations/006_rating_once.ts';
import { prefillMasked } from './migrations/007_prefill_masked.ts';
import { licenseHolder } from './migrations/008_license_holder.ts';
import { ratingEvents } from './migrations/012_rating_events.ts';
import { commitments } from './migrations/013_commitments.ts';
import { urges } from './migrations/014_urges.ts';
import { consultations } from './migrations/015_consultations.ts';
import { autoDecisions } from './migrations/016_auto_decisions.ts';
import { externalIdentities } from './migrations/017_external_identities.ts';
import { walkInConsultations } from './migrations/018_walk_in_consultations.ts';
import { caseRegion } from './migrations/019_case_region.ts';
import { regionIndexes } from './migrations/023_region_indexes.ts';
import { fees } from './migrations/022_fees.ts';
import { signingKeys } from './migrations/024_signing_keys.ts';
import { offers } from './migrations/021_offers.ts';
import { prechecks } from './migrations/020_prechecks.ts';
import { supplements } from './migrations/010_supplements.ts';
import { progressCode } from './migrations/011_progress_code.ts';

function provider(db: Db): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '001_initial': initial(db.dialect),
        '002_versions': versions(),
        '003_indexes': indexes(),
        '004_account_email': accountEmail(),
        '005_audit_anchors': auditAnchors(db.dialect),
        '006_rating_once': ratingOnce(),
        '007_prefill_masked': prefillMasked(),
        '008_license_holder': licenseHolder(),
        '010_supplements': supplements(),
        '011_progress_code': progressCode(),
        '012_rating_events': ratingEvents(),
        '013_commitments': commitments(),
        '014_urges': urges(),
        '015_consultations': consultations(),
        '016_auto_decisions': autoDecisions(),
        '017_external_identities': externalIdentities(),
        '018_walk_in_consultations': walkInConsultations(),
        '019_case_region': caseRegion(),
        '020_prechecks': prechecks(),
        '021_offers': offers(),
        '022_fees': fees(),
        '023_region_indexes': regionIndexes(),
        '024_signing_keys': signingKeys(),
      };
    },
  };
}

/** Kysely's migrator over the list above (the down-migration test steps through it). */
export function migrator(db: Db): Migrator {
  return new Migrator({ db: db.kysely, provider: provider(db) });
}

/**
 * The migrations of the list this database has not run: a server on it is not ready. Reads
 * Kysely's own table directly; the migrator's getMigrations introspects every table first.
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const names = Object.keys(await provider(db).getMigrations());
  let done: Set<string>;
  try {
    const r = await sql<{ name: string }>`select name from kysely_migration`.execute(db.kysely);
    done = new Set(r.rows.map((row) => row.name));
  } catch {
    return names;
  }
  return names.filter((n) => !done.has(n));
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The session advisory lock of start-up; the audit log's appends use 724301 per transaction. */
const START_LOCK = 724302;

/**
 * Runs `fn` while no other process starting on the same database is inside it: migrating,
 * importing the catalogue and seeding check before they write, so two starts at once would both
 * write. PostgreSQL: a session advisory lock held on a connection of its own; SQLite: an exclusive
 * transaction on a lock file beside the data (`lockFile`). Either lock goes with a process that dies.
 */
export async function withStartLock<T>(db: Db, lockFile: string | null, fn: () => Promise<T>): Promise<T> {
  if (db.dialect === 'postgres') {
    return db.kysely.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${sql.lit(START_LOCK)})`.execute(conn);
      try {
        return await fn();
      } finally {
        await sql`select pg_advisory_unlock(${sql.lit(START_LOCK)})`.execute(conn);
      }
    });
  }
  if (!lockFile) return fn();
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  // No busy timeout: better-sqlite3 would wait synchronously and stall the event loop.
  const lock = new SQLite(lockFile, { timeout: 0 });
  try {
    for (;;) {
      try {
        lock.exec('begin exclusive');
        break;
      } catch (e) {
        if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    return await fn();
  } finally {
    if (lock.inTransaction) lock.exec('rollback');
    lock.close();
  }
}
