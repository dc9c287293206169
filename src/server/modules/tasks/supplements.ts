/**
 * The task's 补正 history: each request as asked (by whom, when, what) and what came in answer
 * (files uploaded for each material since the request, facts given, by whom, when). The task's own
 * state keeps only the open request; a row here outlives it, so a second request keeps the first.
 */
import type { Kysely } from 'kysely';
import type { SupplementEntry, SupplementRequest } from '../../../core/case/supplement.ts';
import type { SupplementRecord } from '../../../contracts/tasks.ts';
import type { Database } from '../../db/schema.ts';
import type { FieldCipher } from '../../deps.ts';
import { newRowId } from '../../ids.ts';

interface StoredAnswer {
  files: { material: string; file: string }[];
  facts: { key: string; sealed: string }[];
}

/** Files a person handed in (not exemption evidence nor an earlier item's result). */
const HANDED_IN = ['upload', 'window'] as const;

/** The files of the requested materials uploaded after the request: what counts as supplied. */
export async function filesSince(db: Kysely<Database>, caseId: string, request: SupplementRequest) {
  const materials = (request.entries ?? []).filter((e) => e.kind === 'material').map((e) => e.key);
  if (materials.length === 0) return [];
  const since = request.requestedAt ?? request.requestedOn;
  return db.selectFrom('case_files').select(['id', 'material_id', 'name', 'created_at'])
    .where('case_id', '=', caseId).where('status', '=', 'attached').where('source', 'in', HANDED_IN)
    .where('material_id', 'in', materials).where('created_at', '>', since).orderBy('created_at').execute();
}

/** A person as the history names them: the account's name, or the department's system. */
export async function nameOf(db: Kysely<Database>, accountId: string | null, fallback: string): Promise<string> {
  if (!accountId) return fallback;
  const a = await db.selectFrom('accounts').select('display_name').where('id', '=', accountId).executeTakeFirst();
  return a?.display_name ?? fallback;
}

export async function recordRequest(
  trx: Kysely<Database>, r: { caseId: string; item: string; at: string; actor: string; actorName: string; entries: SupplementEntry[]; note: string },
): Promise<void> {
  await trx.insertInto('supplements').values({
    id: newRowId(), case_id: r.caseId, item_id: r.item, requested_at: r.at, requested_by: r.actor, requested_by_name: r.actorName,
    request: JSON.stringify({ entries: r.entries, note: r.note }), answered_at: null, answered_by: null, answered_by_name: null, answer: null,
  }).execute();
}

/** Writes the answer on the task's open request (a request stored before this table has no row: nothing to write). */
export async function recordAnswer(
  trx: Kysely<Database>, cipher: FieldCipher,
  a: { caseId: string; item: string; at: string; actor: string; actorName: string; files: { material: string; file: string }[]; facts: { key: string; value: string }[] },
): Promise<void> {
  const open = await trx.selectFrom('supplements').select('id').where('case_id', '=', a.caseId).where('item_id', '=', a.item)
    .where('answered_at', 'is', null).orderBy('requested_at', 'desc').executeTakeFirst();
  if (!open) return;
  const answer: StoredAnswer = { files: a.files, facts: a.facts.map((f) => ({ key: f.key, sealed: cipher.encrypt(f.value) })) };
  await trx.updateTable('supplements').set({ answered_at: a.at, answered_by: a.actor, answered_by_name: a.actorName, answer: JSON.stringify(answer) })
    .where('id', '=', open.id).execute();
}

/**
 * Every request of the task, oldest first, with what came: an answered request shows the files it
 * was answered with, an open one the files uploaded so far. Facts are opened for the department.
 */
export async function supplementHistory(db: Kysely<Database>, cipher: FieldCipher, caseId: string, item: string): Promise<SupplementRecord[]> {
  const rows = await db.selectFrom('supplements').selectAll().where('case_id', '=', caseId).where('item_id', '=', item).orderBy('requested_at').execute();
  if (rows.length === 0) return [];
  const files = await db.selectFrom('case_files').select(['id', 'material_id', 'name', 'created_at'])
    .where('case_id', '=', caseId).where('source', 'in', HANDED_IN).orderBy('created_at').execute();
  return rows.map((r) => {
    const request = JSON.parse(r.request) as { entries: SupplementEntry[]; note: string };
    const answer = r.answer ? (JSON.parse(r.answer) as StoredAnswer) : null;
    const given = answer ? new Set(answer.files.map((f) => f.file)) : null;
    return {
      requestedAt: r.requested_at, requestedBy: r.requested_by_name, note: request.note,
      entries: request.entries.map((e) => ({
        ...e,
        files: e.kind !== 'material' ? [] : files
          .filter((f) => f.material_id === e.key && (given ? given.has(f.id) : f.created_at > r.requested_at))
          .map((f) => ({ id: f.id, name: f.name, uploadedAt: f.created_at })),
        answer: (() => {
          const fact = answer?.facts.find((f) => f.key === e.key);
          return fact ? cipher.decrypt(fact.sealed) : null;
        })(),
      })),
      answeredAt: r.answered_at, answeredBy: r.answered_by_name,
    };
  });
}
