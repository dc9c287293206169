/**
 * 收费: one payment order (缴款通知) per charging item of a case, with its 缴款码, and one refund
 * order per paid order given back on withdrawal. Amounts are integers of fen.
 */
import type { Kysely } from 'kysely';

export function fees() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createTable('fee_orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('item_name', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('charges', 'text', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('paid_at', 'text')
        .addColumn('paid_day', 'text')
        .addColumn('paid_via', 'text')
        .addColumn('paid_method', 'text')
        .addColumn('paid_by', 'text')
        .addColumn('transaction_ref', 'text', (c) => c.unique())
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema.createIndex('fee_orders_by_case_item').unique().on('fee_orders').columns(['case_id', 'item']).execute();
      await db.schema.createIndex('fee_orders_by_day').on('fee_orders').columns(['paid_day', 'department']).execute();
      await db.schema.createTable('fee_refunds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull().unique().references('fee_orders.id'))
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('amount', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('refunded_at', 'text')
        .addColumn('refunded_day', 'text')
        .addColumn('refunded_via', 'text')
        .addColumn('refunded_by', 'text')
        .addColumn('transaction_ref', 'text', (c) => c.unique())
        .execute();
      await db.schema.createIndex('fee_refunds_by_day').on('fee_refunds').columns(['refunded_day', 'department']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('fee_refunds').execute();
      await db.schema.dropTable('fee_orders').execute();
    },
  };
}
