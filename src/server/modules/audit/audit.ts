/**
 * The audit log: every state change and every read of full personal data, append-only, each entry
 * chained to the one before by SM3 so that altering, removing or reordering an entry is detected,
 * and anchored outside the database (anchor.ts) so that re-chaining, forging or cutting it is too.
 */
import { sql, type Kysely } from 'kysely';
import { canonicalJson } from '../../crypto/canonical.ts';
import type { Dialect } from '../../db/connect.ts';
import { insertRows, prepared } from '../../db/prepared.ts';
import type { Database } from '../../db/schema.ts';
import { APPEND_LOCK, entryMac, requireAnchor } from './anchor.ts';
import { entryHash, GENESIS } from './chain.ts';

export { entryHash, GENESIS } from './chain.ts';
export { verifyAudit, type AuditProblem, type AuditVerification } from './verify.ts';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

const head = prepared((db) => db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1));

/** Appends inside the caller's transaction, so the entries land if and only if the change does. */
export async function appendAudit(trx: Kysely<Database>, dialect: Dialect, at: string, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const anchor = requireAnchor(trx);
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(APPEND_LOCK)})`.execute(trx);
  const last = await head.first(trx);
  let prev = last?.hash ?? GENESIS;
  // The sequence is set here, not by the database, because the MAC covers it; the lock (PostgreSQL)
  // or the single writer (SQLite) keeps it unique.
  const first = last ? Number(last.seq) + 1 : 1;
  const rows = entries.map((entry, i) => {
    const row = { at, actor: entry.actor, action: entry.action, entity: entry.entity, entity_id: entry.entityId, detail: canonicalJson(entry.detail ?? {}) };
    const hash = entryHash(prev, row);
    const chained = { seq: first + i, ...row, prev_hash: prev, hash, mac: entryMac(anchor.key, first + i, hash) };
    prev = hash;
    return chained;
  });
  await insertRows(trx, 'audit_log', rows);
  const newHead = first + entries.length - 1;
  if (Math.floor(newHead / anchor.every) > Math.floor((first - 1) / anchor.every)) anchor.schedule();
}
