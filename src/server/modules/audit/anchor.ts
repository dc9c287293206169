/**
 * What anchors the audit chain outside the database. The SM3 chain alone can be rewritten by
 * anyone who can write the database; so each entry also carries an HMAC-SM3 under a key derived
 * from the field key, and SM2-signed checkpoints of the log's length and head go both to a table and
 * to a file beside the data. Without the field key one can then neither append, nor re-chain, nor
 * cut the tail unnoticed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Clock } from '../../clock.ts';
import { canonicalJson } from '../../crypto/canonical.ts';
import { generateSealKeyPair, sm2Sign, sm2Verify } from '../../crypto/sm2.ts';
import { hmacSm3Hex } from '../../crypto/sm3.ts';
import { openKeyMaterial } from '../../crypto/sm4.ts';
import type { Db, Dialect } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type { FieldCipher } from '../../deps.ts';

/** A checkpoint is signed each time the log's sequence crosses a multiple of this. */
export const CHECKPOINT_EVERY = 100;
/** In the data directory; several processes may append to it, one line per checkpoint. */
export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';
/** The platform's own signing key, kept with the departments' seals. */
export const PLATFORM_SEAL = 'platform';
/** Serialises appends (and checkpoints) on PostgreSQL, per transaction. */
export const APPEND_LOCK = 724301;

export type CheckpointKind = 'periodic' | 'start' | 'shutdown' | 'legacy';

export interface Checkpoint {
  kind: CheckpointKind;
  /** Entries up to and including headSeq. */
  count: number;
  headSeq: number;
  headHash: string;
  at: string;
}

export interface SignedCheckpoint extends Checkpoint {
  signature: string;
}

export interface AnchorOptions {
  /** Derived from the field key by whoever holds it; never the field key itself. */
  key: Buffer;
  /** Opens the platform's private signing key. */
  cipher: FieldCipher;
  clock: Clock;
  checkpointFile: string | null;
  every?: number;
}

/**
 * Travels with a Kysely instance into its transactions as a (do-nothing) plugin, so appendAudit
 * finds the key in the `trx` its callers already pass.
 */
export class AuditAnchor implements KyselyPlugin {
  readonly key: Buffer;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly checkpointFile: string | null;
  readonly every: number;
  root!: Kysely<Database>;
  dialect!: Dialect;
  /** Where a checkpoint written in the background reports failure; the next one catches up. */
  onError: (err: unknown) => void = () => {};
  private pending: Promise<void> = Promise.resolve();
  private queued = false;
  private seal: { privateKeyPem: string; publicKeyPem: string } | null = null;
  /** The newest checkpoint this process wrote: read back unchanged, it is trusted without verifying. */
  lastSigned: SignedCheckpoint | null = null;

  constructor(options: AnchorOptions) {
    this.key = options.key;
    this.cipher = options.cipher;
    this.clock = options.clock;
    this.checkpointFile = options.checkpointFile;
    this.every = options.every ?? CHECKPOINT_EVERY;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  /**
   * After the caller's commit, not inside it: a checkpoint from a transaction that then rolled back
   * would claim entries the log never got. The writer waits on the append lock (PostgreSQL) or the
   * one connection (SQLite), so it signs what is committed. Crossings while one is being written
   * queue one more.
   */
  schedule(): void {
    if (this.queued) return;
    this.queued = true;
    this.pending = this.pending
      .then(async () => {
        this.queued = false;
        await writeCheckpoint(this.root, 'periodic');
      })
      .catch((err: unknown) => this.onError(err));
  }

  /** Resolves once the checkpoints queued so far are written (or have failed). */
  settled(): Promise<void> {
    return this.pending;
  }

  async platformSeal(): Promise<{ privateKeyPem: string; publicKeyPem: string }> {
    if (this.seal) return this.seal;
    const db = this.root;
    let row = await db.selectFrom('seals').selectAll().where('department', '=', PLATFORM_SEAL).executeTakeFirst();
    if (!row) {
      const pair = generateSealKeyPair();
      await db.insertInto('seals').values({ department: PLATFORM_SEAL, public_pem: pair.publicKeyPem, private_enc: this.cipher.encrypt(pair.privateKeyPem), created_at: this.clock.now().toISOString() })
        .onConflict((oc) => oc.column('department').doNothing()).execute();
      row = await db.selectFrom('seals').selectAll().where('department', '=', PLATFORM_SEAL).executeTakeFirstOrThrow();
    }
    // Kept for the process: a public key swapped in the database later cannot redirect signing.
    this.seal = { privateKeyPem: openKeyMaterial(this.cipher, row.private_enc), publicKeyPem: row.public_pem };
    return this.seal;
  }
}

/** The database with its audit log anchored: its Kysely instance (and every transaction of it) carries the key. */
export function anchorAuditLog(db: Db, options: AnchorOptions): Db {
  const anchor = new AuditAnchor(options);
  const kysely = db.kysely.withPlugin(anchor);
  anchor.root = kysely;
  anchor.dialect = db.dialect;
  return { ...db, kysely };
}

export function anchorOf(db: Kysely<Database>): AuditAnchor | undefined {
  // getExecutor is marked internal in Kysely's types, but it is how a plugin instance is reached again.
  return db.getExecutor().plugins.find((p): p is AuditAnchor => p instanceof AuditAnchor);
}

export function requireAnchor(db: Kysely<Database>): AuditAnchor {
  const anchor = anchorOf(db);
  if (!anchor) throw new Error('审计日志未接入审计密钥：数据库须经 start.ts 的 openAnchoredDatabase 打开');
  return anchor;
}

export function entryMac(key: Buffer, seq: number, hash: string): string {
  return hmacSm3Hex(key, `onething.audit-entry:${seq}:${hash}`);
}

/** What is signed: named for its purpose, so a checkpoint's signature proves nothing else. */
export function checkpointMessage(c: Checkpoint): string {
  return canonicalJson({ purpose: 'onething.audit-checkpoint', kind: c.kind, count: c.count, headSeq: c.headSeq, headHash: c.headHash, at: c.at });
}

export function checkpointOfRow(r: { kind: string; count: number | string; head_seq: number | string; head_hash: string; at: string; signature: string }): SignedCheckpoint {
  return { kind: r.kind as CheckpointKind, count: Number(r.count), headSeq: Number(r.head_seq), headHash: r.head_hash, at: r.at, signature: r.signature };
}

/**
 * Signs the committed head of the log into the table, then into the file. Nothing is written when
 * the log is empty, or (but for the legacy anchor) when the newest checkpoint already names the head.
 */
export async function writeCheckpoint(db: Kysely<Database>, kind: CheckpointKind): Promise<SignedCheckpoint | null> {
  const anchor = requireAnchor(db);
  const seal = await anchor.platformSeal();
  const signed = await anchor.root.transaction().execute(async (trx) => {
    if (anchor.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(APPEND_LOCK)})`.execute(trx);
    const head = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (!head) return null;
    const headSeq = Number(head.seq);
    const lastRow = await trx.selectFrom('audit_checkpoints').selectAll().orderBy('head_seq', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const last = lastRow ? checkpointOfRow(lastRow) : null;
    if (last && last.headSeq === headSeq && kind !== 'legacy') return null;
    // Counting from the newest checkpoint keeps this cheap on a long log; only one this key signed is trusted.
    // One this process signed itself needs no verifying again (an SM2 verification costs two scalar multiplications).
    const mine = anchor.lastSigned;
    const trusted = (l: SignedCheckpoint) => (mine !== null && l.signature === mine.signature && checkpointMessage(l) === checkpointMessage(mine)) || sm2Verify(seal.publicKeyPem, checkpointMessage(l), l.signature);
    const from = last && last.headSeq < headSeq && trusted(last) ? last : null;
    let q = trx.selectFrom('audit_log').select((eb) => eb.fn.countAll<number | string>().as('n')).where('seq', '<=', headSeq);
    if (from) q = q.where('seq', '>', from.headSeq);
    const { n } = await q.executeTakeFirstOrThrow();
    const cp: Checkpoint = { kind, count: (from?.count ?? 0) + Number(n), headSeq, headHash: head.hash, at: anchor.clock.now().toISOString() };
    const signature = sm2Sign(seal.privateKeyPem, checkpointMessage(cp));
    await trx.insertInto('audit_checkpoints').values({ kind, count: cp.count, head_seq: headSeq, head_hash: cp.headHash, at: cp.at, signature }).execute();
    return { ...cp, signature };
  });
  if (signed) anchor.lastSigned = signed;
  if (signed && anchor.checkpointFile) {
    fs.mkdirSync(path.dirname(anchor.checkpointFile), { recursive: true });
    // One write per line, opened for appending: lines from several processes do not interleave.
    fs.appendFileSync(anchor.checkpointFile, `${JSON.stringify(signed)}\n`);
  }
  return signed;
}

/** The checkpoints in the file, and the lines that are not checkpoints. */
export function readCheckpointFile(file: string | null): { checkpoints: SignedCheckpoint[]; badLines: number[] } {
  const checkpoints: SignedCheckpoint[] = [];
  const badLines: number[] = [];
  if (!file || !fs.existsSync(file)) return { checkpoints, badLines };
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const c = JSON.parse(line) as Partial<SignedCheckpoint>;
      if (typeof c.kind !== 'string' || !Number.isInteger(c.count) || !Number.isInteger(c.headSeq) || typeof c.headHash !== 'string' || typeof c.at !== 'string' || typeof c.signature !== 'string') throw new Error('not a checkpoint');
      checkpoints.push({ kind: c.kind as CheckpointKind, count: c.count as number, headSeq: c.headSeq as number, headHash: c.headHash, at: c.at, signature: c.signature });
    } catch {
      badLines.push(i + 1);
    }
  });
  return { checkpoints, badLines };
}

/**
 * At start (inside the start lock): a checkpoint of whatever the log holds, so that entries after a
 * crash are covered. The first start after the migration that brought MACs also vouches for the
 * entries written before it, which have none: only then, when the log ends in such an entry and
 * no checkpoint exists anywhere yet.
 */
export async function checkpointAtStart(db: Kysely<Database>): Promise<SignedCheckpoint | null> {
  const anchor = requireAnchor(db);
  const head = await db.selectFrom('audit_log').select(['seq', 'mac']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!head) return null;
  const any = await db.selectFrom('audit_checkpoints').select('id').limit(1).executeTakeFirst();
  const legacy = head.mac === null && !any && readCheckpointFile(anchor.checkpointFile).checkpoints.length === 0;
  return writeCheckpoint(db, legacy ? 'legacy' : 'start');
}

/** At shutdown: what is queued, then the head as it is. */
export async function checkpointAtShutdown(db: Kysely<Database>): Promise<SignedCheckpoint | null> {
  const anchor = requireAnchor(db);
  await anchor.settled();
  return writeCheckpoint(db, 'shutdown');
}
