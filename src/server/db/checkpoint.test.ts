import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './connect.ts';

describe('WAL checkpoints in a thread (SQLite)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  async function filled(): Promise<{ db: Db; file: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-ckpt-'));
    const file = path.join(dir, 'onething.sqlite');
    const db = openDatabase({ databaseUrl: null, sqliteFile: file });
    cleanups.push(async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    await sql`create table rows (id integer primary key, body text not null)`.execute(db.kysely);
    return { db, file };
  }
  const write = async (db: Db) => {
    for (let i = 0; i < 300; i++) await sql`insert into rows (body) values (${'某'.repeat(1000)})`.execute(db.kysely);
  };
  const settle = async (file: string, over: number, patience = 5000) => {
    for (let waited = 0; waited < patience && fs.statSync(file).size <= over; waited += 50) await new Promise((r) => setTimeout(r, 50));
    return fs.statSync(file).size;
  };

  it('moves committed pages into the database file without a request paying for it', async () => {
    const { db, file } = await filled();
    const stop = db.checkpointInBackground?.(50);
    expect(stop).toBeDefined();
    cleanups.unshift(async () => stop?.());
    await write(db);
    // About 900 KB were written to the WAL; the thread copies them into the database file.
    expect(await settle(file, 800_000)).toBeGreaterThan(800_000);
    expect((await sql<{ n: number }>`select count(*) as n from rows`.execute(db.kysely)).rows[0]?.n).toBe(300);
  });

  it('leaves them in the WAL while no thread runs and the threshold is not reached', async () => {
    const { db, file } = await filled();
    await sql`pragma wal_autocheckpoint = 10000`.execute(db.kysely);
    await write(db);
    expect(await settle(file, 800_000, 600)).toBeLessThan(100_000);
  });
});
