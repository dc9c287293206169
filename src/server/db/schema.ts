/** Table types for Kysely. JSON is stored as text and booleans as 0/1, the same on SQLite and PostgreSQL. */
import type { AccountTable, SessionTable, ApiClientTable, NonceTable, ExternalIdentityTable, OidcLoginTable, OidcSessionTable } from './tables/identity.ts';
import type { CaseTable, CaseFileTable, TaskTable, CommitmentTable, CommitmentCheckTable, CommitmentBreachTable, AutoDecisionSettingTable, AutoDecisionTable, UrgeTable, CirculationTable, JointReviewTable, SupplementTable, CaseSearchKeyTable, ProgressCodeTable, LicenseTable, SealTable } from './tables/cases.ts';
import type { ConsultationTable, RatingTable, RectificationTable } from './tables/feedback.ts';
import type { CatalogueVersionTable, CounterTable, OutboxTable, IdempotencyTable, NotificationTable, MessageLogTable, AuditTable, AuditCheckpointTable, SharedRecordTable } from './tables/platform.ts';

export * from './tables/identity.ts';
export * from './tables/cases.ts';
export * from './tables/feedback.ts';
export * from './tables/platform.ts';

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
  auto_decision_settings: AutoDecisionSettingTable;
  auto_decisions: AutoDecisionTable;
  external_identities: ExternalIdentityTable;
  oidc_logins: OidcLoginTable;
  oidc_sessions: OidcSessionTable;
}
