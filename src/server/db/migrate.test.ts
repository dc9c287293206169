import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
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
  return { ONETHING_DATA_DIR: dir, DATABASE_URL: pgdb.url };
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
