import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/connect.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { CatalogueStore } from '../server/modules/catalogue/store.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-export-'));
const env = { ...process.env, ONETHING_DATA_DIR: path.join(dir, 'data'), ONETHING_FIELD_KEY: randomBytes(32).toString('hex'), DATABASE_URL: '' };
const run = (...args: string[]) => spawnSync(process.execPath, [path.resolve('bin/onething.js'), ...args], { encoding: 'utf8', env });

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('onething export knowledge', () => {
  it('refuses a data folder without a database, and creates no database and no file', () => {
    fs.mkdirSync(env.ONETHING_DATA_DIR, { recursive: true });
    const r = run('export', 'knowledge', '--to', path.join(dir, 'out'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('中没有数据库');
    expect(fs.readdirSync(env.ONETHING_DATA_DIR)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('says a database error instead of hiding it, and writes nothing', () => {
    const file = path.join(env.ONETHING_DATA_DIR, 'onething.sqlite');
    fs.writeFileSync(file, 'not a database, but some text long enough to be read as a damaged file header…'.repeat(20));
    const r = run('export', 'knowledge', '--to', path.join(dir, 'out'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^导出失败：.*not a database/);
    expect(r.stderr).not.toContain('还没有已发布');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    fs.rmSync(file);
  });

  it('says what to do when the database is not set up or nothing is published yet, and writes nothing', async () => {
    const file = path.join(env.ONETHING_DATA_DIR, 'onething.sqlite');
    await openDatabase({ databaseUrl: null, sqliteFile: file }).close();
    const bare = run('export', 'knowledge', '--to', path.join(dir, 'out'));
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain('数据库尚未初始化');
    const db = openDatabase({ databaseUrl: null, sqliteFile: file });
    await migrateToLatest(db);
    await db.close();
    const r = run('export', 'knowledge', '--to', path.join(dir, 'out'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('还没有已发布的事项目录');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('exports the latest publication as JSON and as a workbook with the same entries', async () => {
    const db = openDatabase({ databaseUrl: null, sqliteFile: path.join(env.ONETHING_DATA_DIR, 'onething.sqlite') });
    await migrateToLatest(db);
    await new CatalogueStore(db.kysely).importDirectory(path.resolve('catalog'), '2025-09-29T02:00:00.000Z');
    await db.close();
    const r = run('export', 'knowledge', '--to', path.join(dir, 'out'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^已导出第 1 版目录的 12345 知识库：\d+ 个一件事、\d+ 条知识/);
    const kb = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'knowledge-v1.json'), 'utf8'));
    expect(kb).toMatchObject({ version: 1, publishedAt: '2025-09-29T02:00:00.000Z' });
    expect(kb.entries.length).toBeGreaterThan(50);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, 'out', 'knowledge-v1.xlsx'));
    expect(book.getWorksheet('12345知识库')?.rowCount).toBe(kb.entries.length + 1);
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['knowledge-v1.json', 'knowledge-v1.xlsx']);
  });

  it('tells how it is used when asked wrongly', () => {
    const r = run('export', 'everything');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('用法：onething export knowledge --to 目录');
  });
}, 120_000);
