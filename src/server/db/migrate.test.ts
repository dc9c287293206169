import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NO_MIGRATIONS, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDatabase, type Db } from './connect.ts';
import { migrateToLatest, migrator, pendingMigrations } from './migrate.ts';
import { appendAudit } from '../modules/audit/audit.ts';
import { openAnchoredDatabase } from '../start.ts';
import { DIALECTS, freshPostgres } from '../testing/harness.ts';

const bin = path.resolve('bin/onething.js');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function target(dialect: string): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-migrate-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  if (dialect === 'sqlite') return { ONETHING_DATA_DIR: dir };
  const pgdb = await freshPostgres('onething_m');
  cleanups.push(pgdb.drop);
  // PostgreSQL takes no key of its own making: every process sharing it is given the same one.
  return { ONETHING_DATA_DIR: dir, DATABASE_URL: pgdb.url, ONETHING_FIELD_KEY: '6d'.repeat(32) };
}

describe.each(DIALECTS)('migrations and the audit chain on %s', (dialect) => {
  it('`onething db migrate` brings an empty database to the latest schema, once', async () => {
    const env = { ...process.env, ...(await target(dialect)) };
    expect(execFileSync(process.execPath, [bin, 'db', 'migrate'], { env, encoding: 'utf8' })).toContain('已执行迁移：001_initial');
    expect(execFileSync(process.execPath, [bin, 'db', 'migrate'], { env, encoding: 'utf8' })).toContain('数据库已是最新版本');
    const { db } = openAnchoredDatabase(loadConfig(env));
    try {
      await db.kysely.selectFrom('cases').select('id').limit(1).execute();
      await db.kysely.selectFrom('audit_log').select('seq').limit(1).execute();
      await db.kysely.selectFrom('outbox').select('id').limit(1).execute();

      for (let i = 0; i < 5; i++) {
        await db.kysely.transaction().execute((trx) => appendAudit(trx, db.dialect, `2025-09-29T0${i}:00:00Z`, { actor: 'account:test', action: 'case.submit', entity: 'case', entityId: `c${i}`, detail: { n: i } }));
      }
      const ok = spawnSync(process.execPath, [bin, 'audit', 'verify'], { env, encoding: 'utf8' });
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain('审计日志完整：5 条记录');

      await db.kysely.updateTable('audit_log').set({ detail: '{"n":99}' }).where('entity_id', '=', 'c2').execute();
      const altered = spawnSync(process.execPath, [bin, 'audit', 'verify'], { env, encoding: 'utf8' });
      expect(altered.status).toBe(1);
      expect(altered.stderr).toMatch(/第 3 条，记录内容与其摘要不符/);

      await db.kysely.updateTable('audit_log').set({ detail: '{"n":2}' }).where('entity_id', '=', 'c2').execute();
      await db.kysely.deleteFrom('audit_log').where('entity_id', '=', 'c3').execute();
      const removed = spawnSync(process.execPath, [bin, 'audit', 'verify'], { env, encoding: 'utf8' });
      expect(removed.status).toBe(1);
      expect(removed.stderr).toContain('链接断开');
    } finally {
      await db.close();
    }
  });
});

/** Tables, columns, indexes and constraints as the database describes them, Kysely's own tables aside. */
async function schemaOf(db: Db): Promise<string[]> {
  if (db.dialect === 'sqlite') {
    const r = await sql<{ type: string; name: string; sql: string | null }>`select type, name, sql from sqlite_master where name not like 'sqlite_%' and name not like 'kysely_%' order by type, name`.execute(db.kysely);
    return r.rows.map((x) => `${x.type} ${x.name}: ${x.sql ?? ''}`);
  }
  const columns = await sql<{ line: string }>`select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') as line
    from information_schema.columns where table_schema = 'public' and table_name not like 'kysely_%' order by table_name, column_name`.execute(db.kysely);
  const indexes = await sql<{ line: string }>`select indexname || ': ' || indexdef as line from pg_indexes where schemaname = 'public' and tablename not like 'kysely_%' order by indexname`.execute(db.kysely);
  const constraints = await sql<{ line: string }>`select c.conrelid::regclass::text || ' ' || c.conname || ': ' || pg_get_constraintdef(c.oid) as line
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public' and c.conrelid::regclass::text not like 'kysely_%' order by 1`.execute(db.kysely);
  return [...columns.rows, ...indexes.rows, ...constraints.rows].map((x) => x.line);
}

describe.each(DIALECTS)('down-migrations on %s', (dialect) => {
  it('every migration goes up, down to exactly the schema before it, and up again to the same schema', async () => {
    const env = await target(dialect);
    const db = openDatabase({ databaseUrl: env.DATABASE_URL ?? null, sqliteFile: path.join(env.ONETHING_DATA_DIR as string, 'onething.sqlite') });
    try {
      const m = migrator(db);
      const names = (await m.getMigrations()).map((x) => x.name);
      let before = await schemaOf(db);
      expect(before).toEqual([]);
      for (const name of names) {
        expect((await m.migrateUp()).error, name).toBeUndefined();
        const after = await schemaOf(db);
        const down = await m.migrateDown();
        expect(down.error, `${name} down`).toBeUndefined();
        expect(await schemaOf(db), `${name} down`).toEqual(before);
        expect((await m.migrateUp()).error, `${name} up again`).toBeUndefined();
        expect(await schemaOf(db), `${name} up again`).toEqual(after);
        before = after;
      }
      expect(await pendingMigrations(db)).toEqual([]);
      // All the way down and back, over a database that holds rows.
      await migrateToLatest(db);
      await db.kysely.insertInto('counters').values({ name: 'n', value: 1 }).execute();
      expect((await m.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
      expect(await schemaOf(db)).toEqual([]);
      expect(await migrateToLatest(db)).toEqual(names);
      expect(await schemaOf(db)).toEqual(before);
    } finally {
      await db.close();
    }
  });
});
