/**
 * The catalogue's life (clauses 5.1.3, 5.2.1, 5.3.2, 5.4, 6.4.2 b): a draft copies the published
 * documents, is edited file by file with every defect shown after each edit, is submitted for the
 * opinions of every department it concerns, goes back for revision on a disagreement, is approved
 * once every asked department agreed, and is published as a new, dated version. Cases keep the
 * version they were planned with.
 */
import type { Kysely } from 'kysely';
import { stringify } from 'yaml';
import type { CatalogueDocument, Defect } from '../../../core/catalog/types.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, badRequest, conflict, notFound } from '../../errors.ts';
import type { Account } from '../identity/roles.ts';
import { notify, type Notice } from '../notifications/service.ts';
import { impactOf, type AffectedMatter } from './diff.ts';
import { officerRoles, requireOfficer } from './officers.ts';
import { DraftService } from './drafts.ts';
import { EDITABLE, parseJson, STATUS_NAMES, type DraftDetail, type Person } from './store.ts';
import type { ChangeRequestTable, CatalogueDraftTable, Opinion, VersionsDb } from './tables.ts';
import { newRowId } from '../../ids.ts';

// Re-exported for the admin web's types, which import them from here.
export type { EditResult } from './drafts.ts';
export type { DraftDetail, DraftView, OpinionView, Person } from './store.ts';

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
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

/**
 * The one service routes.ts uses. Split by inheritance so every step keeps `this`: store.ts holds storage,
 * access and views, drafts.ts the editing; this adds review, publication, change requests and the version list.
 */
export class VersionService extends DraftService {
  // ——— published versions ———

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
    const { documents, publishedAt } = await this.publishedVersion(version);
    const files: Record<string, string> = {};
    for (const d of documents) files[d.file] = stringify(d.data);
    return { version, publishedAt, files };
  }

  // ——— review and publication (clause 5.3.2) ———

  /** A draft may go forward only while the version it replaces is still the latest. */
  private async requireCurrent(row: CatalogueDraftTable, db: VersionsDb = this.db): Promise<number> {
    const latest = await this.latestVersion(db);
    if (latest !== Number(row.replaces_version)) {
      throw conflict('catalogue-moved', `草稿起草后目录已发布第 ${latest} 版，发布本草稿会撤销该版的变更；请基于第 ${latest} 版重新起草`);
    }
    return latest;
  }

  /** Tells each account once, inbox and message alike, in the transaction of the change it reports. */
  private async notifyAccounts(trx: Kysely<Database>, accountIds: string[], notice: Omit<Notice, 'accountId'>, at: string): Promise<void> {
    for (const accountId of new Set(accountIds)) await notify(trx, { ...notice, accountId }, at);
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
        await this.notifyAccounts(raw, reviewers.map((x) => x.id), {
          kind: 'catalogue-review', title: '事项目录变更征求意见',
          body: `「${row.title}」涉及本部门（${impact.matters.map((m) => m.name).join('、') || '目录'}），请审阅变更并提出意见（第 ${round} 轮）。`,
        }, at);
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
    requireOfficer(account, (await officerRoles(this.db, this.deps.config.opinionRoles, [department])).get(department) ?? 'lead');
    const comment = (input.comment ?? '').trim();
    if (input.opinion === 'disagree' && comment === '') throw badRequest('comment-required', '不同意时请写明理由和修改意见', [{ path: 'body.comment', message: '不能为空' }]);
    const round = Number(row.round);
    const dept = await this.departmentNames();
    const at = this.now();
    await this.transaction(async (trx, raw) => {
      // Claims the draft first: the row lock orders concurrent opinions, and a draft sent back takes no more.
      const r = await trx.updateTable('catalogue_drafts')
        .set((eb) => ({ ...(input.opinion === 'disagree' ? { status: 'revision' as const } : {}), updated_at: at, row_version: eb('row_version', '+', 1) }))
        .where('id', '=', id).where('status', '=', 'in-review').where('round', '=', round).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw conflict('not-in-review', '草稿已不在本轮征求意见阶段，请刷新后查看');
      const given = await trx.insertInto('catalogue_opinions').values({ draft_id: id, round, department, opinion: input.opinion, comment, given_by: account.id, given_at: at })
        .onConflict((oc) => oc.columns(['draft_id', 'round', 'department']).doNothing()).executeTakeFirst();
      if (Number(given.numInsertedOrUpdatedRows ?? 0) === 0) throw conflict('opinion-given', '本部门在本轮已经提出过意见');
      if (input.opinion === 'disagree') {
        const editors = await trx.selectFrom('accounts').select('id').where((eb) => eb.or([eb('id', '=', row.created_by), ...(row.department ? [eb.and([eb('role', '=', 'lead'), eb('department', '=', row.department)])] : [])])).execute();
        await this.notifyAccounts(raw, editors.map((x) => x.id), { kind: 'catalogue-revision', title: '事项目录草稿退回修改', body: `「${row.title}」未获${dept(department)}同意：${comment}` }, at);
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
        await this.notifyAccounts(raw, told, { kind: 'catalogue-published', title: '事项目录新版本已发布', body: `「${row.title}」已作为事项目录第 ${version} 版发布。` }, at);
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
      id: newRowId(), matter_id: input.matterId, reason, requested_by: account.id, requester_role: account.role, requester_department: account.department,
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
    if (account.role !== 'admin') {
      // In SQL, so that the limit counts only the requests the account may see.
      const { catalogue } = await this.deps.catalogues.latest();
      const led = account.role === 'lead' && account.department !== null ? [...catalogue.matters.values()].filter((m) => m.lead === account.department).map((m) => m.id) : [];
      q = q.where((eb) => eb.or([eb('requested_by', '=', account.id), ...(led.length > 0 ? [eb('matter_id', 'in', led)] : [])]));
    }
    return this.requestViews(await q.execute());
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
