/**
 * Verifying the audit log: the SM3 chain, each entry's HMAC-SM3, and the signed checkpoints from
 * the table and the file against the log's length and head.
 */
import type { Kysely } from 'kysely';
import { sm2Sign, sm2Verify } from '../../crypto/sm2.ts';
import { safeEqual } from '../../crypto/sm3.ts';
import type { Database } from '../../db/schema.ts';
import { PLATFORM_SEAL, checkpointMessage, checkpointOfRow, entryMac, readCheckpointFile, requireAnchor, type AuditAnchor, type SignedCheckpoint } from './anchor.ts';
import { entryHash, GENESIS } from './chain.ts';

export interface AuditProblem {
  /** The entry concerned (a checkpoint's head for a checkpoint; 0 for the signing key or the file). */
  seq: number;
  reason: string;
}

export interface AuditVerification {
  ok: boolean;
  /** All entries when ok; otherwise those before the first problem. */
  entries: number;
  total: number;
  /** Checkpoints whose signature holds, and the newest one's head. */
  checkpoints: number;
  anchoredTo: number | null;
  /** The first problem, and all of them (the first MAX_PROBLEMS; `more` counts the rest). */
  problem?: AuditProblem;
  problems: AuditProblem[];
  more: number;
}

const MAX_PROBLEMS = 20;
const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** The platform's public key, if the private key beside it opens under our field key and matches it. */
async function platformKey(db: Kysely<Database>, anchor: AuditAnchor): Promise<{ publicKeyPem: string } | { problem: string } | null> {
  const row = await db.selectFrom('seals').select(['public_pem', 'private_enc']).where('department', '=', PLATFORM_SEAL).executeTakeFirst();
  if (!row) return null;
  let privateKeyPem: string;
  try {
    privateKeyPem = anchor.cipher.decrypt(row.private_enc);
  } catch {
    return { problem: '平台签名密钥不是用本平台字段密钥加密的（密钥被替换）' };
  }
  const probe = 'onething.audit-key-check';
  if (!sm2Verify(row.public_pem, probe, sm2Sign(privateKeyPem, probe))) return { problem: '平台签名公钥与其私钥不配对（公钥被替换）' };
  return { publicKeyPem: row.public_pem };
}

export async function verifyAudit(db: Kysely<Database>): Promise<AuditVerification> {
  const anchor = requireAnchor(db);
  const problems: AuditProblem[] = [];
  let more = 0;
  let count = 0;
  let intact: number | null = null;
  // `before`: entries intact ahead of this one; not given for a checkpoint's or the key's own fault.
  const report = (seq: number, reason: string, before?: number) => {
    if (before !== undefined) intact = intact === null ? before : Math.min(intact, before);
    if (problems.length < MAX_PROBLEMS) problems.push({ seq, reason });
    else more++;
  };

  // The checkpoints, from both places; one written to both is counted once.
  const rows = await db.selectFrom('audit_checkpoints').selectAll().orderBy('head_seq').orderBy('id').execute();
  const file = readCheckpointFile(anchor.checkpointFile);
  for (const line of file.badLines) report(0, `检查点文件第 ${line} 行不是检查点（文件被改写）`);
  const bySignature = new Map<string, SignedCheckpoint>();
  for (const c of [...rows.map(checkpointOfRow), ...file.checkpoints]) bySignature.set(c.signature, c);
  const all = [...bySignature.values()];

  const key = await platformKey(db, anchor);
  const valid: SignedCheckpoint[] = [];
  if (key && 'problem' in key) report(0, key.problem);
  else if (!key && all.length > 0) report(0, `平台签名密钥缺失，${all.length} 个检查点无法验证（密钥被删除）`);
  else if (key) {
    for (const c of all) {
      if (sm2Verify(key.publicKeyPem, checkpointMessage(c), c.signature)) valid.push(c);
      else report(c.headSeq, `检查点（${c.at}，记载 ${c.count} 条）的 SM2 签名不符（检查点被伪造或篡改）`);
    }
  }
  // Entries without a MAC were written before MACs existed; only the legacy checkpoint vouches for them.
  const legacyUpTo = Math.max(0, ...valid.filter((c) => c.kind === 'legacy').map((c) => c.headSeq));
  const atSeq = new Map<number, SignedCheckpoint[]>();
  for (const c of valid) atSeq.set(c.headSeq, [...(atSeq.get(c.headSeq) ?? []), c]);
  const met = new Set<SignedCheckpoint>();

  let prev = GENESIS;
  let lastSeq = 0;
  let unanchored: { first: number; n: number; before: number } | null = null;
  for (;;) {
    const batch = await db.selectFrom('audit_log').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(1000).execute();
    if (batch.length === 0) break;
    for (const r of batch) {
      const seq = Number(r.seq);
      if (r.prev_hash !== prev) report(seq, '与前一条记录的链接断开（记录被删除、插入或调换）', count);
      // Against its own link, so a broken link and altered content are told apart.
      if (entryHash(r.prev_hash, r) !== r.hash) report(seq, '记录内容与其摘要不符（记录被修改）', count);
      if (r.mac === null) {
        if (seq > legacyUpTo) {
          unanchored ??= { first: seq, n: 0, before: count };
          unanchored.n++;
        }
      } else if (!safeEqual(Buffer.from(r.mac, 'utf8'), Buffer.from(entryMac(anchor.key, seq, r.hash), 'utf8'))) {
        report(seq, 'HMAC-SM3 校验码不符（记录是伪造的，或被修改后重算了摘要链）', count);
      }
      count++;
      for (const c of atSeq.get(seq) ?? []) {
        met.add(c);
        if (c.count !== count || c.headHash !== r.hash) {
          report(seq, `与签名检查点（${c.at}）不符：检查点记载到此共 ${c.count} 条、摘要 ${short(c.headHash)}，现为 ${count} 条、摘要 ${short(r.hash)}（日志被删改后重写）`, count - 1);
        }
      }
      prev = r.hash;
      lastSeq = seq;
    }
  }
  if (unanchored) {
    const u: { first: number; n: number; before: number } = unanchored;
    report(u.first, `自此起 ${u.n} 条记录没有 HMAC-SM3 校验码，也不在签名检查点担保的旧记录之内（伪造的记录；若是升级前的旧记录，启动一次服务即补签）`, u.before);
  }
  // Checkpoints whose head is gone: past the end, the tail was cut; before it, entries were removed.
  const missed = valid.filter((c) => !met.has(c)).sort((a, b) => a.headSeq - b.headSeq);
  const beyond = missed.filter((c) => c.headSeq > lastSeq).at(-1);
  for (const c of missed.filter((m) => m.headSeq <= lastSeq)) report(c.headSeq, `签名检查点（${c.at}）记载的第 ${c.headSeq} 条已不存在（记录被删除）`, count);
  if (beyond) report(beyond.headSeq, `日志被截断：签名检查点（${beyond.at}）记载至第 ${beyond.headSeq} 条共 ${beyond.count} 条，现只到第 ${lastSeq} 条共 ${count} 条`, count);

  const newest = valid.reduce<SignedCheckpoint | null>((a, c) => (a && a.headSeq >= c.headSeq ? a : c), null);
  const ok = problems.length === 0;
  problems.sort((a, b) => a.seq - b.seq);
  return {
    ok, entries: ok ? count : (intact ?? count), total: count, checkpoints: valid.length, anchoredTo: newest?.headSeq ?? null,
    ...(problems[0] ? { problem: problems[0] } : {}), problems, more,
  };
}
