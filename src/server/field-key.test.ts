/**
 * The field key when several processes share one database: configured (the key, or a file naming
 * it), refused at start on PostgreSQL when missing, and one key lets every process read what any
 * other encrypted. SQLite, one machine by nature, still makes its own key on first start.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { signedHeaders, type ClientCredentials } from './modules/integration/client.ts';
import { createDeps } from './start.ts';
import { injectCall, newborn } from './testing/api-call.ts';
import { DIALECTS, freshPostgres, startHarness } from './testing/harness.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-key-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('ONETHING_FIELD_KEY', () => {
  it('takes the key itself, or the path of a file holding it', () => {
    const key = randomBytes(32).toString('hex');
    expect(loadConfig({ ONETHING_FIELD_KEY: key }).fieldKeyHex).toBe(key);
    const file = path.join(tempDir(), 'field.key');
    fs.writeFileSync(file, `${key.toUpperCase()}\n`, { mode: 0o600 });
    expect(loadConfig({ ONETHING_FIELD_KEY: file }).fieldKeyHex).toBe(key.toUpperCase());
    expect(loadConfig({ ONETHING_FIELD_KEY: path.relative(process.cwd(), file) }).fieldKeyHex).toBe(key.toUpperCase());
  });

  it('refuses a file it cannot read, or one not holding a key, in Chinese', () => {
    const dir = tempDir();
    expect(() => loadConfig({ ONETHING_FIELD_KEY: path.join(dir, 'absent.key') })).toThrow(`ONETHING_FIELD_KEY 应为 64 位十六进制（32 字节），或存放密钥的文件路径；读不到文件「${path.join(dir, 'absent.key')}」`);
    expect(() => loadConfig({ ONETHING_FIELD_KEY: 'abc123' })).toThrow(/应为 64 位十六进制/);
    fs.writeFileSync(path.join(dir, 'short.key'), 'abcdef');
    expect(() => loadConfig({ ONETHING_FIELD_KEY: path.join(dir, 'short.key') })).toThrow(`密钥文件「${path.join(dir, 'short.key')}」的内容应为 64 位十六进制（32 字节）`);
  });

  it('on SQLite, is made into data/field.key on first start, readable by its owner only, and kept', async () => {
    const dir = tempDir();
    const config = loadConfig({ ONETHING_DATA_DIR: dir, ONETHING_RATE_LIMIT: 'off' });
    const first = await createDeps(config, fixedClock('2025-09-29T02:00:00Z'));
    await first.db.close();
    const file = path.join(dir, 'field.key');
    const key = fs.readFileSync(file, 'utf8');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = await createDeps(config, fixedClock('2025-09-29T02:00:00Z'));
    await second.db.close();
    expect(fs.readFileSync(file, 'utf8')).toBe(key);
  });
});

describe.runIf(DIALECTS.includes('postgres'))('the field key on PostgreSQL', () => {
  it('is required at start: without it nothing is created, and an old data/field.key is pointed to', async () => {
    const pgdb = await freshPostgres('onething_k');
    try {
      const dir = tempDir();
      const config = loadConfig({ DATABASE_URL: pgdb.url, ONETHING_DATA_DIR: dir });
      await expect(createDeps(config)).rejects.toThrow('使用 PostgreSQL（DATABASE_URL）时须设置 ONETHING_FIELD_KEY：64 位十六进制密钥，或存放它的文件路径；共用数据库的每个进程须用同一密钥');
      expect(fs.readdirSync(dir)).toEqual([]);
      const c = new pg.Client({ connectionString: pgdb.url });
      await c.connect();
      const tables = await c.query("select table_name from information_schema.tables where table_schema = 'public'");
      await c.end();
      expect(tables.rows).toEqual([]);

      fs.writeFileSync(path.join(dir, 'field.key'), randomBytes(32).toString('hex'));
      await expect(createDeps(config)).rejects.toThrow(`；已在用 ${path.join(dir, 'field.key')} 的，可把 ONETHING_FIELD_KEY 设为该文件的路径`);
    } finally {
      await pgdb.drop();
    }
  });

  it('given alike to two servers on one database, lets each read what the other encrypted', { timeout: 60_000 }, async () => {
    const shared = await freshPostgres('onething_k');
    const key = randomBytes(32).toString('hex');
    const keyFile = path.join(tempDir(), 'onething-field.key');
    fs.writeFileSync(keyFile, key, { mode: 0o600 });
    const a = await startHarness('postgres', { DATABASE_URL: shared.url, ONETHING_FIELD_KEY: key });
    const b = await startHarness('postgres', { DATABASE_URL: shared.url, ONETHING_FIELD_KEY: keyFile });
    try {
      // The applicant's form, with her ID number and mobile sealed by SM4, written on A…
      const onA = injectCall(a);
      const parent = await a.login('wangfang');
      const id = await newborn.create(onA, parent);
      const plan = await newborn.answer(onA, parent, id);
      const written = await newborn.fill(onA, parent, id, plan, '李小宝');
      // …is read on B (a session made on A is good there too).
      const read = await newborn.view(injectCall(b), parent, id);
      expect(read.form).toEqual(written.form);
      expect(read.form.newbornName).toBe('李小宝');

      // A department system registered on A (its secret sealed under the key) is recognised on B.
      const client = (await a.request('POST', '/api/admin/api-clients', { cookie: await a.login('admin'), body: { department: 'wsjk', name: '出生医学证明管理系统' } })).json() as ClientCredentials;
      const url = '/api/department/tasks';
      const signed = await b.app.inject({ method: 'GET', url, headers: signedHeaders(client, { method: 'GET', url, timestamp: Math.floor(b.clock.now().getTime() / 1000) }) });
      expect(signed.statusCode, signed.body).toBe(200);
    } finally {
      await a.close();
      await b.close();
      await shared.drop();
    }
  });
});
