/**
 * The audit log against someone who can write the database but does not hold the field key: they
 * cut the tail, forge an entry with a correct SM3 link, or alter one and re-chain the rest.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import { generateSealKeyPair, sm2Sign } from '../../crypto/sm2.ts';
import type { Db } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { DIALECTS, freshPostgres } from '../../testing/harness.ts';
import { openAnchoredDatabase } from '../../start.ts';
import { CHECKPOINT_FILE, checkpointAtShutdown, checkpointAtStart, checkpointMessage, PLATFORM_SEAL, requireAnchor } from './anchor.ts';
import { appendAudit, entryHash, GENESIS, verifyAudit } from './audit.ts';

const bin = path.resolve('bin/onething.js');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function openLog(dialect: string): Promise<{ db: Db; env: Record<string, string>; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-audit-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const pgdb = dialect === 'postgres' ? await freshPostgres('onething_a') : null;
  if (pgdb) cleanups.push(pgdb.drop);
  const env = { ONETHING_DATA_DIR: dir, ONETHING_FIELD_KEY: randomBytes(32).toString('hex'), ...(pgdb ? { DATABASE_URL: pgdb.url } : {}) };
  const { db } = openAnchoredDatabase(loadConfig(env), fixedClock('2025-09-29T02:00:00Z'));
  cleanups.push(() => db.close());
  await migrateToLatest(db);
  return { db, env, dir };
}

/** `n` entries the way the platform writes them, a few to a transaction; then the queued checkpoints. */
async function append(db: Db, n: number, from = 0): Promise<void> {
  for (let i = 0; i < n; i += 10) {
    const entries = Array.from({ length: Math.min(10, n - i) }, (_, k) => ({ actor: 'account:clerk', action: 'case.accept', entity: 'case', entityId: `c${from + i + k}`, detail: { n: from + i + k } }));
    await db.kysely.transaction().execute((trx) => appendAudit(trx, db.dialect, '2025-09-29T03:00:00Z', ...entries));
  }
  await requireAnchor(db.kysely).settled();
}

const headOf = (db: Db) => db.kysely.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

/** A row as the attacker writes it: linked by SM3 like the real ones, with whatever MAC they have. */
async function forge(db: Db, seq: number, prev: string, mac: string | null, n = 999) {
  const row = { at: '2025-09-29T04:00:00Z', actor: 'account:intruder', action: 'case.accept', entity: 'case', entity_id: 'forged', detail: JSON.stringify({ n }) };
  const hash = entryHash(prev, row);
  await db.kysely.insertInto('audit_log').values({ seq, ...row, prev_hash: prev, hash, mac }).execute();
  return hash;
}

function cli(env: Record<string, string>) {
  return spawnSync(process.execPath, [bin, 'audit', 'verify'], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe.each(DIALECTS)('the anchored audit log on %s', (dialect) => {
  it('passes when untouched, with signed checkpoints in the table and in the file', async () => {
    const { db, env, dir } = await openLog(dialect);
    await append(db, 250);
    const r = await verifyAudit(db.kysely);
    expect(r).toMatchObject({ ok: true, entries: 250, total: 250, problems: [] });
    expect(r.checkpoints).toBeGreaterThanOrEqual(2);
    expect(r.anchoredTo).toBeGreaterThanOrEqual(200);
    // Signed after the commits that crossed 100 and 200: each names the head committed by then.
    const lines = fs.readFileSync(path.join(dir, CHECKPOINT_FILE), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { count: number; headSeq: number });
    expect(lines).toHaveLength(r.checkpoints);
    expect(lines.every((c) => c.count === c.headSeq && c.count >= 100)).toBe(true);
    const ok = cli(env);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`审计日志完整：250 条记录，SM3 链与 HMAC-SM3 校验码校验通过，${r.checkpoints} 个签名检查点有效，最近一个至第 ${r.anchoredTo} 条`);
  });

  it('catches a cut tail, also once the table’s checkpoints are deleted, and a tail cut and written again', async () => {
    const { db } = await openLog(dialect);
    await append(db, 150);
    await checkpointAtShutdown(db.kysely);
    await db.kysely.deleteFrom('audit_log').where('seq', '>', 120).execute();
    const cut = await verifyAudit(db.kysely);
    expect(cut.ok).toBe(false);
    expect(cut.problems).toEqual([{ seq: 150, reason: expect.stringContaining('日志被截断') }]);
    expect(cut.problem?.reason).toContain('记载至第 150 条共 150 条，现只到第 120 条共 120 条');

    // The file beside the data still has them.
    await db.kysely.deleteFrom('audit_checkpoints').execute();
    expect((await verifyAudit(db.kysely)).problems).toEqual([{ seq: 150, reason: expect.stringContaining('日志被截断') }]);

    // The platform goes on appending after the cut: back to 150 entries, but not the same ones.
    await append(db, 30, 1000);
    const regrown = await verifyAudit(db.kysely);
    expect(regrown.ok).toBe(false);
    // The periodic checkpoint signed whatever head was committed after 100 was crossed: past 120 too, likely.
    expect(regrown.problems.map((p) => p.seq)).toContain(150);
    expect(regrown.problems.every((p) => p.seq > 120 && p.reason.includes('与签名检查点'))).toBe(true);
  });

  it('catches an entry forged onto the end with a correct SM3 link, and `onething audit verify` says so and fails', async () => {
    const { db, env } = await openLog(dialect);
    await append(db, 5);
    const head = await headOf(db);
    const forged = await forge(db, 6, head.hash, null);
    const bare = await verifyAudit(db.kysely);
    expect(bare).toMatchObject({ ok: false, entries: 5, total: 6 });
    expect(bare.problems).toEqual([{ seq: 6, reason: expect.stringContaining('没有 HMAC-SM3 校验码') }]);

    await forge(db, 7, forged, randomBytes(32).toString('hex'), 1000);
    expect((await verifyAudit(db.kysely)).problems).toEqual([
      { seq: 6, reason: expect.stringContaining('没有 HMAC-SM3 校验码') },
      { seq: 7, reason: expect.stringContaining('HMAC-SM3 校验码不符') },
    ]);
    const r = cli(env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('审计日志被篡改：发现 2 处问题（共 7 条记录，第一处问题之前 5 条完好；尚无签名检查点）');
    expect(r.stderr).toContain('第 7 条，HMAC-SM3 校验码不符（记录是伪造的，或被修改后重算了摘要链）。');
  });

  it('catches an entry altered with every later link recomputed', async () => {
    const { db } = await openLog(dialect);
    await append(db, 10);
    const rows = await db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    let prev = GENESIS;
    for (const r of rows) {
      const detail = Number(r.seq) === 3 ? JSON.stringify({ n: 'rewritten' }) : r.detail;
      const hash = entryHash(prev, { ...r, detail });
      await db.kysely.updateTable('audit_log').set({ detail, prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
      prev = hash;
    }
    const r = await verifyAudit(db.kysely);
    expect(r).toMatchObject({ ok: false, entries: 2 });
    expect(r.problems.map((p) => p.seq)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.problem?.reason).toContain('HMAC-SM3 校验码不符');
  });

  it('reports a checkpoint whose signature does not hold, and a signing key swapped for another', async () => {
    const { db } = await openLog(dialect);
    await append(db, 100);
    // A tail cut, with the table's checkpoint edited to match and the file's line removed.
    await db.kysely.deleteFrom('audit_log').where('seq', '>', 90).execute();
    const head = await headOf(db);
    await db.kysely.updateTable('audit_checkpoints').set({ count: 90, head_seq: 90, head_hash: head.hash }).execute();
    fs.rmSync(requireAnchor(db.kysely).checkpointFile as string);
    const edited = await verifyAudit(db.kysely);
    expect(edited.problems).toEqual([{ seq: 90, reason: expect.stringContaining('SM2 签名不符') }]);
    expect(edited).toMatchObject({ ok: false, checkpoints: 0, entries: 90 });

    // Their own key pair in place of the platform's, and a checkpoint signed with it.
    const theirs = generateSealKeyPair();
    await db.kysely.updateTable('seals').set({ public_pem: theirs.publicKeyPem }).where('department', '=', PLATFORM_SEAL).execute();
    const cp = { kind: 'periodic' as const, count: 90, headSeq: 90, headHash: head.hash, at: '2025-09-29T05:00:00Z' };
    await db.kysely.updateTable('audit_checkpoints').set({ signature: sm2Sign(theirs.privateKeyPem, checkpointMessage(cp)) }).execute();
    const swapped = await verifyAudit(db.kysely);
    expect(swapped.ok).toBe(false);
    expect(swapped.problems).toEqual([{ seq: 0, reason: '平台签名公钥与其私钥不配对（公钥被替换）' }]);
  });

  it('vouches for entries written before MACs by the first start’s checkpoint, and for no later one without a MAC', async () => {
    const { db } = await openLog(dialect);
    // As the platform wrote them before: chained, no MAC.
    let prev = GENESIS;
    for (let seq = 1; seq <= 4; seq++) prev = await forge(db, seq, prev, null, seq);
    const before = await verifyAudit(db.kysely);
    expect(before.ok).toBe(false);
    expect(before.problems).toEqual([{ seq: 1, reason: expect.stringContaining('自此起 4 条记录没有 HMAC-SM3 校验码') }]);

    expect(await checkpointAtStart(db.kysely)).toMatchObject({ kind: 'legacy', count: 4, headSeq: 4 });
    await append(db, 3);
    expect(await verifyAudit(db.kysely)).toMatchObject({ ok: true, entries: 7, checkpoints: 1, anchoredTo: 4 });

    // One without a MAC after them is forged, and a later start does not vouch for it.
    await forge(db, 8, (await headOf(db)).hash, null);
    expect(await checkpointAtStart(db.kysely)).toMatchObject({ kind: 'start', count: 8 });
    const r = await verifyAudit(db.kysely);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ seq: 8, reason: expect.stringContaining('自此起 1 条记录没有 HMAC-SM3 校验码') }]);
  });
});
