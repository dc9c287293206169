/**
 * Drafting (clauses 5.2.1, 6.4.2 b): a draft copies the published documents (or imports YAML files),
 * is edited file by file with every defect shown after each edit, previews plans and shows its diff.
 */
import { stringify } from 'yaml';
import { loadPackageCalendarYears } from '../../../catalog/holidays.ts';
import { KIND_BY_FOLDER, parseYaml } from '../../../catalog/load.ts';
import { buildCatalogue, checkCatalogue } from '../../../core/catalog/check.ts';
import type { Catalogue } from '../../../core/catalog/model.ts';
import type { CatalogueDocument, Defect, DocumentKind } from '../../../core/catalog/types.ts';
import type { CalendarYear } from '../../../core/calendar/workdays.ts';
import type { Plan } from '../../../core/planning/types.ts';
import { AppError, badRequest, conflict, notFound, type ErrorDetail } from '../../errors.ts';
import { planOrFail } from '../catalogue/planning.ts';
import type { Account } from '../identity/roles.ts';
import { impactOf, isObject, type AffectedMatter, type DocumentChange } from './diff.ts';
import { EDITABLE, parseJson, STATUS_NAMES, VIEW_COLUMNS, VersionStore, type DraftDetail, type DraftView } from './store.ts';
import type { CatalogueDraftTable, DraftStatus } from './tables.ts';
import { newRowId } from '../../ids.ts';

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

export interface EditResult {
  file: string;
  kind: DocumentKind;
  change: 'added' | 'replaced' | 'removed';
  ok: boolean;
  defects: Defect[];
}

interface NewDraft {
  baseVersion?: number;
  title: string;
  reason: string;
  matterId?: string;
  files?: Record<string, string>;
}

/** Drafting on top of the shared base; VersionService adds review and publication. */
export class DraftService extends VersionStore {
  private readonly years: CalendarYear[] = loadPackageCalendarYears();
  /** Drafts compiled for the plan preview, by id, dropped when the draft changes. */
  private readonly previews = new Map<string, { rowVersion: number; catalogue: Catalogue; fileOf: (matterId: string) => string }>();

  private check(documents: readonly CatalogueDocument[]): Defect[] {
    return checkCatalogue(documents, this.years).defects;
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

  /** The latest 500 drafts the account may read (without their documents). */
  async list(account: Account, status?: DraftStatus): Promise<DraftView[]> {
    let q = this.readable(account, this.db.selectFrom('catalogue_drafts').select(VIEW_COLUMNS).orderBy('created_at', 'desc').limit(500));
    if (!q) return [];
    if (status) q = q.where('status', '=', status);
    const rows = (await q.execute()).filter((r) => this.mayRead(account, r));
    return this.views(rows);
  }

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
    let defects: Defect[];
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
        const syntax: Defect[] = [];
        const data = parseYaml(file, text, syntax);
        for (const d of syntax) problems.push({ path: `files.${file}`, message: `${d.path}：${d.message}` });
        if (data !== undefined) documents.push({ file, kind, data });
      }
      if (problems.length > 0) throw badRequest('invalid-files', `导入的文件有 ${problems.length} 处无法读取（路径或 YAML 语法）`, problems);
      documents.sort(byFile);
      defects = this.check(documents);
    } else {
      documents = baseDocs;
      // An unchanged copy of the version the catalogue store serves has no defects: the store checked it, as this would.
      defects = base === (await this.deps.catalogues.latest()).version ? [] : this.check(documents);
    }
    return this.insertDraft(account, { ...input, base, latest, department }, documents, defects, input.files ? 'catalogue-draft.import' : 'catalogue-draft.create', {
      title: input.title, reason: input.reason, baseVersion: base, matter: input.matterId ?? null, changeRequest: link?.changeRequestId ?? null, files: documents.length, defects: defects.length,
    }, link);
  }

  /**
   * A draft of whole documents the platform made itself (an administrator's synchronisation with the
   * superior catalogue), on top of the latest version; checked like any other draft.
   */
  async createFromDocuments(account: Account, input: { title: string; reason: string }, documents: CatalogueDocument[], action: string, detail: Record<string, unknown>): Promise<DraftDetail> {
    if (account.role !== 'admin') throw new AppError('import-admin-only', 403, '只有系统管理员可以导入整套目录文件');
    const latest = await this.latestVersion();
    const sorted = [...documents].sort(byFile);
    const defects = this.check(sorted);
    return this.insertDraft(account, { ...input, base: latest, latest, department: null }, sorted, defects, action, { ...detail, title: input.title, reason: input.reason, baseVersion: latest, files: sorted.length, defects: defects.length });
  }

  private async insertDraft(account: Account, input: { title: string; reason: string; matterId?: string; base: number; latest: number; department: string | null }, documents: CatalogueDocument[], defects: Defect[], action: string, detail: Record<string, unknown>, link?: { changeRequestId: string }): Promise<DraftDetail> {
    const { base, latest, department } = input;
    const id = newRowId();
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
      await this.audit(raw, at, account, action, 'catalogue-draft', id, detail);
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
    const p = planOrFail(compiled.catalogue, input.matterId, { answers: input.answers ?? {}, chosenItems: input.chosenItems, facts: { licenses: input.licenses ?? [] } });
    const file = compiled.fileOf(input.matterId);
    return { draftId: id, plan: p, defects: defects.filter((d) => d.file === file) };
  }

  /** What publishing the draft would change, against the version it replaces. */
  async diff(account: Account, id: string): Promise<{ draftId: string; against: number; documents: DocumentChange[]; matters: AffectedMatter[]; departments: { code: string; name: string }[] }> {
    const row = await this.load(id, account);
    const impact = impactOf(await this.publishedDocuments(Number(row.replaces_version)), parseJson<CatalogueDocument[]>(row.documents));
    const dept = await this.departmentNames();
    return { draftId: id, against: Number(row.replaces_version), documents: impact.documents, matters: impact.matters, departments: impact.departments.map((code) => ({ code, name: dept(code) })) };
  }
}
