/** The tables of migration 002_versions, for Kysely: drafts, opinions, change requests. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const DRAFT_STATUSES = ['draft', 'in-review', 'revision', 'approved', 'published'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];
export const OPINIONS = ['agree', 'disagree'] as const;
export type Opinion = (typeof OPINIONS)[number];
export const CHANGE_REQUEST_STATUSES = ['open', 'drafting', 'closed'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

export interface CatalogueDraftTable {
  id: string;
  /** The published version the documents were copied from. */
  base_version: number;
  /** The latest published version when the draft was made: publishing replaces it, and only it. */
  replaces_version: number;
  title: string;
  reason: string;
  status: DraftStatus;
  /** CatalogueDocument[] as JSON, sorted by file. */
  documents: string;
  /** Defect[] as JSON: what `onething catalog check` finds in the documents. */
  defects: string;
  matter_id: string | null;
  /** The lead department that drafts it (its lead may edit and submit it). */
  department: string | null;
  change_request_id: string | null;
  /** The review round: 0 before the first submission, +1 at each submission. */
  round: number;
  /** The departments asked for an opinion in the current round, as a JSON list. */
  asked: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  published_version: number | null;
  published_by: string | null;
  published_at: string | null;
  /** What the publication changed (matters, departments, documents), as JSON, kept for the public list. */
  summary: string | null;
  row_version: number;
}

export interface CatalogueOpinionTable {
  draft_id: string;
  round: number;
  department: string;
  opinion: Opinion;
  comment: string;
  given_by: string;
  given_at: string;
}

export interface ChangeRequestTable {
  id: string;
  matter_id: string;
  reason: string;
  requested_by: string;
  requester_role: string;
  requester_department: string | null;
  requested_at: string;
  status: ChangeRequestStatus;
  draft_id: string | null;
  closed_at: string | null;
}

export type VersionTables = {
  catalogue_drafts: CatalogueDraftTable;
  catalogue_opinions: CatalogueOpinionTable;
  change_requests: ChangeRequestTable;
};

export type VersionsDb = Kysely<Database & VersionTables>;

/** The database (or a transaction) seen with this module's tables as well. */
export const withVersionTables = (db: Kysely<Database>): VersionsDb => db.withTables<VersionTables>();
