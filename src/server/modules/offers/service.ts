/**
 * 免申即享 after the run (run.ts): the applicant's 一键确认 or declining, the public 公示 and its 异议,
 * the department's handling of 异议 and its 二次确认, and figures per policy. Every change is one
 * transaction with its audit entry; a change races safely because each update names the state it leaves.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DepartmentOffer, DepartmentOffers, DepartmentOffersQuery, Offer, OfferObjection, PolicyFigures, PublicityEntry } from '../../../contracts/offers.ts';
import type { Catalogue } from '../../../core/catalog/model.ts';
import {
  awaitingDecision, nextOfferStatus, OFFER_STATUS_NAME, offerFigures, publicityWindow, type OfferAction, type OfferStatus,
} from '../../../core/offers/offer.ts';
import type { Policy } from '../../../core/offers/policy.ts';
import { todayIn } from '../../clock.ts';
import { maskNumbersIn } from '../../crypto/sm4.ts';
import type { Database, OfferObjectionTable, OfferTable } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, badRequest, notFound } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Account } from '../identity/roles.ts';
import { notify } from '../notifications/service.ts';
import { currentPolicies } from './run.ts';
import { accountsOfKey, subjectOfAccount } from './subjects.ts';
import { newRowId } from '../../ids.ts';

type Row = Selectable<OfferTable>;
type ObjectionRow = Selectable<OfferObjectionTable>;
const OBJECTION_STATUS_NAME = { open: '待核查', upheld: '异议成立', dismissed: '异议不成立' } as const;

export class OfferService {
  constructor(private readonly deps: Deps) {}

  private today = () => todayIn(this.deps.clock);
  private db = () => this.deps.db.kysely;

  private async book(): Promise<{ catalogue: Catalogue; byId: Map<string, Policy> }> {
    const { catalogue, policies } = await currentPolicies(this.deps);
    return { catalogue, byId: new Map(policies.map((p) => [p.id, p])) };
  }

  private view(r: Row, book: { catalogue: Catalogue; byId: Map<string, Policy> }): Offer {
    const p = book.byId.get(r.policy_id);
    return {
      id: r.id, policyId: r.policy_id, policyName: p?.name ?? r.policy_id, departmentName: book.catalogue.departments.get(r.department)?.name ?? r.department,
      mode: r.mode, target: r.subject_kind, benefit: p?.benefit ?? '', legalBasis: p?.legalBasis ?? [], reasons: JSON.parse(r.reasons) as string[],
      status: r.status, statusName: OFFER_STATUS_NAME[r.status], foundOn: r.found_on,
      publicityFrom: r.publicity_from, publicityUntil: r.publicity_until, objectionUntil: r.objection_until, decisionNote: r.decision_note,
    };
  }

  private async row(id: string): Promise<Row> {
    const r = await this.db().selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('政策名单');
    return r;
  }

  /**
   * Applies `action` to the offer as it stands, inside one transaction: `write` makes the change, the
   * update guarded by the state it leaves, so of two racing requests only one moves it.
   */
  private async act(id: string, action: (r: Row, trx: Kysely<Database>) => OfferAction | Promise<OfferAction>, write: (trx: Kysely<Database>, r: Row, next: OfferStatus, at: string) => Promise<{ actor: string; action: string; detail?: Record<string, unknown> }>): Promise<Row> {
    const at = this.deps.clock.now().toISOString();
    await this.db().transaction().execute(async (trx) => {
      const r = await trx.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) throw notFound('政策名单');
      const t = nextOfferStatus(r.status, await action(r, trx));
      if (!t.ok) throw new AppError(t.code, 409, t.message);
      const audit = await write(trx, r, t.next, at);
      const moved = await trx.updateTable('offers').set({ status: t.next, updated_at: at }).where('id', '=', id).where('status', '=', r.status).executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) throw new AppError('offer-state', 409, '该名单刚被他人办理，请刷新后再看');
      await appendAudit(trx, this.deps.db.dialect, at, { actor: audit.actor, action: audit.action, entity: 'offer', entityId: id, detail: { from: r.status, to: t.next, ...(audit.detail ?? {}) } });
    });
    return this.row(id);
  }

  // ——— the applicant ———

  async mine(account: Account): Promise<Offer[]> {
    const subject = await subjectOfAccount(this.db(), account, this.deps.cipher);
    if (!subject) return [];
    const rows = await this.db().selectFrom('offers').selectAll().where('subject_kind', '=', subject.kind).where('subject_key', '=', subject.key).orderBy('created_at', 'desc').limit(100).execute();
    const book = await this.book();
    return rows.map((r) => this.view(r, book));
  }

  private async own(account: Account, id: string): Promise<Row> {
    const subject = await subjectOfAccount(this.db(), account, this.deps.cipher);
    const r = await this.db().selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r || !subject || r.subject_kind !== subject.kind || r.subject_key !== subject.key) throw notFound('政策名单');
    return r;
  }

  /** 一键确认: the confirmation is the application; 公示 starts today. */
  async confirm(account: Account, id: string): Promise<Offer> {
    await this.own(account, id);
    const book = await this.book();
    const today = this.today();
    const r = await this.act(id, () => ({ kind: 'confirm' }), async (trx, row, _next, at) => {
      const policy = book.byId.get(row.policy_id);
      if (!policy) throw badRequest('unknown-policy', '这项政策已停止，不能再确认');
      const w = publicityWindow(book.catalogue.calendar, today, policy);
      await trx.updateTable('offers').set({ confirmed_at: at, publicity_from: today, publicity_until: w.publicityUntil, objection_until: w.objectionUntil }).where('id', '=', id).execute();
      await notify(trx, { accountId: account.id, kind: 'offer', title: `已确认：${policy.name}`, body: `您已一键确认享受「${policy.name}」。名单公示至 ${w.publicityUntil}，期满经部门二次确认后兑现。` }, at);
      return { actor: `account:${account.id}`, action: 'offer.confirmed', detail: { publicityUntil: w.publicityUntil } };
    });
    return this.view(r, book);
  }

  async decline(account: Account, id: string): Promise<Offer> {
    await this.own(account, id);
    const r = await this.act(id, () => ({ kind: 'decline' }), async (trx, _row, _next, at) => {
      await trx.updateTable('offers').set({ declined_at: at }).where('id', '=', id).execute();
      return { actor: `account:${account.id}`, action: 'offer.declined' };
    });
    return this.view(r, await this.book());
  }

  // ——— the public ———

  /** Those in 公示 now, and those held by an 异议; names masked. */
  async publicity(): Promise<PublicityEntry[]> {
    const today = this.today();
    const rows = await this.db().selectFrom('offers').selectAll()
      .where((eb) => eb.or([eb('status', '=', 'objected'), eb.and([eb('status', '=', 'publicity'), eb('publicity_until', '>=', today)])]))
      .orderBy('publicity_from', 'desc').orderBy('policy_id').limit(500).execute();
    const book = await this.book();
    return rows.map((r) => {
      const v = this.view(r, book);
      return {
        id: r.id, policyName: v.policyName, departmentName: v.departmentName, target: r.subject_kind, name: r.subject_masked, benefit: v.benefit,
        publicityFrom: r.publicity_from ?? r.found_on, publicityUntil: r.publicity_until ?? r.found_on, objectionUntil: r.objection_until ?? r.found_on,
        objectionOpen: r.objection_until !== null && today <= r.objection_until,
      };
    });
  }

  /** 异议 from anyone (signed in or not): the offer is held until the department has looked into it. */
  async object(id: string, text: string, by: Account | null): Promise<{ id: string; objectionUntil: string }> {
    const clean = maskNumbersIn(text.trim());
    if ([...clean].length < 5) throw badRequest('invalid-request', '请写明异议的事实和理由，至少 5 个字', [{ path: 'body.text', message: '至少 5 个字' }]);
    const today = this.today();
    const objectionId = newRowId();
    const book = await this.book();
    const r = await this.act(id, (row) => ({ kind: 'object', today, objectionUntil: row.objection_until ?? '' }), async (trx, row, _next, at) => {
      await trx.insertInto('offer_objections').values({ id: objectionId, offer_id: id, text: clean, raised_by: by?.id ?? null, raised_at: at, status: 'open', resolution: null, resolved_by: null, resolved_at: null }).execute();
      const name = book.byId.get(row.policy_id)?.name ?? row.policy_id;
      const staff = await trx.selectFrom('accounts').select('id').where('department', '=', row.department).where('role', 'in', ['reviewer', 'lead']).execute();
      for (const s of staff) await notify(trx, { accountId: s.id, kind: 'offer', title: `免申即享公示收到异议：${name}`, body: `「${name}」公示名单中的 ${row.subject_masked} 收到异议，请核查处理后再二次确认。` }, at);
      return { actor: by ? `account:${by.id}` : 'anonymous', action: 'offer.objected', detail: { objection: objectionId } };
    });
    return { id: objectionId, objectionUntil: r.objection_until ?? today };
  }

  // ——— the department ———

  private async departmentRow(department: string, id: string): Promise<Row> {
    const r = await this.row(id);
    if (r.department !== department) throw notFound('政策名单');
    return r;
  }

  async forDepartment(department: string, query: DepartmentOffersQuery): Promise<DepartmentOffers> {
    const db = this.db();
    const today = this.today();
    const book = await this.book();
    const all = await db.selectFrom('offers').select(['id', 'policy_id', 'status', 'mode', 'confirmed_at', 'publicity_until']).where('department', '=', department).execute();
    const counts = new Map<string, number>();
    if (all.length > 0) {
      const raised = await db.selectFrom('offer_objections').innerJoin('offers', 'offers.id', 'offer_objections.offer_id')
        .select(['offer_objections.offer_id as id', (eb) => eb.fn.countAll<number>().as('n')]).where('offers.department', '=', department).groupBy('offer_objections.offer_id').execute();
      for (const x of raised) counts.set(x.id, Number(x.n));
    }
    const policies = [...book.byId.values()].filter((p) => p.department === department || all.some((r) => r.policy_id === p.id));
    const figures: PolicyFigures[] = policies.map((p) => ({
      policyId: p.id, policyName: p.name, mode: p.mode, target: p.target,
      ...offerFigures(all.filter((r) => r.policy_id === p.id).map((r) => ({ status: r.status, mode: r.mode, confirmed: r.confirmed_at !== null, objections: counts.get(r.id) ?? 0, publicityUntil: r.publicity_until })), today),
    }));
    let q = db.selectFrom('offers').selectAll().where('department', '=', department);
    if (query.status) q = q.where('status', '=', query.status);
    if (query.awaiting === 'true') q = q.where('status', '=', 'publicity').where('publicity_until', '<', today);
    const rows = await q.orderBy('publicity_until').orderBy('created_at').limit(500).execute();
    const objections = rows.length === 0 ? [] : await db.selectFrom('offer_objections').selectAll().where('offer_id', 'in', rows.map((r) => r.id)).orderBy('raised_at').execute();
    const offers: DepartmentOffer[] = rows.map((r) => ({
      ...this.view(r, book), subjectName: this.deps.cipher.decrypt(r.subject_name_enc), awaitingDecision: awaitingDecision(r.status, r.publicity_until, today),
      objections: objections.filter((o) => o.offer_id === r.id).map((o) => this.objectionView(o)),
    }));
    return { figures, offers };
  }

  private objectionView(o: ObjectionRow): OfferObjection {
    return { id: o.id, text: o.text, status: o.status, statusName: OBJECTION_STATUS_NAME[o.status], raisedAt: o.raised_at, resolution: o.resolution, resolvedAt: o.resolved_at };
  }

  async resolveObjection(department: string, actor: string, objectionId: string, upheld: boolean, note: string): Promise<OfferObjection> {
    const o = await this.db().selectFrom('offer_objections').selectAll().where('id', '=', objectionId).executeTakeFirst();
    if (!o) throw notFound('异议');
    await this.departmentRow(department, o.offer_id);
    if (o.status !== 'open') throw new AppError('objection-settled', 409, '该异议已处理');
    const clean = maskNumbersIn(note.trim());
    // The other objections still open keep the offer held.
    const othersOpen = async (trx: Kysely<Database>) => (await trx.selectFrom('offer_objections').select('id').where('offer_id', '=', o.offer_id).where('status', '=', 'open').where('id', '!=', objectionId).execute()).length;
    await this.act(o.offer_id, async (_r, trx) => ({ kind: 'resolve', openLeft: await othersOpen(trx) }), async (trx, _row, next, at) => {
      const done = await trx.updateTable('offer_objections').set({ status: upheld ? 'upheld' : 'dismissed', resolution: clean, resolved_by: actor, resolved_at: at })
        .where('id', '=', objectionId).where('status', '=', 'open').executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) throw new AppError('objection-settled', 409, '该异议已处理');
      return { actor, action: 'offer.objection-resolved', detail: { objection: objectionId, upheld, held: next === 'objected' } };
    });
    return this.objectionView((await this.db().selectFrom('offer_objections').selectAll().where('id', '=', objectionId).executeTakeFirstOrThrow()));
  }

  /** 二次确认: after 公示 with no 异议 open, the department grants or refuses (with its reason). */
  async decide(department: string, actor: string, id: string, grant: boolean, note: string | undefined): Promise<DepartmentOffer> {
    await this.departmentRow(department, id);
    const reason = note !== undefined ? maskNumbersIn(note.trim()) : '';
    if (!grant && [...reason].length < 5) throw badRequest('reason-required', '不予兑现时请写明理由', [{ path: 'body.note', message: '至少 5 个字' }]);
    const today = this.today();
    const book = await this.book();
    await this.act(id, (r) => ({ kind: 'decide', grant, today, publicityUntil: r.publicity_until ?? today }), async (trx, r, next, at) => {
      await trx.updateTable('offers').set({ decided_at: at, decided_by: actor, decision_note: grant ? null : reason }).where('id', '=', id).execute();
      const name = book.byId.get(r.policy_id)?.name ?? r.policy_id;
      const body = next === 'granted' ? `「${name}」经公示和部门二次确认，已为您兑现：${book.byId.get(r.policy_id)?.benefit ?? ''}` : `「${name}」经部门二次确认不予兑现，理由：${reason}。如有疑问请拨打 12345。`;
      for (const accountId of await accountsOfKey(trx, this.deps.cipher, r.subject_kind, r.subject_key)) {
        await notify(trx, { accountId, kind: 'offer', title: next === 'granted' ? `已兑现：${name}` : `不予兑现：${name}`, body }, at);
      }
      return { actor, action: next === 'granted' ? 'offer.granted' : 'offer.refused', detail: grant ? {} : { reason } };
    });
    const r = await this.row(id);
    return { ...this.view(r, book), subjectName: this.deps.cipher.decrypt(r.subject_name_enc), awaitingDecision: false, objections: [] };
  }
}
