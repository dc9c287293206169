/**
 * `onething backup` of a database with cases and uploaded files, `onething restore` into a fresh
 * data folder (and, on PostgreSQL, a fresh database): the audit log verifies and every file reads
 * back; a damaged backup, or the wrong field key, is refused before anything is written.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/planning/types.ts';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/connect.ts';
import { localFileStore } from '../files/store.ts';
import { checkpointAtShutdown } from '../modules/audit/anchor.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../testing/fill.ts';
import { DIALECTS, freshPostgres, startHarness, type Harness } from '../testing/harness.ts';

const bin = path.resolve('bin/onething.js');
const RESTAURANT = {
  servesColdDishes: true, servesFreshDrinks: false, servesRawSeafood: false, hasSignboard: true, largeSignboard: false,
  largeVenue: true, staffNeedHealthCheck: true, sellsTobacco: false,
};
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};

function cli(env: Record<string, string>, ...args: string[]) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ONETHING_') && k !== 'DATABASE_URL'));
  return spawnSync(process.execPath, [bin, ...args], { env: { ...inherited, ...env }, encoding: 'utf8' });
}

describe.each(DIALECTS)('backup and restore on %s', { timeout: 120_000 }, (dialect) => {
  let h: Harness;
  let env: Record<string, string>;
  const uploaded = new Map<string, Buffer>();
  let backupDir: string;

  beforeAll(async () => {
    h = await startHarness(dialect);
    cleanups.push(() => h.close());
    env = { ONETHING_DATA_DIR: h.config.dataDir, ONETHING_FIELD_KEY: h.config.fieldKeyHex, ...(h.config.databaseUrl ? { DATABASE_URL: h.config.databaseUrl } : {}) };
    // The cases are made through an app of their own on the harness's database, without the
    // harness's contract check: this test is about what is stored, not about the answers' shape.
    const { app } = await buildApp(h.deps, { web: false });
    cleanups.push(() => app.close());
    const call = (method: string, url: string, cookie: string, body?: unknown) => app.inject({ method: method as 'GET', url, headers: { cookie }, ...(body !== undefined ? { payload: body as object } : {}) });
    const me = await h.login('haowei');
    for (let n = 0; n < 2; n++) {
      const created = await call('POST', '/api/cases', me, { matterId: 'restaurant-opening' });
      expect(created.statusCode, created.body).toBeLessThan(300);
      const id = created.json().id as string;
      const r = await call('PUT', `/api/cases/${id}/answers`, me, { answers: RESTAURANT });
      expect(r.statusCode, r.body).toBe(200);
      const plan = r.json().plan as Plan;
      await call('PUT', `/api/cases/${id}/form`, me, { values: fillForm(plan) });
      for (const m of plan.materials.filter((x) => x.status === 'required')) {
        const data = Buffer.concat([SAMPLE_PDF, Buffer.from(`%${id}-${m.id}\n`)]);
        const { payload, headers } = multipart('file', `${m.id}.pdf`, 'application/pdf', data);
        const up = await app.inject({ method: 'POST', url: `/api/cases/${id}/materials/${m.id}/files`, headers: { ...headers, cookie: me }, payload });
        expect(up.statusCode, up.body).toBeLessThan(300);
        uploaded.set(`${id}/${m.id}`, data);
      }
      expect((await call('POST', `/api/cases/${id}/submit`, me)).statusCode).toBe(200);
    }
    expect(uploaded.size).toBeGreaterThan(1);
    // As the server does on stopping: the checkpoints file then has something to back up.
    await checkpointAtShutdown(h.deps.db.kysely);
    backupDir = path.join(tempDir('onething-backup-'), 'b');
    const made = cli(env, 'backup', '--to', backupDir);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain(`个上传文件、审计检查点文件`);
    expect(made.stdout).toContain('字段密钥');
  });

  async function freshTarget(): Promise<Record<string, string>> {
    const target: Record<string, string> = { ONETHING_DATA_DIR: tempDir('onething-restored-'), ONETHING_FIELD_KEY: h.config.fieldKeyHex };
    if (dialect === 'postgres') {
      const pgdb = await freshPostgres('onething_r');
      cleanups.push(pgdb.drop);
      target.DATABASE_URL = pgdb.url;
    }
    return target;
  }

  it('writes a manifest with the SM3 digest of everything, and never the field key', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as { entries: { path: string; kind: string; sm3: string }[] };
    expect(manifest.entries.filter((e) => e.kind === 'file')).toHaveLength(uploaded.size);
    expect(manifest.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(['database', 'checkpoints']));
    for (const e of manifest.entries) expect(e.sm3).toMatch(/^[0-9a-f]{64}$/);
    const everything = fs.readdirSync(backupDir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(backupDir, f)).filter((f) => fs.statSync(f).isFile());
    for (const f of everything) expect(fs.readFileSync(f).includes(Buffer.from(h.config.fieldKeyHex))).toBe(false);
  });

  it('restores into a fresh place where the audit log verifies and every file reads back', async () => {
    const target = await freshTarget();
    const restored = cli(target, 'restore', '--from', backupDir);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('全部 SM3 摘要核对无误');
    const verified = cli(target, 'audit', 'verify');
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/审计日志完整：\d+ 条记录.*签名检查点有效/);

    const db = openDatabase({ databaseUrl: target.DATABASE_URL ?? null, sqliteFile: path.join(target.ONETHING_DATA_DIR as string, 'onething.sqlite') });
    try {
      const rows = await db.kysely.selectFrom('case_files').select(['case_id', 'material_id', 'file_hash']).where('file_hash', 'is not', null).execute();
      expect(rows).toHaveLength(uploaded.size);
      const store = localFileStore(path.join(target.ONETHING_DATA_DIR as string, 'files'));
      for (const r of rows) expect((await store.get(r.file_hash as string)).equals(uploaded.get(`${r.case_id}/${r.material_id}`) as Buffer)).toBe(true);
      expect((await db.kysely.selectFrom('cases').select('id').execute()).length).toBe(2);
    } finally {
      await db.close();
    }
    // Never over live data.
    const again = cli(target, 'restore', '--from', backupDir);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/请恢复到新的(数据目录|数据库)/);
  });

  it('refuses a backup with a damaged file, writing nothing', async () => {
    const damaged = path.join(tempDir('onething-damaged-'), 'b');
    fs.cpSync(backupDir, damaged, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(damaged, 'manifest.json'), 'utf8')) as { entries: { path: string; kind: string }[] };
    const victim = manifest.entries.find((e) => e.kind === 'file')?.path as string;
    const bytes = fs.readFileSync(path.join(damaged, victim));
    bytes[bytes.length - 2] = (bytes[bytes.length - 2] as number) ^ 0x01;
    fs.writeFileSync(path.join(damaged, victim), bytes);
    const target = await freshTarget();
    const r = cli(target, 'restore', '--from', damaged);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`备份已损坏，未恢复任何内容`);
    expect(r.stderr).toContain(`${victim} 的 SM3 摘要与清单不符`);
    expect(fs.readdirSync(target.ONETHING_DATA_DIR as string)).toEqual([]);

    fs.appendFileSync(path.join(damaged, 'manifest.json'), ' ');
    expect(cli(target, 'restore', '--from', damaged).stderr).toContain('manifest.json 与 manifest.sm3 记载的 SM3 摘要不符');
  });

  it('refuses to restore under another field key', async () => {
    const target = { ...(await freshTarget()), ONETHING_FIELD_KEY: randomBytes(32).toString('hex') };
    const r = cli(target, 'restore', '--from', backupDir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('当前的字段密钥不是备份时所用的密钥');
  });
});
