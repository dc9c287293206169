/** What the admin console reads from the server (the server's own view types, imported as types only). */
export type { Defect, DocumentKind } from '../../core/catalog/types.ts';
export type { Effectiveness } from '../../core/metrics/effectiveness.ts';
export type { AnswerValue, Plan, QuestionView } from '../../core/planning/types.ts';
export type { AffectedMatter, DocumentChange, LeafChange } from '../../server/modules/versions/diff.ts';
export type { ChangeRequestView, DraftDetail, DraftView, EditResult, OpinionView, VersionEntry } from '../../server/modules/versions/service.ts';
export type { DraftStatus } from '../../server/modules/versions/tables.ts';

import type { Effectiveness } from '../../core/metrics/effectiveness.ts';
import type { AffectedMatter, DocumentChange } from '../../server/modules/versions/diff.ts';

export interface DiffView {
  draftId: string;
  against: number;
  documents: DocumentChange[];
  matters: AffectedMatter[];
  departments: { code: string; name: string }[];
}

export interface MatterFigures extends Effectiveness {
  matter: { id: string; name: string; lead: string };
}

export type { MatterStages, MatterSummary } from '../shared/useMatters.ts';

/** `/api/public/matters/:id`: the guide, read here for the matter's structure. */
export interface Guide {
  id: string;
  name: string;
  subject: 'person' | 'enterprise';
  lifeStage: { id: string; name: string };
  batch: string;
  summary: string;
  applicants: string;
  lead: { code: string; name: string };
  partners: { code: string; name: string }[];
  items: {
    id: string; name: string; department: string; kind: string; required: boolean; after: string[]; reason: string; when: string | null;
    timeLimit: { promised: number; legal: number }; channels: string[];
  }[];
  situations: { id: string; name: string; eligible: boolean; condition: string; description: string | null; advice: string | null }[];
  questions: { id: string; text: string; type: string; options: { value: string | boolean; label: string }[]; help: string | null }[];
  process: { stages: string[][]; criticalPath: string[] };
  timeLimit: { promisedWorkingDays: number; legalWorkingDays: number; note: string | null };
  materials: { id: string; name: string; items: string[]; when: string[]; exemptions: { kind: string; evidence: string }[]; deferrable: boolean }[];
  channels: { kind: string; name: string }[];
  trips: number;
}

export interface ItemSummary {
  code: string;
  name: string;
  department: { code: string; name: string };
  kind: string;
  timeLimit: { promised: number; legal: number };
}

export interface DeadLetter {
  id: number;
  kind: string;
  deliveryId: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  total: number;
  checkpoints: number;
  anchoredTo: number | null;
  problem?: { seq: number; reason: string };
  problems: { seq: number; reason: string }[];
  more: number;
}
