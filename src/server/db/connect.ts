/** Opens the database: embedded SQLite (WAL, synchronous NORMAL) by default, PostgreSQL by URL. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { registerSqliteConnection } from './prepared.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
  /**
   * SQLite only: WAL checkpoints (which copy pages into the database file and fsync it) run in a
   * thread with its own connection instead of inside whichever request's commit crosses the
   * threshold. Returns the stop.
   */
  checkpointInBackground?(intervalMs?: number): () => Promise<void>;
}

// Runs in the checkpoint thread: PASSIVE never waits for, nor blocks, the server's own connection.
const CHECKPOINTER = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
setInterval(() => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} }, workerData.intervalMs);
`;

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
  const connection = withStatementCache(sqlite);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  registerSqliteConnection(kysely, connection);
  const checkpointInBackground = (intervalMs = 1000) => {
    // Left as a safety net should the thread fall behind: 10,000 pages, about 40 MB of WAL.
    sqlite.pragma('wal_autocheckpoint = 10000');
    const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { file, intervalMs, driver: createRequire(import.meta.url).resolve('better-sqlite3') } });
    worker.unref();
    return async () => {
      await worker.terminate();
      if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
    };
  };
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy(), ...(file !== ':memory:' ? { checkpointInBackground } : {}) };
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
