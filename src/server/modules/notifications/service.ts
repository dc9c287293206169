/**
 * Notifications: an inbox entry for every event that concerns an account, and an SMS (and e-mail)
 * through the outbox, so the message goes out only if the change it reports was committed.
 */
import type { Kysely } from 'kysely';
import { insertRows } from '../../db/prepared.ts';
import type { Database } from '../../db/schema.ts';
import { newRowId } from '../../ids.ts';

export interface Notice {
  accountId: string;
  kind: 'accepted' | 'rejected' | 'supplement' | 'decided' | 'result' | 'stopped' | 'withdrawn' | 'rating-reply' | 'rectification' | 'commitment-due' | 'corrections' | 'resubmitted' | 'urge' | 'consultation'
    | 'catalogue-review' | 'catalogue-revision' | 'catalogue-published' | 'licence-expiring' | 'offer' | 'fee';
  title: string;
  body: string;
  caseId?: string;
}

export async function enqueue(trx: Kysely<Database>, kind: string, deliveryId: string, payload: unknown, at: string): Promise<void> {
  await insertRows(trx, 'outbox', [{
    kind, delivery_id: deliveryId, payload: JSON.stringify(payload), status: 'pending', attempts: 0, next_attempt_at: at,
    locked_by: null, locked_until: null, last_error: null, created_at: at, delivered_at: null,
  }], 'delivery_id');
}

/** With `once`, a notice with that key is given at most once, however often it is asked for; false if it was already. */
export async function notify(trx: Kysely<Database>, notice: Notice, at: string, once?: string): Promise<boolean> {
  const id = once ?? newRowId();
  const inserted = await insertRows(trx, 'notifications', [{
    id, account_id: notice.accountId, kind: notice.kind, title: notice.title, body: notice.body, case_id: notice.caseId ?? null, created_at: at, read_at: null,
  }], 'id');
  if (inserted === 0) return false;
  await enqueue(trx, 'message', `message:${id}`, { accountId: notice.accountId, text: `【一件事】${notice.title}：${notice.body}` }, at);
  return true;
}
