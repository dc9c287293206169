/** Table types for Kysely. JSON is stored as text and booleans as 0/1, the same on SQLite and PostgreSQL. */
import type { ColumnType, Generated } from 'kysely';

export interface AccountTable {
  id: string;
  username: string;
  password_hash: string;
  role: 'applicant' | 'window' | 'reviewer' | 'lead' | 'admin' | 'auditor';
  display_name: string;
  department: string | null;
  subject: 'person' | 'enterprise' | null;
  id_number_enc: string | null;
  id_number_idx: string | null;
  phone_enc: string | null;
  email_enc: string | null;
  enterprise_uscc: string | null;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  account_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiClientTable {
  id: string;
  department: string;
  name: string;
  secret_enc: string;
  webhook_url: string | null;
  active: number;
  created_at: string;
}

export interface NonceTable {
  scope: string;
  nonce: string;
  seen_at: string;
}

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

export interface CaseTable {
  id: string;
  number: string;
  matter_id: string;
  catalogue_version: number;
  applicant_id: string;
  channel: 'online' | 'window';
  assisted_by: string | null;
  assisted_authority: string | null;
  status: string;
  /** The case as the core state machine knows it (src/core/case/case.ts), as JSON. */
  record: string;
  answers: string;
  chosen_items: string | null;
  form: string;
  plan: string | null;
  on_commitment: number;
  deferred: string;
  corrections: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
  closed_at: string | null;
  row_version: number;
  /** The clerk who entered a window application (011); null for online ones and older cases. */
  entered_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Materials replaced by a signed 告知承诺 (JSON list of material ids). */
  commitments: Generated<string>;
}

export interface CaseFileTable {
  id: string;
  case_id: string;
  material_id: string;
  source: 'upload' | 'window' | 'exemption' | 'result';
  file_hash: string | null;
  name: string;
  mime: string | null;
  size: number | null;
  evidence: string | null;
  status: 'attached' | 'returned';
  created_by: string;
  created_at: string;
}

export interface TaskTable {
  id: string;
  case_id: string;
  item_id: string;
  item_name: string;
  department: string;
  status: string;
  after: string;
  claimed_by: string | null;
  dispatched_on: string | null;
  due_date: string | null;
  /** The task as the core state machine knows it (src/core/case/task.ts), as JSON. */
  state: string;
  decided_at: string | null;
  updated_at: string;
  row_version: number;
}

export interface SealTable {
  department: string;
  public_pem: string;
  private_enc: string;
  created_at: string;
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

export interface LicenseTable {
  id: string;
  type: string;
  name: string;
  number: string;
  /** The account whose wallet keeps it (the holder, a guardian or an agent: see keeper). */
  holder_id: string;
  /** The holder: the person or enterprise the licence is about. */
  holder_name: string;
  holder_kind: 'person' | 'enterprise' | null;
  holder_credit_code: string | null;
  /** SM4-sealed. */
  holder_id_number_enc: string | null;
  /** How the wallet's account stands to the holder; null (before 008) is 'self'. */
  keeper: 'self' | 'guardian' | 'agent' | null;
  /** YYYY-MM-DD in China; null until: 长期有效. */
  valid_from: string | null;
  valid_until: string | null;
  case_id: string;
  task_id: string;
  department: string;
  data: string;
  issued_at: string;
  signature: string;
  revoked_at: string | null;
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

export interface CommitmentTable {
  id: string;
  case_id: string;
  material_id: string;
  text: string;
  signer_name: string;
  signed_by: string;
  signed_at: string;
  channel: 'online' | 'window';
  letter_file_id: string | null;
  supply_within_days: number | null;
  deadline: string | null;
  status: 'signed' | 'fulfilled' | 'breached';
  fulfilled_at: string | null;
  breached_at: string | null;
}

export interface CommitmentCheckTable {
  id: string;
  commitment_id: string;
  case_id: string;
  department: string;
  status: 'open' | 'done';
  due_date: string;
  opened_at: string;
  result: 'compliant' | 'non-compliant' | null;
  note: string | null;
  done_by: string | null;
  done_at: string | null;
}

export interface CommitmentBreachTable {
  id: string;
  commitment_id: string;
  case_id: string;
  account_id: string;
  material_id: string;
  reason: string;
  recorded_at: string;
}

export interface ConsultationTable {
  id: string;
  number: string;
  kind: string;
  source: string;
  account_id: string;
  case_id: string | null;
  matter_id: string | null;
  department: string;
  text: string;
  status: string;
  due_date: string;
  recorded_by: string | null;
  created_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  reopens: Generated<number>;
  reopen_note: string | null;
  closed_at: string | null;
}

export interface UrgeTable {
  id: string;
  case_id: string;
  task_id: string;
  item_id: string;
  department: string;
  deadline: string;
  note: string;
  urged_by: string;
  urged_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export interface RatingTable {
  id: string;
  case_id: string;
  account_id: string;
  level: number;
  tags: string;
  comment: string;
  channel: string;
  created_at: string;
  superseded_at: string | null;
  event: Generated<'acceptance' | 'completion'>;
  clerk_id: string | null;
}

export interface RectificationTable {
  id: string;
  rating_id: string;
  case_id: string;
  department: string;
  status: 'open' | 'verified' | 'appealed' | 'replied' | 'closed' | 'dismissed';
  due_date: string;
  reply: string | null;
  replied_by: string | null;
  replied_at: string | null;
  created_at: string;
  verified_at: string | null;
  verified_by: string | null;
  verification_note: string | null;
  appeal_reason: string | null;
  appealed_at: string | null;
  appealed_by: string | null;
  appeal_decision: 'upheld' | 'rejected' | null;
  appeal_note: string | null;
  appeal_decided_by: string | null;
  appeal_decided_at: string | null;
  follow_up_at: string | null;
  follow_up_by: string | null;
  follow_up_result: 'satisfied' | 'unsatisfied' | null;
  follow_up_note: string | null;
  /** Every step (核实, 申诉, 申诉决定, 整改, 回访) as JSON, oldest first. */
  history: Generated<string>;
}

export interface CirculationTable {
  id: string;
  case_id: string;
  material_id: string | null;
  kind: 'online-push' | 'handover' | 'courier' | 'return' | 'result-pickup' | 'result-post';
  from_party: string;
  to_party: string;
  waybill: string | null;
  sent_by: string;
  sent_at: string;
  sender_signature: string;
  received_by: string | null;
  received_at: string | null;
  receiver_signature: string | null;
}

export interface JointReviewTable {
  id: string;
  case_id: string;
  kind: 'review' | 'inspection' | 'acceptance';
  organiser: string;
  task_ids: string;
  held_on: string;
  outcome: string;
  recorded_by: string;
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

/** A supplement request of a task and its answer (migration 010); JSON as text. */
export interface SupplementTable {
  id: string;
  case_id: string;
  item_id: string;
  requested_at: string;
  requested_by: string;
  requested_by_name: string;
  /** { entries, note } as the core's SupplementRequest has them. */
  request: string;
  answered_at: string | null;
  answered_by: string | null;
  answered_by_name: string | null;
  /** { files: [{ material, file }], facts: [{ key, sealed }] }: the facts SM4-sealed. */
  answer: string | null;
}

export interface SharedRecordTable {
  kind: string;
  key: string;
  data: string;
}

/** A blind index of a value the window searches cases by (011): kind, keyed hash, case. */
export interface CaseSearchKeyTable {
  kind: 'idNumber' | 'name' | 'phone' | 'uscc' | 'enterpriseName';
  key: string;
  case_id: string;
  /** Where the value came from: the applicant's account, or the case's form (rewritten as it changes). */
  origin: 'account' | 'form';
}

/** The query code printed on a receipt (011): a keyed hash to check, SM4-sealed to reprint. */
export interface ProgressCodeTable {
  case_id: string;
  code_hash: string;
  code_enc: string;
  created_at: string;
}

export interface Database {
  accounts: AccountTable;
  sessions: SessionTable;
  api_clients: ApiClientTable;
  nonces: NonceTable;
  catalogue_versions: CatalogueVersionTable;
  counters: CounterTable;
  cases: CaseTable;
  case_files: CaseFileTable;
  tasks: TaskTable;
  outbox: OutboxTable;
  idempotency: IdempotencyTable;
  licenses: LicenseTable;
  notifications: NotificationTable;
  message_log: MessageLogTable;
  ratings: RatingTable;
  commitments: CommitmentTable;
  commitment_checks: CommitmentCheckTable;
  commitment_breaches: CommitmentBreachTable;
  urges: UrgeTable;
  rectifications: RectificationTable;
  circulation: CirculationTable;
  joint_reviews: JointReviewTable;
  audit_log: AuditTable;
  audit_checkpoints: AuditCheckpointTable;
  shared_records: SharedRecordTable;
  seals: SealTable;
  supplements: SupplementTable;
  case_search_keys: CaseSearchKeyTable;
  progress_codes: ProgressCodeTable;
  consultations: ConsultationTable;
}
