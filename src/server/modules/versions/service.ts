/**
 * The catalogue's life (clauses 5.1.3, 5.2.1, 5.3.2, 5.4, 6.4.2 b): a draft copies the published
 * documents, is edited file by file with every defect shown after each edit, is submitted for the
 * opinions of every department it concerns, goes back for revision on a disagreement, is approved
 * once every asked department agreed, and is published as a new, dated version. Cases keep the
 * version they were planned with.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { stringify } from 'yaml';
import { loadPackageCalendarYears } from '../../../catalog/holidays.ts';
import { parseYaml } from '../../../catalog/load.ts';
import { buildCatalogue, checkCatalogue } from '../../../core/catalog/check.ts';
import type { Catalogue } from '../../../core/catalog/model.ts';
import type { CatalogueDocument, Defect, DocumentKind } from '../../../core/catalog/types.ts';
import type { CalendarYear } from '../../../core/calendar/workdays.ts';
import { plan } from '../../../core/planning/plan.ts';
import type { Plan } from '../../../core/planning/types.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, badRequest, conflict, notFound, type ErrorDetail } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Account } from '../identity/roles.ts';
import { impactOf, type AffectedMatter, type DocumentChange } from './diff.ts';
import { withVersionTables, type CatalogueDraftTable, type ChangeRequestTable, type DraftStatus, type Opinion, type VersionsDb } from './tables.ts';

const KIND_BY_FOLDER: Record<string, DocumentKind> = {
  departments: 'department',
  fields: 'fields',
  licenses: 'license',
  items: 'item',
  matters: 'matter',
  calendar: 'calendar',
};

export const STATUS_NAMES: Record<DraftStatus, string> = {
  draft: '起草中',
  'in-review': '征求意见中',
  revision: '退回修改',
  approved: '已批准',
  published: '已发布',
};

const EDITABLE: DraftStatus[] = ['draft', 'revision'];

/** The kind of a document from its path `catalog/<folder>/<name>.yaml`; anything else is refused. */
export function kindOfPath(file: string): DocumentKind {
  const m = /^catalog\/([a-z]+)\/([A-Za-z0-9][A-Za-z0-9._-]{0,150})\.ya?ml$/.exec(file);
  const kind = m ? KIND_BY_FOLDER[m[1] as string] : undefined;
  if (!m || !kind || file.includes('..')) {
    throw badRequest('invalid-document-path', `文件路径「${file.slice(0, 200)}」不对：应为 catalog/<目录>/<名称>.yaml，目录为 ${Object.keys(KIND_BY_FOLDER).join('、')} 之一`, [{ path: 'file', message: '路径格式不对' }]);
  }
  return kind;
}

const byFile = (a: CatalogueDocument, b: CatalogueDocument) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const parseJson = <T>(text: string): T => JSON.parse(text) as T;

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

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
  review: { round: number; asked: { department: { code: string; name: string }; opinion: OpinionView | null }[] };
  /** Every opinion of every round, oldest first (the record of the review, clause 5.2.1). */
  opinions: OpinionView[];
}

export interface DraftDetail extends DraftView {
  defects: Defect[];
  documents: { file: string; kind: DocumentKind }[];
}

export interface EditResult {
  file: string;
  kind: DocumentKind;
  change: 'added' | 'replaced' | 'removed';
  ok: boolean;
  defects: Defect[];
}

export interface ChangeRequestView {
  id: string;
  matter: { id: string; name: string };
  reason: string;
  requestedBy: Person & { role: string; department: string | null };
  requestedAt: string;
  status: ChangeRequestTable['status'];
  draftId: string | null;
  closedAt: string | null;
}

export interface VersionEntry {
  version: number;
  publishedAt: string;
  title: string;
  reason: string;
  /** The key matters the version changed (empty for an import of the shipped files). */
  matters: { id: string; name: string }[];
  source: 'import' | 'draft';
}

interface NewDraft {
  baseVersion?: number;
  title: string;
  reason: string;
  matterId?: string;
  files?: Record<string, string>;
}

export class VersionService {
  private readonly years: CalendarYear[] = loadPackageCalendarYears();
  /** Drafts compiled for the plan preview, by id, dropped when the draft changes. */
  private readonly previews = new Map<string, { rowVersion: number; catalogue: Catalogue; fileOf: (matterId: string) => string }>();

  constructor(private readonly deps: Deps) {}

  private get db(): VersionsDb {
    return withVersionTables(this.deps.db.kysely);
  }

  private now = () => this.deps.clock.now().toISOString();

  private async transaction<T>(fn: (trx: VersionsDb, raw: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.deps.db.kysely.transaction().execute((raw) => fn(withVersionTables(raw), raw));
  }

  private audit(trx: Kysely<Database>, at: string, actor: Account, action: string, entity: string, entityId: string, detail: Record<string, unknown>): Promise<void> {
    return appendAudit(trx, this.deps.db.dialect, at, { actor: `account:${actor.id}`, action, entity, entityId, detail });
  }

  check(documents: readonly CatalogueDocument[]): Defect[] {
    return checkCatalogue(documents, this.years).defects;
  }

  // ——— published versions ———

  async latestVersion(db: VersionsDb = this.db): Promise<number> {
    const row = await db.selectFrom('catalogue_versions').select('version').where('status', '=', 'published').orderBy('version', 'desc').limit(1).executeTakeFirst();
    if (!row) throw new AppError('no-catalogue', 409, '尚无已发布的事项目录');
    return Number(row.version);
  }

  async publishedDocuments(version: number, db: VersionsDb = this.db): Promise<CatalogueDocument[]> {
    const row = await db.selectFrom('catalogue_versions').select('documents').where('version', '=', version).where('status', '=', 'published').executeTakeFirst();
    if (!row) throw notFound(`事项目录第 ${version} 版`);
    return parseJson<CatalogueDocument[]>(row.documents);
  }

  /** Every published version, newest first, dated and with its title and reason (clause 5.1.3). */
  async versions(): Promise<VersionEntry[]> {
    const rows = await this.db.selectFrom('catalogue_versions')
      .leftJoin('catalogue_drafts', 'catalogue_drafts.published_version', 'catalogue_versions.version')
      .select(['catalogue_versions.version', 'catalogue_versions.published_at', 'catalogue_versions.created_at', 'catalogue_drafts.title', 'catalogue_drafts.reason', 'catalogue_drafts.summary'])
      .where('catalogue_versions.status', '=', 'published').orderBy('catalogue_versions.version', 'desc').execute();
    return rows.map((r) => {
      const summary = r.summary ? parseJson<{ matters: AffectedMatter[] }>(r.summary) : null;
      return {
        version: Number(r.version),
        publishedAt: r.published_at ?? r.created_at,
        title: r.title ?? '导入随软件发布的事项目录',
        reason: r.reason ?? '启动时由 catalog 目录的 YAML 文件导入（文件有变化时自动成为新版本）',
        matters: (summary?.matters ?? []).map((m) => ({ id: m.id, name: m.name })),
        source: r.title === null ? 'import' : 'draft',
      };
    });
  }

  /** A published version as YAML files, one per document: what `catalog/` holds. */
  async exportVersion(version: number): Promise<{ version: number; publishedAt: string; files: Record<string, string> }> {
    const row = await this.db.selectFrom('catalogue_versions').selectAll().where('version', '=', version).where('status', '=', 'published').executeTakeFirst();
    if (!row) throw notFound(`事项目录第 ${version} 版`);
    const files: Record<string, string> = {};
    for (const d of parseJson<CatalogueDocument[]>(row.documents)) files[d.file] = stringify(d.data);
    return { version, publishedAt: row.published_at ?? row.created_at, files };
  }

  // ——— who may do what ———

  private asked(row: Pick<CatalogueDraftTable, 'asked'>): string[] {
    return parseJson<string[]>(row.asked);
  }

  private mayRead(account: Account, row: CatalogueDraftTable): boolean {
    if (account.role === 'admin') return true;
    if ((account.role !== 'lead' && account.role !== 'reviewer') || !account.department) return false;
    if (account.role === 'lead' && row.department === account.department) return true;
    return this.asked(row).includes(account.department);
  }

  private mayEdit(account: Account, row: CatalogueDraftTable): boolean {
    return account.role === 'admin' || (account.role === 'lead' && account.department !== null && row.department === account.department);
  }

  private requireEditor(account: Account, row: CatalogueDraftTable): void {
    if (!this.mayEdit(account, row)) throw new AppError('not-draft-editor', 403, '只有系统管理员或起草该草稿的牵头部门可以修改、提交');
  }

  private requireEditable(row: CatalogueDraftTable): void {
    if (!EDITABLE.includes(row.status)) throw conflict('draft-locked', `草稿当前为「${STATUS_NAMES[row.status]}」，不能修改（只有起草中或退回修改的草稿可以修改）`);
  }

  /** A lead department drafts the matters it leads: a matter document another department leads is not its to change. */
  private requireMatterLead(account: Account, datas: unknown[]): void {
    if (account.role === 'admin') return;
    for (const d of datas) {
      if (isObject(d) && d.lead !== account.department) throw new AppError('not-matter-lead', 403, `只能修改本部门牵头的一件事（「${String(d.name ?? d.id ?? '')}」由其他部门牵头）`);
    }
  }

  async load(id: string, account: Account, db: VersionsDb = this.db): Promise<CatalogueDraftTable> {
    const row = await db.selectFrom('catalogue_drafts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !this.mayRead(account, row)) throw notFound('草稿');
    return row;
  }

  // ——— views ———

  private async departmentNames(): Promise<(code: string) => string> {
    const { catalogue } = await this.deps.catalogues.latest();
    return (code) => catalogue.departments.get(code)?.name ?? code;
  }

  private async people(ids: (string | null)[]): Promise<(id: string) => Person> {
    const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
    const rows = wanted.length === 0 ? [] : await this.db.selectFrom('accounts').select(['id', 'display_name']).where('id', 'in', wanted).execute();
    const names = new Map(rows.map((r) => [r.id, r.display_name]));
    return (id) => ({ id, name: names.get(id) ?? id });
  }

  async views(rows: CatalogueDraftTable[]): Promise<DraftView[]> {
    if (rows.length === 0) return [];
    const opinions = await this.db.selectFrom('catalogue_opinions').selectAll().where('draft_id', 'in', rows.map((r) => r.id)).orderBy('given_at').execute();
    const dept = await this.departmentNames();
    const person = await this.people([...rows.flatMap((r) => [r.created_by, r.approved_by]), ...opinions.map((o) => o.given_by)]);
    const d = (code: string) => ({ code, name: dept(code) });
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
        review: { round, asked: this.asked(r).map((code) => ({ department: d(code), opinion: mine.find((o) => o.round === round && o.department.code === code) ?? null })) },
        opinions: mine,
      };
    });
  }

  async detail(row: CatalogueDraftTable): Promise<DraftDetail> {
    const [view] = await this.views([row]);
    const documents = parseJson<CatalogueDocument[]>(row.documents).map((x) => ({ file: x.file, kind: x.kind }));
    return { ...(view as DraftView), defects: parseJson<Defect[]>(row.defects), documents };
  }

  async list(account: Account, status?: DraftStatus): Promise<DraftView[]> {
    let q = this.db.selectFrom('catalogue_drafts').selectAll().orderBy('created_at', 'desc').limit(500);
    if (status) q = q.where('status', '=', status);
    const rows = (await q.execute()).filter((r) => this.mayRead(account, r));
    return this.views(rows);
  }

  // ——— drafts ———

  /** A new draft: a copy of a published version, or (administrators) an import of YAML files. */
  async create(account: Account, input: NewDraft, link?: { changeRequestId: string }): Promise<DraftDetail> {
    if (input.files && account.role !== 'admin') throw new AppError('import-admin-only', 403, '只有系统管理员可以导入整套目录文件');
    const latest = await this.latestVersion();
    const base = input.baseVersion ?? latest;
    const baseDocs = await this.publishedDocuments(base);
    let department: string | null = null;
    if (input.matterId !== undefined) {
      const matter = baseDocs.find((d) => d.kind === 'matter' && isObject(d.data) && d.data.id === input.matterId)?.data;
      if (!isObject(matter)) throw notFound(`一件事「${input.matterId}」`);
      department = typeof matter.lead === 'string' ? matter.lead : null;
    }
    if (account.role === 'lead') {
      if (input.matterId === undefined) throw badRequest('matter-required', '牵头部门起草变更时请指明本部门牵头的一件事（matterId）', [{ path: 'body.matterId', message: '必填' }]);
      if (!account.department || department !== account.department) throw new AppError('not-matter-lead', 403, '只能为本部门牵头的一件事起草变更');
    }
    let documents: CatalogueDocument[];
    if (input.files) {
      const problems: ErrorDetail[] = [];
      documents = [];
      for (const [file, text] of Object.entries(input.files)) {
        let kind: DocumentKind;
        try {
          kind = kindOfPath(file);
        } catch (e) {
          problems.push({ path: `files.${file}`, message: (e as Error).message });
          continue;
        }
        const defects: Defect[] = [];
        const data = parseYaml(file, text, defects);
        for (const d of defects) problems.push({ path: `files.${file}`, message: `${d.path}：${d.message}` });
        if (data !== undefined) documents.push({ file, kind, data });
      }
      if (problems.length > 0) throw badRequest('invalid-files', `导入的文件有 ${problems.length} 处无法读取（路径或 YAML 语法）`, problems);
      documents.sort(byFile);
    } else {
      documents = baseDocs;
    }
    const defects = this.check(documents);
    const id = randomUUID();
    const at = this.now();
    const row: CatalogueDraftTable = {
      id, base_version: base, replaces_version: latest, title: input.title, reason: input.reason, status: 'draft',
      documents: JSON.stringify(documents), defects: JSON.stringify(defects), matter_id: input.matterId ?? null, department,
      change_request_id: link?.changeRequestId ?? null, round: 0, asked: '[]', created_by: account.id, created_at: at, updated_at: at,
      submitted_at: null, approved_by: null, approved_at: null, published_version: null, published_by: null, published_at: null, summary: null, row_version: 0,
    };
    await this.transaction(async (trx, raw) => {
      if (link) {
        const r = await trx.updateTable('change_requests').set({ status: 'drafting', draft_id: id }).where('id', '=', link.changeRequestId).where('status', '=', 'open').executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw conflict('change-request-not-open', '该变更申请已在起草或已办结');
      }
      await trx.insertInto('catalogue_drafts').values(row).execute();
      await this.audit(raw, at, account, input.files ? 'catalogue-draft.import' : 'catalogue-draft.create', 'catalogue-draft', id, {
        title: input.title, reason: input.reason, baseVersion: base, matter: input.matterId ?? null, changeRequest: link?.changeRequestId ?? null, files: documents.length, defects: defects.length,
      });
      if (link) await this.audit(raw, at, account, 'change-request.open-draft', 'change-request', link.changeRequestId, { draft: id });
    });
    return this.detail(row);
  }

  /** Saves new documents, guarded by the row version: two editors never overwrite each other unknowingly. */
  private async saveDocuments(account: Account, row: CatalogueDraftTable, documents: CatalogueDocument[], defects: Defect[], action: string, detail: Record<string, unknown>): Promise<void> {
    const at = this.now();
    await this.transaction(async (trx, raw) => {
      const r = await trx.updateTable('catalogue_drafts')
        .set({ documents: JSON.stringify(documents), defects: JSON.stringify(defects), updated_at: at, row_version: row.row_version + 1 })
        .where('id', '=', row.id).where('row_version', '=', row.row_version).where('status', 'in', EDITABLE).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw conflict('draft-changed', '草稿已被他人修改或已提交审查，请刷新后重试');
      await this.audit(raw, at, account, action, 'catalogue-draft', row.id, { ...detail, defects: defects.length });
    });
  }

  async document(account: Account, id: string, file: string): Promise<{ file: string; kind: DocumentKind; data: unknown; yaml: string }> {
    const row = await this.load(id, account);
    kindOfPath(file);
    const doc = parseJson<CatalogueDocument[]>(row.documents).find((d) => d.file === file);
    if (!doc) throw notFound(`草稿中的文件「${file}」`);
    return { file, kind: doc.kind, data: doc.data, yaml: stringify(doc.data) };
  }

  /** Replaces or adds one document, from YAML text or from data, and checks the whole draft again. */
  async putDocument(account: Account, id: string, file: string, input: { yaml?: string; data?: unknown }): Promise<EditResult> {
    const row = await this.load(id, account);
    this.requireEditor(account, row);
    this.requireEditable(row);
    const kind = kindOfPath(file);
    if ((input.yaml === undefined) === (input.data === undefined)) throw badRequest('yaml-or-data', '请提供 yaml（YAML 文本）或 data（数据）二者之一', [{ path: 'body', message: '应有 yaml 或 data 之一' }]);
    let data: unknown = input.data;
    if (input.yaml !== undefined) {
      const syntax: Defect[] = [];
      data = parseYaml(file, input.yaml, syntax);
      if (syntax.length > 0) throw badRequest('yaml-syntax', `「${file}」不是合法的 YAML，未保存`, syntax.map((d) => ({ path: d.path, message: d.message })));
    }
    const documents = parseJson<CatalogueDocument[]>(row.documents);
    const existing = documents.find((d) => d.file === file);
    if (kind === 'matter' || existing?.kind === 'matter') this.requireMatterLead(account, [existing?.data, data]);
    const next = [...documents.filter((d) => d.file !== file), { file, kind, data }].sort(byFile);
    const defects = this.check(next);
    const change = existing ? 'replaced' : 'added';
    await this.saveDocuments(account, row, next, defects, 'catalogue-draft.document.put', { file, change });
    return { file, kind, change, ok: defects.length === 0, defects };
  }

  async deleteDocument(account: Account, id: string, file: string): Promise<EditResult> {
    const row = await this.load(id, account);
    this.requireEditor(account, row);
    this.requireEditable(row);
    const kind = kindOfPath(file);
    const documents = parseJson<CatalogueDocument[]>(row.documents);
    const existing = documents.find((d) => d.file === file);
    if (!existing) throw notFound(`草稿中的文件「${file}」`);
    if (existing.kind === 'matter') this.requireMatterLead(account, [existing.data]);
    const next = documents.filter((d) => d.file !== file);
    const defects = this.check(next);
    await this.saveDocuments(account, row, next, defects, 'catalogue-draft.document.delete', { file });
    return { file, kind, change: 'removed', ok: defects.length === 0, defects };
  }

  /** A plan made with the draft (the live preview): every check but coverage, so a matter still being edited previews. */
  async preview(account: Account, id: string, input: { matterId: string; answers?: Record<string, unknown>; chosenItems?: string[]; licenses?: string[] }): Promise<{ draftId: string; plan: Plan; defects: Defect[] }> {
    const row = await this.load(id, account);
    let compiled = this.previews.get(id);
    if (!compiled || compiled.rowVersion !== row.row_version) {
      const built = buildCatalogue(parseJson<CatalogueDocument[]>(row.documents), this.years);
      compiled = { rowVersion: row.row_version, catalogue: built.catalogue, fileOf: built.fileOf };
      this.previews.delete(id);
      this.previews.set(id, compiled);
      while (this.previews.size > 8) this.previews.delete(this.previews.keys().next().value as string);
    }
    const defects = parseJson<Defect[]>(row.defects);
    if (!compiled.catalogue.matters.has(input.matterId)) {
      const doc = parseJson<CatalogueDocument[]>(row.documents).find((d) => d.kind === 'matter' && isObject(d.data) && d.data.id === input.matterId);
      if (!doc) throw notFound(`草稿中的一件事「${input.matterId}」`);
      throw conflict('matter-has-defects', `草稿中的一件事「${input.matterId}」有问题，无法生成方案，请先修正`, defects.filter((d) => d.file === doc.file).map((d) => ({ path: `${d.file} ${d.path}`, message: d.message })));
    }
    const r = plan(compiled.catalogue, input.matterId, { answers: input.answers ?? {}, chosenItems: input.chosenItems, facts: { licenses: input.licenses ?? [] } });
    if (!r.ok) throw badRequest('invalid-answers', '回答或所选事项有误', r.errors.map((e) => ({ path: e.path, message: e.message, code: e.code })));
    const file = compiled.fileOf(input.matterId);
    return { draftId: id, plan: r.plan, defects: defects.filter((d) => d.file === file) };
  }

  /** What publishing the draft would change, against the version it replaces. */
  async diff(account: Account, id: string): Promise<{ draftId: string; against: number; documents: DocumentChange[]; matters: AffectedMatter[]; departments: { code: string; name: string }[] }> {
    const row = await this.load(id, account);
    const impact = impactOf(await this.publishedDocuments(Number(row.replaces_version)), parseJson<CatalogueDocument[]>(row.documents));
    const dept = await this.departmentNames();
    return { draftId: id, against: Number(row.replaces_version), documents: impact.documents, matters: impact.matters, departments: impact.departments.map((code) => ({ code, name: dept(code) })) };
  }

  /** A draft may go forward only while the version it replaces is still the latest. */
  private async requireCurrent(row: CatalogueDraftTable, db: VersionsDb = this.db): Promise<number> {
    const latest = await this.latestVersion(db);
    if (latest !== Number(row.replaces_version)) {
      throw conflict('catalogue-moved', `草稿起草后目录已发布第 ${latest} 版，发布本草稿会撤销该版的变更；请基于第 ${latest} 版重新起草`);
    }
    return latest;
  }

  private async notifyAccounts(trx: VersionsDb, accountIds: string[], kind: string, title: string, body: string, at: string): Promise<void> {
    for (const accountId of new Set(accountIds)) {
      await trx.insertInto('notifications').values({ id: randomUUID(), account_id: accountId, kind, title, body, case_id: null, created_at: at, read_at: null }).execute();
    }
  }

  /** Submits for review (clause 5.3.2): every department the change concerns is asked for its opinion. */
  async submit(account: Account, id: string): Promise<DraftDetail> {
    const row = await this.load(id, account);
    this.requireEditor(account, row);
    if (!EDITABLE.includes(row.status)) throw conflict('not-submittable', `草稿当前为「${STATUS_NAMES[row.status]}」，不能提交`);
    const defects = parseJson<Defect[]>(row.defects);
    if (defects.length > 0) {
      throw conflict('draft-has-defects', `草稿还有 ${defects.length} 处问题，修正后才能提交`, defects.map((d) => ({ path: `${d.file} ${d.path}`, message: d.message })));
    }
    await this.requireCurrent(row);
    const impact = impactOf(await this.publishedDocuments(Number(row.replaces_version)), parseJson<CatalogueDocument[]>(row.documents));
    if (impact.documents.length === 0) throw conflict('no-changes', '草稿与现行版本相同，没有需要审查的变更');
    const round = Number(row.round) + 1;
    const at = this.now();
    await this.transaction(async (trx, raw) => {
      const r = await trx.updateTable('catalogue_drafts')
        .set({ status: 'in-review', round, asked: JSON.stringify(impact.departments), submitted_at: at, updated_at: at, row_version: row.row_version + 1 })
        .where('id', '=', id).where('row_version', '=', row.row_version).where('status', 'in', EDITABLE).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw conflict('draft-changed', '草稿已被他人修改或已提交审查，请刷新后重试');
      if (impact.departments.length > 0) {
        const reviewers = await trx.selectFrom('accounts').select('id').where('role', 'in', ['lead', 'reviewer']).where('department', 'in', impact.departments).execute();
        await this.notifyAccounts(trx, reviewers.map((x) => x.id), 'catalogue-review', '事项目录变更征求意见',
          `「${row.title}」涉及本部门（${impact.matters.map((m) => m.name).join('、') || '目录'}），请审阅变更并提出意见（第 ${round} 轮）。`, at);
      }
      await this.audit(raw, at, account, 'catalogue-draft.submit', 'catalogue-draft', id, { round, asked: impact.departments, files: impact.documents.map((d) => d.file), matters: impact.matters.map((m) => m.id) });
    });
    return this.detail(await this.load(id, account));
  }

  /** One opinion per asked department and round; a disagreement sends the draft back for revision. */
  async giveOpinion(account: Account, id: string, input: { opinion: Opinion; comment?: string }): Promise<DraftDetail> {
    const row = await this.load(id, account);
    const department = account.department;
    if ((account.role !== 'lead' && account.role !== 'reviewer') || !department || !this.asked(row).includes(department)) {
      throw new AppError('not-asked', 403, '本部门未被征求意见，不能对该草稿提出意见');
    }
    if (row.status !== 'in-review') throw conflict('not-in-review', `草稿当前为「${STATUS_NAMES[row.status]}」，不在征求意见阶段`);
    const comment = (input.comment ?? '').trim();
    if (input.opinion === 'disagree' && comment === '') throw badRequest('comment-required', '不同意时请写明理由和修改意见', [{ path: 'body.comment', message: '不能为空' }]);
    const round = Number(row.round);
    const at = this.now();
    await this.transaction(async (trx, raw) => {
      // Claims the draft first: the row lock orders concurrent opinions, and a draft sent back takes no more.
      const r = await trx.updateTable('catalogue_drafts')
        .set((eb) => ({ ...(input.opinion === 'disagree' ? { status: 'revision' as const } : {}), updated_at: at, row_version: eb('row_version', '+', 1) }))
        .where('id', '=', id).where('status', '=', 'in-review').where('round', '=', round).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw conflict('not-in-review', '草稿已不在本轮征求意见阶段，请刷新后查看');
      const given = await trx.selectFrom('catalogue_opinions').select('opinion').where('draft_id', '=', id).where('round', '=', round).where('department', '=', department).executeTakeFirst();
      if (given) throw conflict('opinion-given', '本部门在本轮已经提出过意见');
      try {
        await trx.insertInto('catalogue_opinions').values({ draft_id: id, round, department, opinion: input.opinion, comment, given_by: account.id, given_at: at }).execute();
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('opinion-given', '本部门在本轮已经提出过意见');
        throw e;
      }
      if (input.opinion === 'disagree') {
        const editors = await trx.selectFrom('accounts').select('id').where((eb) => eb.or([eb('id', '=', row.created_by), ...(row.department ? [eb.and([eb('role', '=', 'lead'), eb('department', '=', row.department)])] : [])])).execute();
        await this.notifyAccounts(trx, editors.map((x) => x.id), 'catalogue-revision', '事项目录草稿退回修改', `「${row.title}」未获 ${department} 同意：${comment}`, at);
      }
      await this.audit(raw, at, account, 'catalogue-draft.opinion', 'catalogue-draft', id, { round, department, opinion: input.opinion, comment });
    });
    return this.detail(await this.load(id, account));
  }

  /** Joint approval: possible once every asked department agreed in the current round. */
  async approve(account: Account, id: string): Promise<DraftDetail> {
    const row = await this.load(id, account);
    if (row.status !== 'in-review') throw conflict('not-in-review', `草稿当前为「${STATUS_NAMES[row.status]}」，只有征求意见中的草稿可以批准`);
    const round = Number(row.round);
    const opinions = await this.db.selectFrom('catalogue_opinions').selectAll().where('draft_id', '=', id).where('round', '=', round).execute();
    const dept = await this.departmentNames();
    const missing = this.asked(row).filter((d) => opinions.find((o) => o.department === d)?.opinion !== 'agree');
    if (missing.length > 0) {
      throw conflict('opinions-missing', `还有 ${missing.length} 个部门未同意：${missing.map(dept).join('、')}`, missing.map((d) => ({ path: d, message: `${dept(d)}尚未提出意见` })));
    }
    await this.requireCurrent(row);
    const at = this.now();
    await this.transaction(async (trx, raw) => {
      const r = await trx.updateTable('catalogue_drafts').set({ status: 'approved', approved_by: account.id, approved_at: at, updated_at: at, row_version: row.row_version + 1 })
        .where('id', '=', id).where('row_version', '=', row.row_version).where('status', '=', 'in-review').executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw conflict('draft-changed', '草稿状态已变化，请刷新后重试');
      await this.audit(raw, at, account, 'catalogue-draft.approve', 'catalogue-draft', id, { round, agreed: this.asked(row) });
    });
    return this.detail(await this.load(id, account));
  }

  /** Publishes the approved draft as the next version; cases keep the version they were planned with. */
  async publish(account: Account, id: string): Promise<{ version: number; publishedAt: string; draft: DraftDetail }> {
    const row = await this.load(id, account);
    if (row.status !== 'approved') throw conflict('not-approved', `草稿当前为「${STATUS_NAMES[row.status]}」，经各部门同意并批准后才能发布`);
    const impact = impactOf(await this.publishedDocuments(Number(row.replaces_version)), parseJson<CatalogueDocument[]>(row.documents));
    const at = this.now();
    let version = 0;
    try {
      await this.transaction(async (trx, raw) => {
        version = (await this.requireCurrent(row, trx)) + 1;
        await trx.insertInto('catalogue_versions').values({ version, status: 'published', documents: row.documents, created_at: row.created_at, published_at: at }).execute();
        const summary = { matters: impact.matters, departments: impact.departments, files: impact.documents.map((d) => ({ file: d.file, change: d.change })) };
        const r = await trx.updateTable('catalogue_drafts')
          .set({ status: 'published', published_version: version, published_by: account.id, published_at: at, summary: JSON.stringify(summary), updated_at: at, row_version: row.row_version + 1 })
          .where('id', '=', id).where('row_version', '=', row.row_version).where('status', '=', 'approved').executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw conflict('draft-changed', '草稿状态已变化，请刷新后重试');
        const told = [row.created_by];
        if (row.change_request_id) {
          await trx.updateTable('change_requests').set({ status: 'closed', closed_at: at }).where('id', '=', row.change_request_id).execute();
          const cr = await trx.selectFrom('change_requests').select('requested_by').where('id', '=', row.change_request_id).executeTakeFirst();
          if (cr) told.push(cr.requested_by);
          await this.audit(raw, at, account, 'change-request.close', 'change-request', row.change_request_id, { draft: id, version });
        }
        await this.notifyAccounts(trx, told, 'catalogue-published', '事项目录新版本已发布', `「${row.title}」已作为事项目录第 ${version} 版发布。`, at);
        await this.audit(raw, at, account, 'catalogue.publish', 'catalogue-version', String(version), { draft: id, title: row.title, reason: row.reason, matters: impact.matters.map((m) => m.id) });
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('catalogue-moved', '目录刚刚发布了新版本，请刷新后重新起草');
      throw e;
    }
    this.deps.catalogues.refresh();
    await this.deps.catalogues.latest();
    return { version, publishedAt: at, draft: await this.detail(await this.load(id, account)) };
  }

  // ——— change requests (clause 5.4) ———

  private async requestViews(rows: ChangeRequestTable[]): Promise<ChangeRequestView[]> {
    const { catalogue } = await this.deps.catalogues.latest();
    const person = await this.people(rows.map((r) => r.requested_by));
    return rows.map((r) => ({
      id: r.id, matter: { id: r.matter_id, name: catalogue.matters.get(r.matter_id)?.name ?? r.matter_id }, reason: r.reason,
      requestedBy: { ...person(r.requested_by), role: r.requester_role, department: r.requester_department },
      requestedAt: r.requested_at, status: r.status, draftId: r.draft_id, closedAt: r.closed_at,
    }));
  }

  async requestChange(account: Account, input: { matterId: string; reason: string }): Promise<ChangeRequestView> {
    const { catalogue } = await this.deps.catalogues.latest();
    if (!catalogue.matters.has(input.matterId)) throw notFound(`一件事「${input.matterId}」`);
    const reason = input.reason.trim();
    if (reason === '') throw badRequest('reason-required', '请写明申请变更的理由', [{ path: 'body.reason', message: '不能为空' }]);
    const at = this.now();
    const row: ChangeRequestTable = {
      id: randomUUID(), matter_id: input.matterId, reason, requested_by: account.id, requester_role: account.role, requester_department: account.department,
      requested_at: at, status: 'open', draft_id: null, closed_at: null,
    };
    await this.transaction(async (trx, raw) => {
      await trx.insertInto('change_requests').values(row).execute();
      await this.audit(raw, at, account, 'change-request.create', 'change-request', row.id, { matter: input.matterId, reason });
    });
    return (await this.requestViews([row]))[0] as ChangeRequestView;
  }

  /** Administrators see every request; a lead department also those on the matters it leads; others their own. */
  async changeRequests(account: Account, status?: ChangeRequestTable['status']): Promise<ChangeRequestView[]> {
    let q = this.db.selectFrom('change_requests').selectAll().orderBy('requested_at', 'desc').limit(500);
    if (status) q = q.where('status', '=', status);
    let rows = await q.execute();
    if (account.role !== 'admin') {
      const { catalogue } = await this.deps.catalogues.latest();
      const leads = (matterId: string) => account.role === 'lead' && account.department !== null && catalogue.matters.get(matterId)?.lead === account.department;
      rows = rows.filter((r) => r.requested_by === account.id || leads(r.matter_id));
    }
    return this.requestViews(rows);
  }

  async openDraft(account: Account, requestId: string): Promise<DraftDetail> {
    const cr = await this.db.selectFrom('change_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
    if (!cr) throw notFound('变更申请');
    if (cr.status !== 'open') throw conflict('change-request-not-open', '该变更申请已在起草或已办结');
    const { catalogue } = await this.deps.catalogues.latest();
    const matter = catalogue.matters.get(cr.matter_id);
    return this.create(account, { title: `变更申请：${matter?.name ?? cr.matter_id}`, reason: cr.reason, ...(matter ? { matterId: matter.id } : {}) }, { changeRequestId: cr.id });
  }
}
