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
  it('says what to do when nothing is published yet, and writes nothing', () => {
    fs.mkdirSync(env.ONETHING_DATA_DIR, { recursive: true });
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
