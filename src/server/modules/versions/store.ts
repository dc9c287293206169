/**
 * What the versions module shares: drafts and published versions as stored, who may read or edit a
 * draft, and the views of drafts with their review. The drafting and review steps build on it.
 */
import { sql, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { CatalogueDocument, Defect, DocumentKind } from '../../../core/catalog/types.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Account } from '../identity/roles.ts';
import { OFFICER_NAMES, officerRoles, type OfficerRole } from './officers.ts';
import { withVersionTables, type CatalogueDraftTable, type DraftStatus, type Opinion, type VersionsDb, type VersionTables } from './tables.ts';

export const STATUS_NAMES: Record<DraftStatus, string> = {
  draft: '起草中',
  'in-review': '征求意见中',
  revision: '退回修改',
  approved: '已批准',
  published: '已发布',
};

export const EDITABLE: DraftStatus[] = ['draft', 'revision'];

export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

const officerOf = (role: OfficerRole) => ({ role, name: OFFICER_NAMES[role] });

/** The columns a draft's view reads: everything but the documents (some 190 KB a draft) and what only publication keeps. */
export const VIEW_COLUMNS = [
  'id', 'title', 'reason', 'status', 'base_version', 'replaces_version', 'matter_id', 'department', 'change_request_id', 'round', 'asked',
  'defects', 'created_by', 'created_at', 'updated_at', 'submitted_at', 'approved_by', 'approved_at', 'published_version', 'published_at',
] as const satisfies readonly (keyof CatalogueDraftTable)[];
export type DraftViewRow = Pick<CatalogueDraftTable, (typeof VIEW_COLUMNS)[number]>;

/** `text` as a LIKE pattern that matches it literally (with ESCAPE '\'), on SQLite and PostgreSQL alike. */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface Person {
  id: string;
  name: string;
}

export interface OpinionView {
  round: number;
  department: { code: string; name: string };
  opinion: Opinion;
  comment: string;
  by: Person;
  at: string;
}

export interface DraftView {
  id: string;
  title: string;
  reason: string;
  status: DraftStatus;
  statusName: string;
  baseVersion: number;
  replacesVersion: number;
  matterId: string | null;
  department: { code: string; name: string } | null;
  changeRequestId: string | null;
  createdBy: Person;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedBy: Person | null;
  approvedAt: string | null;
  publishedVersion: number | null;
  publishedAt: string | null;
  defectCount: number;
  /** The current review round: every department asked and the opinion it gave, if any. */
  review: { round: number; asked: { department: { code: string; name: string }; officer: { role: OfficerRole; name: string }; opinion: OpinionView | null }[] };
  /** Every opinion of every round, oldest first (the record of the review, clause 5.2.1). */
  opinions: OpinionView[];
}

export interface DraftDetail extends DraftView {
  defects: Defect[];
  documents: { file: string; kind: DocumentKind }[];
}

/** The base of VersionService: storage, access rules and views, used by both drafting and review. */
export class VersionStore {
  constructor(protected readonly deps: Deps) {}

  protected get db(): VersionsDb {
    return withVersionTables(this.deps.db.kysely);
  }

  protected now = () => this.deps.clock.now().toISOString();

  protected async transaction<T>(fn: (trx: VersionsDb, raw: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.deps.db.kysely.transaction().execute((raw) => fn(withVersionTables(raw), raw));
  }

  protected audit(trx: Kysely<Database>, at: string, actor: Account, action: string, entity: string, entityId: string, detail: Record<string, unknown>): Promise<void> {
    return appendAudit(trx, this.deps.db.dialect, at, { actor: `account:${actor.id}`, action, entity, entityId, detail });
  }

  // ——— published versions ———

  async latestVersion(db: VersionsDb = this.db): Promise<number> {
    const row = await db.selectFrom('catalogue_versions').select('version').where('status', '=', 'published').orderBy('version', 'desc').limit(1).executeTakeFirst();
    if (!row) throw new AppError('no-catalogue', 409, '尚无已发布的事项目录');
    return Number(row.version);
  }

  /** A published version's documents and when it was published. */
  async publishedVersion(version: number, db: VersionsDb = this.db): Promise<{ documents: CatalogueDocument[]; publishedAt: string }> {
    const row = await db.selectFrom('catalogue_versions').select(['documents', 'published_at', 'created_at']).where('version', '=', version).where('status', '=', 'published').executeTakeFirst();
    if (!row) throw notFound(`事项目录第 ${version} 版`);
    return { documents: parseJson<CatalogueDocument[]>(row.documents), publishedAt: row.published_at ?? row.created_at };
  }

  async publishedDocuments(version: number, db: VersionsDb = this.db): Promise<CatalogueDocument[]> {
    return (await this.publishedVersion(version, db)).documents;
  }

  // ——— who may do what ———

  protected asked(row: Pick<CatalogueDraftTable, 'asked'>): string[] {
    return parseJson<string[]>(row.asked);
  }

  protected mayRead(account: Account, row: Pick<CatalogueDraftTable, 'department' | 'asked'>): boolean {
    if (account.role === 'admin') return true;
    if ((account.role !== 'lead' && account.role !== 'reviewer') || !account.department) return false;
    if (account.role === 'lead' && row.department === account.department) return true;
    return this.asked(row).includes(account.department);
  }

  /**
   * Narrows a query of drafts to those the account may read, in SQL so that a limit counts only those;
   * null when it may read none. LIKE may let a draft too many through (SQLite ignores case), which mayRead drops.
   */
  protected readable<O>(account: Account, q: SelectQueryBuilder<Database & VersionTables, 'catalogue_drafts', O>): SelectQueryBuilder<Database & VersionTables, 'catalogue_drafts', O> | null {
    if (account.role === 'admin') return q;
    const department = account.department;
    if ((account.role !== 'lead' && account.role !== 'reviewer') || !department) return null;
    return q.where((eb) => {
      const asked = sql<SqlBool>`${eb.ref('asked')} like ${`%${likeLiteral(JSON.stringify(department))}%`} escape '\\'`;
      return account.role === 'lead' ? eb.or([eb('department', '=', department), asked]) : asked;
    });
  }

  private mayEdit(account: Account, row: CatalogueDraftTable): boolean {
    return account.role === 'admin' || (account.role === 'lead' && account.department !== null && row.department === account.department);
  }

  protected requireEditor(account: Account, row: CatalogueDraftTable): void {
    if (!this.mayEdit(account, row)) throw new AppError('not-draft-editor', 403, '只有系统管理员或起草该草稿的牵头部门可以修改、提交');
  }

  async load(id: string, account: Account, db: VersionsDb = this.db): Promise<CatalogueDraftTable> {
    const row = await db.selectFrom('catalogue_drafts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !this.mayRead(account, row)) throw notFound('草稿');
    return row;
  }

  // ——— views ———

  protected async departmentNames(): Promise<(code: string) => string> {
    const { catalogue } = await this.deps.catalogues.latest();
    return (code) => catalogue.departments.get(code)?.name ?? code;
  }

  protected async people(ids: (string | null)[]): Promise<(id: string) => Person> {
    const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
    const rows = wanted.length === 0 ? [] : await this.db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', wanted).execute();
    const names = new Map(rows.map((r) => [r.id, r.display_name]));
    return (id) => ({ id, name: names.get(id) ?? id });
  }

  async views(rows: DraftViewRow[]): Promise<DraftView[]> {
    if (rows.length === 0) return [];
    const opinions = await this.db.selectFrom('catalogue_opinions').selectAll().where('draft_id', 'in', rows.map((r) => r.id)).orderBy('given_at').execute();
    const dept = await this.departmentNames();
    const person = await this.people([...rows.flatMap((r) => [r.created_by, r.approved_by]), ...opinions.map((o) => o.given_by)]);
    const d = (code: string) => ({ code, name: dept(code) });
    const officers = await officerRoles(this.db, this.deps.config.opinionRoles, rows.flatMap((r) => this.asked(r)));
    return rows.map((r) => {
      const mine = opinions.filter((o) => o.draft_id === r.id).sort((a, b) => a.round - b.round || (a.given_at < b.given_at ? -1 : 1))
        .map((o): OpinionView => ({ round: Number(o.round), department: d(o.department), opinion: o.opinion, comment: o.comment, by: person(o.given_by), at: o.given_at }));
      const round = Number(r.round);
      return {
        id: r.id, title: r.title, reason: r.reason, status: r.status, statusName: STATUS_NAMES[r.status],
        baseVersion: Number(r.base_version), replacesVersion: Number(r.replaces_version), matterId: r.matter_id,
        department: r.department ? d(r.department) : null, changeRequestId: r.change_request_id,
        createdBy: person(r.created_by), createdAt: r.created_at, updatedAt: r.updated_at, submittedAt: r.submitted_at,
        approvedBy: r.approved_by ? person(r.approved_by) : null, approvedAt: r.approved_at,
        publishedVersion: r.published_version === null ? null : Number(r.published_version), publishedAt: r.published_at,
        defectCount: parseJson<Defect[]>(r.defects).length,
        review: { round, asked: this.asked(r).map((code) => ({ department: d(code), officer: officerOf(officers.get(code) ?? 'lead'), opinion: mine.find((o) => o.round === round && o.department.code === code) ?? null })) },
        opinions: mine,
      };
    });
  }

  async detail(row: CatalogueDraftTable): Promise<DraftDetail> {
    const [view] = await this.views([row]);
    const documents = parseJson<CatalogueDocument[]>(row.documents).map((x) => ({ file: x.file, kind: x.kind }));
    return { ...(view as DraftView), defects: parseJson<Defect[]>(row.defects), documents };
  }
}
