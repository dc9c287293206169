/**
 * The audit log: every state change and every read of full personal data, append-only, each entry
 * chained to the one before by SM3 so that altering, removing or reordering an entry is detected.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { canonicalJson } from '../../crypto/canonical.ts';
import type { Dialect } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

export const GENESIS = '0'.repeat(64);

export function entryHash(prev: string, e: { at: string; actor: string; action: string; entity: string; entity_id: string; detail: string }): string {
  const body = canonicalJson({ at: e.at, actor: e.actor, action: e.action, entity: e.entity, entity_id: e.entity_id, detail: e.detail });
  return createHash('sm3').update(prev).update(body).digest('hex');
}

/** Appends inside the caller's transaction, so the entries land if and only if the change does. */
export async function appendAudit(trx: Kysely<Database>, dialect: Dialect, at: string, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(724301)`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let prev = last?.hash ?? GENESIS;
  const rows = entries.map((entry) => {
    const row = { at, actor: entry.actor, action: entry.action, entity: entry.entity, entity_id: entry.entityId, detail: canonicalJson(entry.detail ?? {}) };
    const chained = { ...row, prev_hash: prev, hash: entryHash(prev, row) };
    prev = chained.hash;
    return chained;
  });
  await trx.insertInto('audit_log').values(rows).execute();
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  problem?: { seq: number; reason: string };
}

export async function verifyAudit(db: Kysely<Database>): Promise<AuditVerification> {
  let prev = GENESIS;
  let entries = 0;
  let after = -1;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(1000).execute();
    if (rows.length === 0) return { ok: true, entries };
    for (const r of rows) {
      if (r.prev_hash !== prev) return { ok: false, entries, problem: { seq: r.seq, reason: '与前一条记录的链接断开（记录被删除、插入或调换）' } };
      if (entryHash(prev, r) !== r.hash) return { ok: false, entries, problem: { seq: r.seq, reason: '记录内容与其摘要不符（记录被修改）' } };
      prev = r.hash;
      entries++;
      after = r.seq;
    }
  }
}
