/** Cases and what hangs on them: files, tasks, commitments, 秒批, urges, circulation, reviews, supplements, search keys, e-licenses and seals. */
import type { ColumnType, Generated } from 'kysely';

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
  /** The applicant's region (019): whose implementations handle the items; null when none is known. */
  region: ColumnType<string | null, string | null | undefined, string | null>;
  /** The window (its department) that took the application in and seals what it passes on (019). */
  window_party: ColumnType<string | null, string | null | undefined, string | null>;
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

/** 秒批 switched on or off by a department for one of its items; no row: on. */
export interface AutoDecisionSettingTable {
  department: string;
  item: string;
  enabled: number;
  changed_by: string;
  changed_at: string;
}

/** What the 秒批 rules gave a task: outcome, evidence of each rule and the reasons for a person (JSON). */
export interface AutoDecisionTable {
  case_id: string;
  item: string;
  outcome: string;
  evidence: string;
  reasons: string;
  basis: string;
  decided_at: string;
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

export interface SealTable {
  department: string;
  public_pem: string;
  private_enc: string;
  created_at: string;
}
