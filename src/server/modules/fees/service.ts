/** 收费 for people and the payment platform: a case's orders, payments and refunds recorded, receipts, reconciliation. */
import type { Kysely } from 'kysely';
import type { CaseFees, FeeOrder, PaymentNotification, Reconciliation } from '../../../contracts/fees.ts';
import { amountInWords } from '../../../core/planning/fees.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, badRequest, notFound } from '../../errors.ts';
import type { Account } from '../identity/roles.ts';
import { loadCase } from '../cases/store.ts';
import { mustReach } from '../cases/service.ts';
import { paymentAdapter, type PaymentAdapter } from './adapter.ts';
import { openOrders, recordPayment, recordRefund, type FeeOrderRow, type PlannedCharge } from './orders.ts';
import { renderFeeReceipt } from './receipt.ts';

const ORDER_STATUS = { unpaid: '待缴费', paid: '已缴费', cancelled: '已撤销', refunded: '已退费' } as const;
const REFUND_STATUS = { pending: '待退费', refunded: '已退费' } as const;
const METHOD: Record<string, string> = { cash: '现金', card: '银行卡刷卡', wechat: '微信支付', alipay: '支付宝', unionpay: '银联在线' };
const methodName = (m: string | null) => (m === null ? null : METHOD[m] ?? '网上支付');

export class FeeService {
  readonly adapter: PaymentAdapter;

  constructor(private readonly deps: Deps) {
    this.adapter = paymentAdapter(deps.config);
  }

  private viaName(via: string | null): string | null {
    return via === null ? null : via === 'window' ? '综合窗口' : this.adapter.id === 'platform' ? this.adapter.name : '统一公共支付平台';
  }

  /** The case's orders (opened now if the submitted case has none yet), each with how to pay it. */
  async caseFees(caseId: string, actor: Account): Promise<CaseFees> {
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId);
      mustReach(actor, c.row.applicant_id);
      const orders = await openOrders(trx, this.deps, c);
      const refunds = orders.length === 0 ? [] : await trx.selectFrom('fee_refunds').selectAll().where('case_id', '=', caseId).execute();
      const { catalogue } = await this.deps.catalogues.get(c.row.catalogue_version, trx);
      const view = orders.map((o): FeeOrder => {
        const r = refunds.find((x) => x.order_id === o.id);
        return {
          reference: o.reference, item: o.item, itemName: o.item_name, departmentName: catalogue.departments.get(o.department)?.name ?? o.department,
          amount: o.amount, amountWords: amountInWords(o.amount), charges: (JSON.parse(o.charges) as PlannedCharge[]).map((ch) => ({ ...ch, exempt: ch.exempt ?? null })),
          status: o.status, statusName: ORDER_STATUS[o.status], paidAt: o.paid_at, paidVia: this.viaName(o.paid_via), paidMethodName: methodName(o.paid_method),
          payUrl: o.status === 'unpaid' ? this.adapter.instruction({ reference: o.reference, amount: o.amount, caseId }, this.deps.config.publicUrl).url : null,
          refund: r ? { id: r.id, amount: r.amount, reason: r.reason, status: r.status, statusName: REFUND_STATUS[r.status], refundedAt: r.refunded_at } : null,
        };
      });
      const sum = (s: FeeOrderRow['status']) => orders.filter((o) => o.status === s).reduce((n, o) => n + o.amount, 0);
      const pay = this.adapter.instruction({ reference: '', amount: 0, caseId }, this.deps.config.publicUrl);
      return { orders: view, due: sum('unpaid'), paid: sum('paid'), pay: { kind: pay.kind, text: pay.text } };
    });
  }

  /** The window records a payment received at the counter (cash or card). */
  async receivedAtWindow(reference: string, clerk: Account, method: 'cash' | 'card'): Promise<void> {
    await this.deps.db.kysely.transaction().execute((trx) =>
      recordPayment(trx, this.deps, reference, { via: 'window', method, by: `account:${clerk.id}`, transactionRef: null, at: this.deps.clock.now().toISOString() }));
  }

  /** The window records a refund given back at the counter. */
  async refundedAtWindow(refundId: string, clerk: Account): Promise<void> {
    await this.deps.db.kysely.transaction().execute(async (trx) => {
      await recordRefund(trx, this.deps, refundId, { via: 'window', by: `account:${clerk.id}`, transactionRef: null, at: this.deps.clock.now().toISOString() });
    });
  }

  /** The payment platform's signed notification of a payment or a refund: recorded once by 缴款码. */
  async notification(n: PaymentNotification): Promise<'recorded' | 'duplicate'> {
    const at = new Date(n.paidAt).toISOString();
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      if (n.type === 'payment') {
        const r = await recordPayment(trx, this.deps, n.reference, { via: 'platform', method: n.method ?? 'online', by: 'platform:payment', transactionRef: n.transactionId, at }, n.amount);
        return r.status;
      }
      const refund = await trx.selectFrom('fee_refunds').innerJoin('fee_orders', 'fee_orders.id', 'fee_refunds.order_id')
        .select('fee_refunds.id').where('fee_orders.reference', '=', n.reference).executeTakeFirst();
      if (!refund) throw new AppError('refund-not-pending', 409, `缴款码 ${n.reference} 没有待退的款项`);
      return recordRefund(trx, this.deps, refund.id, { via: 'platform', by: 'platform:payment', transactionRef: n.transactionId, at }, n.amount);
    });
  }

  /** 缴费凭证 of a paid (or since refunded) order. */
  async receipt(caseId: string, reference: string, actor: Account): Promise<{ pdf: Buffer; reference: string }> {
    const db = this.deps.db.kysely;
    const c = await loadCase(db, this.deps.db.dialect, caseId);
    mustReach(actor, c.row.applicant_id);
    const o = await db.selectFrom('fee_orders').selectAll().where('case_id', '=', caseId).where('reference', '=', reference).executeTakeFirst();
    if (!o || o.paid_at === null) throw notFound('缴费记录');
    const refund = await db.selectFrom('fee_refunds').select(['refunded_at']).where('order_id', '=', o.id).executeTakeFirst();
    const payer = await db.selectFrom('accounts').select(['display_name']).where('id', '=', c.row.applicant_id).executeTakeFirstOrThrow();
    const collector = o.paid_by?.startsWith('account:')
      ? (await db.selectFrom('accounts').select(['display_name']).where('id', '=', o.paid_by.slice(8)).executeTakeFirst())?.display_name ?? '综合窗口'
      : this.viaName(o.paid_via) ?? '';
    const { catalogue } = await this.deps.catalogues.get(c.row.catalogue_version);
    const pdf = await renderFeeReceipt({
      reference, caseNumber: c.row.number, matterName: catalogue.matters.get(c.row.matter_id)?.name ?? c.row.matter_id, itemName: o.item_name,
      payer: payer.display_name, department: catalogue.departments.get(o.department)?.name ?? o.department, charges: JSON.parse(o.charges) as PlannedCharge[],
      amount: o.amount, paidAt: o.paid_at, channel: this.viaName(o.paid_via) ?? '', method: methodName(o.paid_method) ?? '', collector, refundedAt: refund?.refunded_at ?? null,
    });
    return { pdf, reference };
  }

  /** 对账: per Shanghai day and department, what came in (by channel) and went back; a lead sees its department only. */
  async reconciliation(actor: Account, from: string, to: string): Promise<Reconciliation> {
    if (from > to) throw badRequest('invalid-request', '开始日期不能晚于结束日期', [{ path: 'query.from', message: '应不晚于 to' }]);
    const db: Kysely<Database> = this.deps.db.kysely;
    const own = actor.role === 'admin' || actor.role === 'auditor' ? null : actor.department;
    let paidQ = db.selectFrom('fee_orders').select(['paid_day', 'department', 'paid_via', 'amount']).where('paid_day', '>=', from).where('paid_day', '<=', to);
    let refundQ = db.selectFrom('fee_refunds').select(['refunded_day', 'department', 'amount', 'status']).where((eb) => eb.or([
      eb.and([eb('refunded_day', '>=', from), eb('refunded_day', '<=', to)]), eb('status', '=', 'pending'),
    ]));
    if (own !== null) {
      paidQ = paidQ.where('department', '=', own ?? '');
      refundQ = refundQ.where('department', '=', own ?? '');
    }
    const [paid, refunds, { catalogue }] = await Promise.all([paidQ.execute(), refundQ.execute(), this.deps.catalogues.latest()]);
    const zero = () => ({ paidCount: 0, paidAmount: 0, windowAmount: 0, platformAmount: 0, refundedCount: 0, refundedAmount: 0, net: 0 });
    const rows = new Map<string, Reconciliation['rows'][number]>();
    const row = (day: string, department: string) => {
      const key = `${day}|${department}`;
      let r = rows.get(key);
      if (!r) rows.set(key, (r = { day, department, departmentName: catalogue.departments.get(department)?.name ?? department, ...zero() }));
      return r;
    };
    const total = zero();
    for (const p of paid) {
      for (const r of [row(p.paid_day as string, p.department), total]) {
        r.paidCount++;
        r.paidAmount += p.amount;
        if (p.paid_via === 'window') r.windowAmount += p.amount;
        else r.platformAmount += p.amount;
        r.net += p.amount;
      }
    }
    const pending = { count: 0, amount: 0 };
    for (const f of refunds) {
      if (f.status === 'pending') {
        pending.count++;
        pending.amount += f.amount;
        continue;
      }
      for (const r of [row(f.refunded_day as string, f.department), total]) {
        r.refundedCount++;
        r.refundedAmount += f.amount;
        r.net -= f.amount;
      }
    }
    const sorted = [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.department.localeCompare(b.department));
    return { from, to, rows: sorted, total, pendingRefunds: pending };
  }
}
