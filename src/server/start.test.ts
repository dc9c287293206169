/**
 * Several server processes started at the same moment on one fresh database: each migrates, imports
 * the catalogue and seeds the demo checking first, so without the start lock they trip over each other.
 * They then share the audit log, and sign its head when stopped.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db/connect.ts';
import { CHECKPOINT_FILE } from './modules/audit/anchor.ts';
import { demoAccounts, DEMO_PASSWORD } from './modules/identity/demo.ts';
import { DIALECTS, freshPostgres } from './testing/harness.ts';
import { startServerProcess, type ServerProcess } from './testing/server-process.ts';

describe.each(DIALECTS)('three servers starting at once on one %s database', (dialect) => {
  it('all come up and serve, and each demo account exists once', { timeout: 240_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-starts-'));
    const pgdb = dialect === 'postgres' ? await freshPostgres('onething_s') : null;
    const env = { ONETHING_DATA_DIR: dir, ONETHING_FIELD_KEY: randomBytes(32).toString('hex'), ONETHING_COOKIE_SECURE: 'off', DATABASE_URL: pgdb?.url ?? '' };
    const started = await Promise.allSettled([0, 1, 2].map(() => startServerProcess(env, { readyTimeoutMs: 180_000 })));
    const servers = started.filter((s): s is PromiseFulfilledResult<ServerProcess> => s.status === 'fulfilled').map((s) => s.value);
    try {
      expect(started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason).slice(0, 2000))).toEqual([]);
      // Each serves: logs in and starts a case, which the audit log records.
      for (const s of servers) {
        const r = await fetch(`${s.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wangfang', password: DEMO_PASSWORD }) });
        expect(r.status, s.output()).toBe(200);
        const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] as string;
        const created = await fetch(`${s.base}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ matterId: 'newborn-birth' }) });
        expect(created.status, await created.text()).toBe(201);
      }
      const db = openDatabase({ databaseUrl: pgdb?.url ?? null, sqliteFile: path.join(dir, 'onething.sqlite') });
      try {
        const names = demoAccounts().map((a) => a.username);
        const rows = await db.kysely.selectFrom('accounts').select('username').where('username', 'in', names).execute();
        expect(rows.map((r) => r.username).sort()).toEqual([...names].sort());
        const versions = await db.kysely.selectFrom('catalogue_versions').select('version').execute();
        expect(versions).toHaveLength(1);
      } finally {
        await db.close();
      }
      // Stopping, the first signs the log's head into the shared file; the others find it signed.
      for (const s of servers) expect(await s.kill('SIGTERM')).toBe('0');
      const lines = fs.readFileSync(path.join(dir, CHECKPOINT_FILE), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; count: number });
      // The offers the first housekeeping run makes are audited too, so a start checkpoint may come first.
      expect(lines.slice(0, -1).every((l) => l.kind === 'start')).toBe(true);
      expect(lines.at(-1)).toEqual(expect.objectContaining({ kind: 'shutdown' }));
      const verify = spawnSync(process.execPath, ['bin/onething.js', 'audit', 'verify'], { env: { ...process.env, ...env }, encoding: 'utf8' });
      expect(verify.stderr).toBe('');
      const last = lines.at(-1) as { count: number };
      expect(verify.stdout).toContain(`审计日志完整：${last.count} 条记录，SM3 链与 HMAC-SM3 校验码校验通过，${lines.length} 个签名检查点有效，最近一个至第 ${last.count} 条`);
    } finally {
      for (const s of servers) await s.kill('SIGKILL', 2000);
      await pgdb?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
