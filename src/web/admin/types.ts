/** What the admin console reads from the server: the API's contracts (src/contracts), plus plans from the core. */
export type {
  AffectedMatter, AuditVerification, ChangeRequestView, DeadLetter, Defect, DiffView, DocumentChange, DocumentKind, DraftDetail, DraftStatus, DraftView,
  EditResult, Effectiveness, Guide, ItemSummary, LeafChange, MatterFigures, OpinionView, VersionEntry,
} from '../../contracts/index.ts';
export type { AnswerValue, Plan, QuestionView } from '../../core/planning/types.ts';

export type { MatterStages, MatterSummary } from '../shared/useMatters.ts';
