/** 收费: a case's payment orders (缴款通知) and refunds, the window's records, the platform's notification, reconciliation. Amounts in fen. */
import { Type, type Static } from 'typebox';
import { Day, Nullable, OneOf, Uuid } from './http.ts';

export const FEE_ORDER_STATUSES = ['unpaid', 'paid', 'cancelled', 'refunded'] as const;
export const REFUND_STATUSES = ['pending', 'refunded'] as const;
export const WINDOW_PAY_METHODS = ['cash', 'card'] as const;

const Fen = (description: string) => Type.Integer({ minimum: 0, description: `${description}（分）` });

export const FeeCharge = Type.Object({
  name: Type.String(), amount: Fen('收费标准'), basis: Type.String({ description: '收费依据' }), due: Fen('应缴'),
  exempt: Nullable(Type.String({ description: '免收的情形' })), reductions: Type.Array(Type.Object({ name: Type.String(), amount: Fen('减收') })),
});

export const FeeRefund = Type.Object({
  id: Type.String(), amount: Fen('应退'), reason: Type.String(), status: OneOf(REFUND_STATUSES), statusName: Type.String(),
  refundedAt: Nullable(Type.String()),
});

export const FeeOrder = Type.Object({
  reference: Type.String({ description: '缴款码（20 位）' }),
  item: Type.String(), itemName: Type.String(), departmentName: Type.String(),
  amount: Fen('应缴金额'), amountWords: Type.String({ description: '金额大写' }),
  charges: Type.Array(FeeCharge),
  status: OneOf(FEE_ORDER_STATUSES), statusName: Type.String(),
  paidAt: Nullable(Type.String()), paidVia: Nullable(Type.String({ description: '收款渠道名称' })), paidMethodName: Nullable(Type.String()),
  payUrl: Nullable(Type.String({ description: '统一公共支付平台的缴费链接；窗口缴费时为 null' })),
  refund: Nullable(FeeRefund),
});
export type FeeOrder = Static<typeof FeeOrder>;

export const CaseFees = Type.Object({
  orders: Type.Array(FeeOrder),
  due: Fen('待缴合计'), paid: Fen('已缴合计'),
  pay: Type.Object({ kind: OneOf(['window', 'online'] as const), text: Type.String({ description: '如何缴费' }) }),
});
export type CaseFees = Static<typeof CaseFees>;

export const ReferenceParams = Type.Object({ id: Uuid, reference: Type.String({ pattern: '^[0-9]{20}$' }) });
export const WindowReferenceParams = Type.Object({ reference: Type.String({ pattern: '^[0-9]{20}$' }) });
export const RefundParams = Type.Object({ id: Uuid });

export const WindowPaymentBody = Type.Object({ method: OneOf(WINDOW_PAY_METHODS, 'cash 现金，card 刷卡') }, { additionalProperties: false });
export type WindowPaymentBody = Static<typeof WindowPaymentBody>;
export const WindowRefundBody = Type.Object({ method: OneOf(WINDOW_PAY_METHODS, '退还方式') }, { additionalProperties: false });

export const PaymentNotification = Type.Object({
  type: OneOf(['payment', 'refund'] as const),
  reference: Type.String({ pattern: '^[0-9]{20}$', description: '缴款码' }),
  transactionId: Type.String({ minLength: 1, maxLength: 64, description: '支付平台交易流水号' }),
  amount: Type.Integer({ minimum: 0, description: '金额（分）' }),
  paidAt: Type.String({ format: 'date-time' }),
  method: Type.Optional(Type.String({ maxLength: 32 })),
}, { additionalProperties: false });
export type PaymentNotification = Static<typeof PaymentNotification>;
export const NotificationAnswer = Type.Object({ status: OneOf(['recorded', 'duplicate'] as const) });

export const ReconciliationQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }, { additionalProperties: false, description: '北京时间日期；不给出为今天' });
const figures = {
  paidCount: Type.Integer(), paidAmount: Fen('实收'), windowAmount: Fen('窗口实收'), platformAmount: Fen('平台实收'),
  refundedCount: Type.Integer(), refundedAmount: Fen('已退'), net: Type.Integer({ description: '净收（分）' }),
};
export const Reconciliation = Type.Object({
  from: Day, to: Day,
  rows: Type.Array(Type.Object({ day: Day, department: Type.String(), departmentName: Type.String(), ...figures })),
  total: Type.Object(figures),
  pendingRefunds: Type.Object({ count: Type.Integer(), amount: Fen('待退') }),
});
export type Reconciliation = Static<typeof Reconciliation>;
