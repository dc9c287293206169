/** The platform itself: catalogue versions, counters, the outbox, idempotency, notices, the message log, the audit log and shared data. */
import type { Generated } from 'kysely';

export interface CatalogueVersionTable {
  version: number;
  status: 'published' | 'draft';
  documents: string;
  created_at: string;
  published_at: string | null;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  delivery_id: string;
  payload: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  next_attempt_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface IdempotencyTable {
  scope: string;
  key: string;
  response: string;
  created_at: string;
}

export interface NotificationTable {
  id: string;
  account_id: string;
  kind: string;
  title: string;
  body: string;
  case_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface MessageLogTable {
  id: string;
  channel: 'sms' | 'email';
  recipient: string;
  body: string;
  created_at: string;
}

export interface AuditTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  detail: string;
  prev_hash: string;
  hash: string;
  /** HMAC-SM3 over seq and hash under the audit key; null on entries written before it existed. */
  mac: string | null;
}

/** A signed statement of the audit log's length and head, to catch a cut or rewritten tail. */
export interface AuditCheckpointTable {
  id: Generated<number>;
  kind: string;
  count: number;
  head_seq: number;
  head_hash: string;
  at: string;
  signature: string;
}

export interface SharedRecordTable {
  kind: string;
  key: string;
  data: string;
}
