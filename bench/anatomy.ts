/**
 * Where a complete case's time goes, measured in-process (no HTTP client competing for the CPU):
 * the API way of bench/http.ts driven through app.inject on SQLite, with every SQLite statement timed.
 * SQLite has a single writer, so the time its writes and commits take per case bounds the case rate
 * however many processes serve; SM2 signatures are timed beside it.
 */
import { generateSealKeyPair, sm2Sign } from '../src/server/crypto/sm2.ts';
import { startHarness } from '../src/server/testing/harness.ts';
import { watchStatements } from '../src/server/testing/statements.ts';
import { createWorker } from '../src/server/worker/outbox.ts';
import { apiWayInProcess } from './api-way.ts';
import { fmt, timeSync } from './measure.ts';

type Kind = 'read' | 'write' | 'commit';
const spent: Record<Kind, { n: number; ms: number }> = { read: { n: 0, ms: 0 }, write: { n: 0, ms: 0 }, commit: { n: 0, ms: 0 } };

/** Times every statement better-sqlite3 runs in this process, by kind. */
function instrumentSqlite(): void {
  watchStatements((source, reader, run) => {
    const kind: Kind = /^\s*commit/i.test(source) ? 'commit' : reader ? 'read' : 'write';
    const t0 = performance.now();
    try {
      return run();
    } finally {
      spent[kind].n++;
      spent[kind].ms += performance.now() - t0;
    }
  });
}

export async function benchAnatomy(seconds: number): Promise<{ writerCeiling: number }> {
  console.log('\n## Where a complete case goes (in-process, API way, SQLite)');
  instrumentSqlite();
  const h = await startHarness('sqlite', { ONETHING_COOKIE_SECURE: 'off' }, new Date().toISOString());
  // Checkpoints off the request path, as `npm start` runs them.
  const stopCheckpoints = h.deps.db.checkpointInBackground?.();
  try {
    const worker = createWorker(h.deps);
    const oneCase = await apiWayInProcess(h);
    const lifecycle = async () => {
      await oneCase();
      await worker.runOnce(100);
    };
    for (let i = 0; i < 30; i++) await lifecycle();
    const signaturesBefore = await countSignatures(h);
    for (const k of Object.values(spent)) Object.assign(k, { n: 0, ms: 0 });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let cases = 0;
    while (performance.now() - started < seconds * 1000) {
      await lifecycle();
      cases++;
    }
    const perCase = (performance.now() - started) / cases;
    // CPU time, every thread of the process: steadier than the clock when neighbours load the machine.
    const cpu = process.cpuUsage(cpuBefore);
    const cpuPerCase = (cpu.user + cpu.system) / 1000 / cases;
    const signatures = ((await countSignatures(h)) - signaturesBefore) / cases;
    const pair = generateSealKeyPair();
    const sign = timeSync((i) => sm2Sign(pair.privateKeyPem, `{"n":${i}}`), Math.max(0.5, seconds / 8), 50);
    const per = (k: Kind) => ({ n: spent[k].n / cases, ms: spent[k].ms / cases });
    const [read, write, commit] = [per('read'), per('write'), per('commit')];
    const writer = write.ms + commit.ms;
    const signing = (signatures * 1000) / sign.perSecond;
    console.log(`one complete case, sequentially on one core: ${fmt(perCase, 2)} ms (${fmt(1000 / perCase, 1)} cases/s); CPU ${fmt(cpuPerCase, 2)} ms per case; ${fmt((read.n + write.n + commit.n), 1)} statements per case`);
    console.log(`  SQLite reads: ${fmt(read.n, 1)} statements, ${fmt(read.ms, 2)} ms; writes: ${fmt(write.n, 1)} statements, ${fmt(write.ms, 2)} ms; commits: ${fmt(commit.n, 1)}, ${fmt(commit.ms, 2)} ms`);
    // Timed back to back, the pool of nonces made ahead runs dry: this is the cost of a k·G made on the spot, an upper bound.
    console.log(`  SM2 signatures (e-licenses, material receipts): ${fmt(signatures, 1)}, at most ${fmt(signing, 2)} ms at ${fmt(sign.perSecond)} signatures/s (less when their k·G was made ahead in the thread pool)`);
    console.log(`  everything else (HTTP handling, planning, JSON, audit chain, SM4, Kysely): ${fmt(perCase - read.ms - writer - signing, 2)} ms`);
    console.log(`SQLite's single writer spends ${fmt(writer, 2)} ms per case on writes and commits: at most ${fmt(1000 / writer)} cases/s however many processes serve`);
    return { writerCeiling: 1000 / writer };
  } finally {
    await stopCheckpoints?.();
    await h.close();
  }
}

async function countSignatures(h: Awaited<ReturnType<typeof startHarness>>): Promise<number> {
  const db = h.deps.db.kysely;
  const licenses = await db.selectFrom('licenses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  // Movements sealed together (circulation recordMovements) share one signature.
  const sent = await db.selectFrom('circulation').select((eb) => eb.fn.count<number>('sender_signature').distinct().as('n')).executeTakeFirstOrThrow();
  const received = await db.selectFrom('circulation').select((eb) => eb.fn.countAll<number>().as('n')).where('receiver_signature', 'is not', null).executeTakeFirstOrThrow();
  return Number(licenses.n) + Number(sent.n) + Number(received.n);
}
