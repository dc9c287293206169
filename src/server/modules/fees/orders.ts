/**
 * Payment orders (缴款通知) in the caller's transaction: opened from the frozen plan for each item
 * that charges, holding that item's task until paid (待缴费), paid once whoever reports it and
 * however often, and settled on withdrawal (unpaid ones cancelled, paid ones refunded).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { releaseHeld } from '../../../core/case/orchestrate.ts';
import { isTaskFinal } from '../../../core/case/task.ts';
import type { PlannedCharge } from '../../../core/planning/fees.ts';
import { shanghaiDay } from '../../../core/reporting/time.ts';
import type { Database, FeeOrderTable } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { conflict } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { loadCase, type LoadedCase } from '../cases/store.ts';
import { notify } from '../notifications/service.ts';
import { applyFlow } from '../tasks/flow.ts';
import { newRowId } from '../../ids.ts';

export type FeeOrderRow = Selectable<FeeOrderTable>;
type Plan = NonNullable<LoadedCase['plan']>;

const charging = (plan: Plan | null) => (plan?.items ?? []).filter((i) => (i.fees?.due ?? 0) > 0);

/** 缴款码: the Shanghai day, the region (or 000000) and the day's sequence: 20 digits, unique. */
async function nextReference(trx: Kysely<Database>, day: string, region: string | null): Promise<string> {
  const row = await trx.insertInto('counters').values({ name: `fee-${day}`, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`counters.value + 1` }))
    .returning('value').executeTakeFirstOrThrow();
  const area = region && /^\d{6}/.test(region) ? region.slice(0, 6) : '000000';
  return `${day.replaceAll('-', '')}${area}${String(row.value).padStart(6, '0')}`;
}

/** Opens the orders a submitted case's plan calls for and has not yet (idempotent); the case's orders. */
export async function openOrders(trx: Kysely<Database>, deps: Deps, c: Pick<LoadedCase, 'row' | 'plan'>): Promise<FeeOrderRow[]> {
  const wanted = charging(c.plan);
  const existing = await trx.selectFrom('fee_orders').selectAll().where('case_id', '=', c.row.id).orderBy('reference').execute();
  if (c.row.status === 'draft') return existing;
  const missing = wanted.filter((i) => !existing.some((o) => o.item === i.id));
  if (missing.length === 0) return existing;
  const at = deps.clock.now().toISOString();
  const day = shanghaiDay(at);
  for (const item of missing) {
    await trx.insertInto('fee_orders').values({
      id: newRowId(), reference: await nextReference(trx, day, item.region?.code ?? c.row.region ?? null), case_id: c.row.id, item: item.id, item_name: item.name,
      department: item.department.code, charges: JSON.stringify(item.fees?.charges ?? []), amount: item.fees?.due ?? 0, status: 'unpaid', created_at: at,
      paid_at: null, paid_day: null, paid_via: null, paid_method: null, paid_by: null, transaction_ref: null, closed_at: null,
    }).onConflict((oc) => oc.columns(['case_id', 'item']).doNothing()).execute();
  }
  await appendAudit(trx, deps.db.dialect, at, { actor: 'platform', action: 'fee.open', entity: 'case', entityId: c.row.id, detail: { items: missing.map((i) => ({ item: i.id, amount: i.fees?.due })) } });
  return trx.selectFrom('fee_orders').selectAll().where('case_id', '=', c.row.id).orderBy('reference').execute();
}

/** The items whose task waits for payment (待缴费): opens the orders first. No query for a plan that charges nothing. */
export async function unpaidItems(trx: Kysely<Database>, deps: Deps, c: Pick<LoadedCase, 'row' | 'plan'>): Promise<Set<string>> {
  if (charging(c.plan).length === 0) return new Set();
  return new Set((await openOrders(trx, deps, c)).filter((o) => o.status === 'unpaid').map((o) => o.item));
}

export interface Payment {
  via: 'window' | 'platform';
  method: string;
  /** account:… for a clerk, platform:… for the payment platform. */
  by: string;
  transactionRef: string | null;
  /** The payment's own time (the platform's paidAt, or now). */
  at: string;
}

/**
 * Records an order paid: once. With the case locked first (as acceptance and decisions do), the
 * same 缴款码 reported twice or at once finds it paid and answers `duplicate`. A task the fee held
 * is dispatched now.
 */
export async function recordPayment(trx: Kysely<Database>, deps: Deps, reference: string, payment: Payment, amount?: number): Promise<{ order: FeeOrderRow; status: 'recorded' | 'duplicate' }> {
  const found = await trx.selectFrom('fee_orders').select(['case_id']).where('reference', '=', reference).executeTakeFirst();
  if (!found) throw conflict('fee-not-payable', `没有缴款码为「${reference.slice(0, 30)}」的缴款通知`);
  const c = await loadCase(trx, deps.db.dialect, found.case_id, true);
  const order = await trx.selectFrom('fee_orders').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
  if (order.status !== 'unpaid') {
    // The platform's retry of the payment it already reported; a second clerk's record is a mistake.
    const same = order.status !== 'cancelled' && payment.via === 'platform' && order.transaction_ref === payment.transactionRef;
    if (same) return { order, status: 'duplicate' };
    throw conflict('fee-not-payable', `缴款通知 ${reference} ${order.status === 'cancelled' ? '已撤销' : '已缴清'}`);
  }
  if (amount !== undefined && amount !== order.amount) {
    throw conflict('fee-amount-mismatch', `支付金额 ${amount} 分与应缴金额 ${order.amount} 分不一致`, [{ path: 'body.amount', message: '与缴款通知的应缴金额不一致' }]);
  }
  const now = deps.clock.now().toISOString();
  await trx.updateTable('fee_orders').set({
    status: 'paid', paid_at: payment.at, paid_day: shanghaiDay(payment.at), paid_via: payment.via, paid_method: payment.method, paid_by: payment.by, transaction_ref: payment.transactionRef,
  }).where('id', '=', order.id).where('status', '=', 'unpaid').execute();
  await notify(trx, { accountId: c.row.applicant_id, kind: 'fee', title: '缴费成功', body: `办件 ${c.row.number}：「${order.item_name}」已缴费 ${(order.amount / 100).toFixed(2)} 元，缴款码 ${reference}，可下载缴费凭证。`, caseId: c.row.id }, now);
  const audit = { actor: payment.by, action: 'fee.paid', entity: 'case', entityId: c.row.id, detail: { reference, item: order.item, amount: order.amount, via: payment.via, method: payment.method, transaction: payment.transactionRef } };
  const task = c.tasks.find((t) => t.id === order.item);
  if (task?.status === 'waiting' && c.record.status !== 'withdrawn') {
    const { catalogue } = await deps.catalogues.get(c.row.catalogue_version, trx);
    const r = releaseHeld(c.tasks, order.item, shanghaiDay(now), catalogue.calendar);
    if (!r.ok) throw conflict(r.error.code, r.error.message);
    if (r.dispatch.length > 0) {
      await appendAudit(trx, deps.db.dialect, now, audit);
      await applyFlow(trx, deps, c, r.state, r.effects, payment.by);
      return { order: { ...order, status: 'paid' }, status: 'recorded' };
    }
  }
  await appendAudit(trx, deps.db.dialect, now, audit);
  return { order: { ...order, status: 'paid' }, status: 'recorded' };
}

/** On withdrawal: unpaid orders are cancelled; a paid order whose item is not decided becomes a refund order. */
export async function settleOnWithdrawal(trx: Kysely<Database>, deps: Deps, c: Pick<LoadedCase, 'row' | 'tasks'>, actor: string): Promise<void> {
  const orders = await trx.selectFrom('fee_orders').selectAll().where('case_id', '=', c.row.id).where('status', 'in', ['unpaid', 'paid']).execute();
  if (orders.length === 0) return;
  const at = deps.clock.now().toISOString();
  const refunds = orders.filter((o) => o.status === 'paid' && !c.tasks.some((t) => t.id === o.item && isTaskFinal(t.status) && t.status !== 'stopped'));
  await trx.updateTable('fee_orders').set({ status: 'cancelled', closed_at: at }).where('case_id', '=', c.row.id).where('status', '=', 'unpaid').execute();
  for (const o of refunds) {
    await trx.insertInto('fee_refunds').values({
      id: newRowId(), order_id: o.id, case_id: o.case_id, department: o.department, amount: o.amount, reason: '申请人撤回申请，事项未作出决定', status: 'pending',
      created_at: at, refunded_at: null, refunded_day: null, refunded_via: null, refunded_by: null, transaction_ref: null,
    }).onConflict((oc) => oc.column('order_id').doNothing()).execute();
  }
  if (refunds.length > 0) {
    await notify(trx, { accountId: c.row.applicant_id, kind: 'fee', title: '退费', body: `办件 ${c.row.number} 已撤回，已缴的 ${(refunds.reduce((s, o) => s + o.amount, 0) / 100).toFixed(2)} 元将原路退回或到综合窗口退还。`, caseId: c.row.id }, at);
  }
  await appendAudit(trx, deps.db.dialect, at, { actor, action: 'fee.settle-withdrawal', entity: 'case', entityId: c.row.id, detail: { cancelled: orders.filter((o) => o.status === 'unpaid').map((o) => o.reference), refunds: refunds.map((o) => ({ reference: o.reference, amount: o.amount })) } });
}

/** A refund given back: once; the order is then 已退费. */
export async function recordRefund(trx: Kysely<Database>, deps: Deps, refundId: string, r: Omit<Payment, 'method'>, amount?: number): Promise<'recorded' | 'duplicate'> {
  const refund = await trx.selectFrom('fee_refunds').selectAll().where('id', '=', refundId).executeTakeFirst();
  if (!refund) throw conflict('refund-not-pending', '没有这笔退费');
  await loadCase(trx, deps.db.dialect, refund.case_id, true);
  const now = await trx.selectFrom('fee_refunds').select(['status', 'transaction_ref']).where('id', '=', refundId).executeTakeFirstOrThrow();
  if (now.status !== 'pending') {
    if (r.via === 'platform' && now.transaction_ref === r.transactionRef) return 'duplicate';
    throw conflict('refund-not-pending', '该退费已办理');
  }
  if (amount !== undefined && amount !== refund.amount) throw conflict('fee-amount-mismatch', `退费金额 ${amount} 分与应退金额 ${refund.amount} 分不一致`, [{ path: 'body.amount', message: '与应退金额不一致' }]);
  await trx.updateTable('fee_refunds').set({ status: 'refunded', refunded_at: r.at, refunded_day: shanghaiDay(r.at), refunded_via: r.via, refunded_by: r.by, transaction_ref: r.transactionRef })
    .where('id', '=', refundId).where('status', '=', 'pending').execute();
  const at = deps.clock.now().toISOString();
  await trx.updateTable('fee_orders').set({ status: 'refunded', closed_at: at }).where('id', '=', refund.order_id).execute();
  await appendAudit(trx, deps.db.dialect, at, { actor: r.by, action: 'fee.refunded', entity: 'case', entityId: refund.case_id, detail: { refund: refundId, amount: refund.amount, via: r.via, transaction: r.transactionRef } });
  return 'recorded';
}

export type { PlannedCharge };
