/**
 * Prepared statements answer as the query builder does, with new values each time, and on SQLite stay
 * inside the transaction they run in: rolled back with it, and never slipped into another request's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { insertRows, prepared } from './prepared.ts';
import { DIALECTS, freshPostgres } from '../testing/harness.ts';

const counterNamed = prepared((db, p) => db.selectFrom('counters').select(['name', 'value']).where('name', '=', p('name')));
const bump = prepared((db, p) => db.updateTable('counters').set({ value: p('value') }).where('name', '=', p('name')));

describe.each(DIALECTS)('prepared statements on %s', (dialect) => {
  let db: Db;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const pgdb = dialect === 'postgres' ? await freshPostgres() : null;
    drop = pgdb?.drop;
    db = openDatabase({ databaseUrl: pgdb?.url ?? null });
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db.close();
    await drop?.();
  });

  it('reads, inserts and updates with the values of each call, as the builder would', async () => {
    expect(await insertRows(db.kysely, 'counters', [{ name: 'a', value: 1 }, { name: 'b', value: 2 }])).toBe(2);
    expect(await insertRows(db.kysely, 'counters', [{ name: 'a', value: 9 }], 'name')).toBe(0);
    expect(await counterNamed.first(db.kysely, { name: 'b' })).toEqual({ name: 'b', value: 2 });
    expect(await bump.run(db.kysely, { name: 'a', value: 5 })).toBe(1);
    expect(await bump.run(db.kysely, { name: 'nobody', value: 5 })).toBe(0);
    const viaBuilder = await db.kysely.selectFrom('counters').select(['name', 'value']).where('name', '=', 'a').executeTakeFirst();
    expect(await counterNamed.first(db.kysely, { name: 'a' })).toEqual(viaBuilder);
    expect(viaBuilder?.value).toBe(5);
    await expect(counterNamed.first(db.kysely, {})).rejects.toThrow(/no value for name/);
  });

  it('is rolled back with the transaction it ran in', async () => {
    await expect(db.kysely.transaction().execute(async (trx) => {
      await insertRows(trx, 'counters', [{ name: 'in-trx', value: 1 }]);
      expect(await counterNamed.first(trx, { name: 'in-trx' })).toEqual({ name: 'in-trx', value: 1 });
      throw new Error('undo');
    })).rejects.toThrow('undo');
    expect(await counterNamed.first(db.kysely, { name: 'in-trx' })).toBeUndefined();
  });

  it('outside a transaction, does not land inside another request’s open one', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let started!: () => void;
    const open = new Promise<void>((resolve) => { started = resolve; });
    const other = db.kysely.transaction().execute(async (trx) => {
      await insertRows(trx, 'counters', [{ name: 'theirs', value: 1 }]);
      started();
      await held;
      throw new Error('their rollback');
    });
    await open;
    const mine = insertRows(db.kysely, 'counters', [{ name: 'mine', value: 1 }]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(other).rejects.toThrow('their rollback');
    await mine;
    expect(await counterNamed.first(db.kysely, { name: 'mine' })).toEqual({ name: 'mine', value: 1 });
    expect(await counterNamed.first(db.kysely, { name: 'theirs' })).toBeUndefined();
  });
});
