import { EntityManager } from 'typeorm';
import { queryRow } from '@galley/platform';
import { PricedLine } from '../domain/refund-lines';

/** What payments knows about an order from `orders.events`. */
export interface OrderView {
  orderId: string;
  customerId: string;
  totalAmount: number;
  currency: string;
  status: string;
}

const COLUMNS = `order_id, customer_id, total_amount, currency, status`;

/** Queries on `payments.orders`, the order read-model; no rules. */
export class OrdersViewRepository {
  constructor(private readonly manager: EntityManager) {}

  async find(orderId: string): Promise<OrderView | null> {
    return queryRow<OrderView>(this.manager, `SELECT ${COLUMNS} FROM payments.orders WHERE order_id = $1`, [orderId]);
  }

  /** Records the order (or refreshes its status); the customer and total of an order never change. */
  async upsert(order: OrderView): Promise<void> {
    await this.manager.query(
      `INSERT INTO payments.orders (order_id, customer_id, total_amount, currency, status) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
      [order.orderId, order.customerId, order.totalAmount, order.currency, order.status],
    );
  }

  /** The order's priced lines from `order.placed` (kept once; null when payments never saw them). */
  async setLines(orderId: string, lines: readonly PricedLine[]): Promise<void> {
    await this.manager.query(`UPDATE payments.orders SET lines = COALESCE(lines, $2::jsonb) WHERE order_id = $1`, [orderId, JSON.stringify(lines)]);
  }

  async lines(orderId: string): Promise<PricedLine[] | null> {
    const row = await queryRow<{ lines: PricedLine[] | null }>(this.manager, `SELECT lines FROM payments.orders WHERE order_id = $1`, [orderId]);
    return row?.lines ?? null;
  }

  /** Sets the status of a known order; an order payments never heard of is recorded with what the event carries. */
  async setStatus(order: { orderId: string; customerId: string; status: string }): Promise<void> {
    await this.manager.query(
      `INSERT INTO payments.orders (order_id, customer_id, total_amount, currency, status) VALUES ($1, $2, 0, 'XXX', $3)
       ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
      [order.orderId, order.customerId, order.status],
    );
  }
}
