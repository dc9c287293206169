/**
 * The statements every case runs many times (load a case, save a task, append to the audit log, put
 * a message in the outbox): built and compiled once per dialect instead of per call, and on SQLite,
 * inside a transaction, run straight on the connection the transaction holds. Kysely's builder,
 * compiler and promise-chained executor cost some 100 µs a statement; the statement itself a few.
 * Outside a transaction (or on PostgreSQL) the compiled query goes through Kysely as usual, so the
 * single SQLite connection is still taken in turn.
 */
import type { Compilable, CompiledQuery, DialectAdapter, Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Database } from './schema.ts';

type Params = Record<string, unknown>;

const MARK = '\u0000onething-param:';
const connections = new WeakMap<DialectAdapter, SQLite.Database>();

/** Lets prepared statements run directly on this SQLite connection inside its Kysely's transactions. */
export function registerSqliteConnection(kysely: Kysely<Database>, sqlite: SQLite.Database): void {
  connections.set(kysely.getExecutor().adapter, sqlite);
}

interface Compiled {
  compiled: CompiledQuery;
  /** For each parameter: the name it is filled from, or undefined for a constant of the query. */
  names: (string | undefined)[];
}

export interface Prepared<O> {
  all(db: Kysely<Database>, params?: Params): Promise<O[]>;
  first(db: Kysely<Database>, params?: Params): Promise<O | undefined>;
  /** For writes: the rows changed. */
  run(db: Kysely<Database>, params?: Params): Promise<number>;
}

/**
 * `build` makes the query with `p('name')` wherever a value goes; its shape must not depend on the
 * values (no `in` lists or row counts that vary: make one prepared statement per shape).
 */
export function prepared<O>(build: (db: Kysely<Database>, p: (name: string) => never) => Compilable<O>): Prepared<O> {
  const byDialect = new WeakMap<DialectAdapter, Compiled>();
  const compiledFor = (db: Kysely<Database>): Compiled => {
    const adapter = db.getExecutor().adapter;
    let c = byDialect.get(adapter);
    if (!c) {
      const compiled = build(db, (name) => `${MARK}${name}` as never).compile();
      const names = compiled.parameters.map((v) => (typeof v === 'string' && v.startsWith(MARK) ? v.slice(MARK.length) : undefined));
      c = { compiled, names };
      byDialect.set(adapter, c);
    }
    return c;
  };
  const execute = async (db: Kysely<Database>, params: Params): Promise<{ rows: O[]; changes: number }> => {
    const { compiled, names } = compiledFor(db);
    const parameters = compiled.parameters.map((v, i) => {
      const name = names[i];
      if (name === undefined) return v;
      if (!(name in params)) throw new TypeError(`prepared statement: no value for ${name}`);
      return params[name];
    });
    const sqlite = db.isTransaction ? connections.get(db.getExecutor().adapter) : undefined;
    if (sqlite) {
      const stmt = sqlite.prepare(compiled.sql);
      if (stmt.reader) return { rows: stmt.all(parameters) as O[], changes: 0 };
      return { rows: [], changes: stmt.run(parameters).changes };
    }
    const r = await db.executeQuery<O>({ ...compiled, parameters });
    return { rows: [...r.rows], changes: Number(r.numAffectedRows ?? 0n) };
  };
  return {
    all: async (db, params = {}) => (await execute(db, params)).rows,
    first: async (db, params = {}) => (await execute(db, params)).rows[0],
    run: async (db, params = {}) => (await execute(db, params)).changes,
  };
}

type Table = keyof Database & string;
const inserts = new Map<string, Prepared<unknown>>();

/**
 * Inserts rows (all with the same columns) in one statement, prepared per table, columns and row
 * count; with `ignoreConflictOn`, rows clashing on that unique column are skipped. Returns the rows
 * inserted.
 */
export async function insertRows<T extends Table>(db: Kysely<Database>, table: T, rows: readonly Record<string, unknown>[], ignoreConflictOn?: string): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0] as object);
  const key = `${table}|${columns.join(',')}|${rows.length}|${ignoreConflictOn ?? ''}`;
  let stmt = inserts.get(key);
  if (!stmt) {
    stmt = prepared((k, p) => {
      const q = k.insertInto(table).values(rows.map((_, i) => Object.fromEntries(columns.map((c) => [c, p(`${i}.${c}`)]))) as never);
      return ignoreConflictOn ? q.onConflict((oc) => oc.column(ignoreConflictOn as never).doNothing()) : q;
    });
    if (inserts.size > 500) inserts.clear();
    inserts.set(key, stmt);
  }
  const params: Params = {};
  rows.forEach((r, i) => {
    for (const c of columns) params[`${i}.${c}`] = r[c] ?? null;
  });
  return stmt.run(db, params);
}
