/** Opens the database: embedded SQLite (WAL, synchronous FULL) by default, PostgreSQL by URL. */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

export function openDatabase(options: { databaseUrl: string | null; sqliteFile?: string; poolSize?: number; sqliteSynchronous?: 'NORMAL' | 'FULL' }): Db {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection the server drops (a restart, a dropped test database) must not crash the process.
    pool.on('error', () => {});
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
  }
  const file = options.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // In WAL mode NORMAL keeps every committed transaction through a crash of the process (the
  // clause asks that much); FULL would also survive power loss at the cost of an fsync per commit.
  sqlite.pragma(`synchronous = ${options.sqliteSynchronous ?? 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}

/** Kysely prepares every query afresh; the same SQL text recurs, so keep its prepared statement. */
function withStatementCache(db: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = db.prepare.bind(db);
  // An own property shadows the prototype's method without a Proxy's cost on every property read.
  Object.defineProperty(db, 'prepare', {
    value: (source: string) => {
      let stmt = cache.get(source);
      if (!stmt) {
        if (cache.size > 500) cache.clear();
        stmt = prepare(source);
        cache.set(source, stmt);
      }
      return stmt;
    },
  });
  return db;
}
