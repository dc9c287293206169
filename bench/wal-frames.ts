/**
 * `node --import tsx bench/wal-frames.ts [cases]`: drives complete 退休 cases the API way in-process
 * (as bench/profile-case.ts), with checkpoints held off, then reads the WAL: the pages each case writes
 * (frames), by the table or index that owns them (SQLite's dbstat), and the commits per case. Each
 * page a commit touches is written whole, so this shows which tables and indexes a change to the
 * write path should look at.
 */
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { startHarness } from '../src/server/testing/harness.ts';
import { createWorker } from '../src/server/worker/outbox.ts';
import { apiWayInProcess } from './api-way.ts';
const h = await startHarness('sqlite', { ONETHING_COOKIE_SECURE: 'off' }, new Date().toISOString(), { checkContracts: false });
const worker = createWorker(h.deps);
const oneCase = await apiWayInProcess(h);
for (let i = 0; i < 100; i++) { await oneCase(); await worker.runOnce(100); }
const k = h.deps.db.kysely;
await sql`pragma wal_checkpoint(TRUNCATE)`.execute(k);
await sql`pragma wal_autocheckpoint = 0`.execute(k);
const N = Number(process.argv[2] ?? 50);
for (let i = 0; i < N; i++) { await oneCase(); await worker.runOnce(100); }
const file = (await sql<{ file: string }>`pragma database_list`.execute(k)).rows[0]!.file;
const wal = fs.readFileSync(file + '-wal');
const pageSize = wal.readUInt32BE(8);
const frames = new Map<number, number>();
let commits = 0; let total = 0;
for (let off = 32; off + 24 + pageSize <= wal.length; off += 24 + pageSize) {
  const pg = wal.readUInt32BE(off); const commit = wal.readUInt32BE(off + 4);
  frames.set(pg, (frames.get(pg) ?? 0) + 1); total++; if (commit) commits++;
}
const ro = new SQLite(file, { readonly: true });
const owners = new Map<number, string>();
try { for (const r of ro.prepare('select name, pageno, pagetype from dbstat').all() as { name: string; pageno: number; pagetype: string }[]) owners.set(r.pageno, r.name + (r.pagetype === 'overflow' ? ' (overflow)' : '')); } catch (e) { console.log('dbstat:', (e as Error).message); }
const by = new Map<string, number>();
for (const [pg, n] of frames) { const o = owners.get(pg) ?? (pg === 1 ? 'header' : 'free/new'); by.set(o, (by.get(o) ?? 0) + n); }
console.log(`${N} cases: ${(total / N).toFixed(1)} WAL frames per case, ${(commits / N).toFixed(1)} commits per case, page ${pageSize}`);
for (const [o, n] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(n / N).toFixed(2).padStart(7)}  ${o}`);
await h.close();
