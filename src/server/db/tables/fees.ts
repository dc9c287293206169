/** 收费 (migration 022): payment orders and refund orders, amounts in fen. */

export type FeeOrderStatus = 'unpaid' | 'paid' | 'cancelled' | 'refunded';
export type FeeRefundStatus = 'pending' | 'refunded';

export interface FeeOrderTable {
  id: string;
  /** 缴款码: 20 digits, the Shanghai day, the department's region and a sequence of the day. */
  reference: string;
  case_id: string;
  item: string;
  item_name: string;
  department: string;
  /** JSON: the item's planned charges (name, standard, basis, due, exemption, reductions). */
  charges: string;
  amount: number;
  status: FeeOrderStatus;
  created_at: string;
  paid_at: string | null;
  /** Shanghai day of the payment, for the day's reconciliation. */
  paid_day: string | null;
  /** The adapter that recorded it: window, or platform (统一公共支付平台). */
  paid_via: string | null;
  paid_method: string | null;
  paid_by: string | null;
  /** The payment platform's transaction number (交易流水号): one payment, once. */
  transaction_ref: string | null;
  closed_at: string | null;
}

export interface FeeRefundTable {
  id: string;
  order_id: string;
  case_id: string;
  department: string;
  amount: number;
  reason: string;
  status: FeeRefundStatus;
  created_at: string;
  refunded_at: string | null;
  refunded_day: string | null;
  refunded_via: string | null;
  refunded_by: string | null;
  transaction_ref: string | null;
}
