import { EntityManager } from 'typeorm';
import { Money } from '@galley/contracts';
import { CreatedAtPosition, queryRow, queryRows } from '@galley/platform';
import { DEFAULT_PREPARATION_MINUTES } from '../domain/kitchen-eta';
import { OrderStatus, TransitionActor } from '../domain/order-status';
import { PricedModifier } from '../domain/pricing';
import { QueuedTicket, queueTickets } from './kitchen.repository';

export interface DeliveryAddress {
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface OrderRecord {
  id: string;
  customerId: string;
  status: OrderStatus;
  total: Money;
  fulfillmentType: 'pickup' | 'delivery';
  deliveryAddress: DeliveryAddress | null;
  note: string | null;
  reservationId: string | null;
  reservationExpiresAt: Date | null;
  paymentIntentId: string | null;
  paidAmount: number;
  refundedAmount: number;
  historyLength: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrderLineRecord {
  lineNo: number;
  productId: string;
  name: string;
  quantity: number;
  modifiers: PricedModifier[];
  unitPrice: Money;
  lineTotal: Money;
}

export interface HistoryEntry {
  sequence: number;
  status: OrderStatus;
  reason: string;
  at: Date;
  actor: TransitionActor;
  actorId: string | null;
  causeEventId: string | null;
  causeEventType: string | null;
}

export interface RefundRecord {
  refundId: string;
  amount: Money;
  status: string;
  reason: string | null;
  at: Date;
}

/** Everything an order's view shows, read in one statement (one snapshot, one round trip). */
export interface OrderView {
  order: OrderRecord;
  lines: OrderLineRecord[];
  history: HistoryEntry[];
  refunds: RefundRecord[];
  /** The kitchen as the order's estimate needs it; null when the order's status is not one asked about. */
  kitchen: { capacity: number | null; queue: QueuedTicket[]; workMinutes: number } | null;
}

interface OrderRow extends Omit<OrderRecord, 'total'> {
  totalAmount: number;
  currency: string;
}

/** The json the view's statement aggregates (timestamps arrive as ISO strings inside json). */
interface OrderViewRow extends OrderRow {
  kitchenCapacity: number | null;
  lines: Array<Omit<OrderLineRecord, 'unitPrice' | 'lineTotal'> & { unitPriceAmount: number; lineTotalAmount: number }>;
  history: Array<Omit<HistoryEntry, 'at'> & { at: string }>;
  refunds: Array<Omit<RefundRecord, 'amount' | 'at'> & { amount: number; currency: string; at: string }>;
  queue: Array<{ order_id: string; customer_id: string; queued_at: string; preparing_since: string | null; work_minutes: number }> | null;
  workMinutes: number | null;
}

const COLUMNS = `id, customer_id, status, total_amount, currency, fulfillment_type, delivery_address, note, reservation_id,
  reservation_expires_at, payment_intent_id, paid_amount, refunded_amount, history_length, created_at, updated_at`;

function toOrder(row: OrderRow): OrderRecord {
  const { totalAmount, currency, ...rest } = row;
  return { ...rest, total: { amount: totalAmount, currency } };
}

/** Queries on orders, their lines, history and refunds; no rules. */
export class OrdersRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(order: OrderRecord, lines: readonly OrderLineRecord[]): Promise<void> {
    await this.manager.query(
      `INSERT INTO orders.orders (id, customer_id, status, total_amount, currency, fulfillment_type, delivery_address, note, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [order.id, order.customerId, order.status, order.total.amount, order.total.currency, order.fulfillmentType, order.deliveryAddress, order.note, order.createdAt],
    );
    await this.manager.query(
      `INSERT INTO orders.order_lines (order_id, line_no, product_id, name, quantity, modifiers, unit_price_amount, line_total_amount)
       SELECT $1, * FROM unnest($2::int[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::bigint[], $8::bigint[])`,
      [
        order.id,
        lines.map((line) => line.lineNo),
        lines.map((line) => line.productId),
        lines.map((line) => line.name),
        lines.map((line) => line.quantity),
        lines.map((line) => JSON.stringify(line.modifiers)),
        lines.map((line) => line.unitPrice.amount),
        lines.map((line) => line.lineTotal.amount),
      ],
    );
  }

  async find(id: string): Promise<OrderRecord | null> {
    const row = await queryRow<OrderRow>(this.manager, `SELECT ${COLUMNS} FROM orders.orders WHERE id = $1`, [id]);
    return row ? toOrder(row) : null;
  }

  /**
   * The order with its lines, history and refunds, and, when its status is one of `estimatedStatuses`, the kitchen
   * its estimate needs (the capacity; with one, the whole queue, else only this order's ticket; its own work), all
   * from one statement. Null when there is no such order.
   */
  async view(id: string, estimatedStatuses: readonly OrderStatus[]): Promise<OrderView | null> {
    const row = await queryRow<OrderViewRow>(
      this.manager,
      `WITH settings AS (SELECT kitchen_capacity FROM orders.store_settings WHERE id)
       SELECT ${COLUMNS},
         (SELECT kitchen_capacity FROM settings) AS kitchen_capacity,
         (SELECT COALESCE(json_agg(json_build_object('lineNo', l.line_no, 'productId', l.product_id, 'name', l.name, 'quantity', l.quantity,
                   'modifiers', l.modifiers, 'unitPriceAmount', l.unit_price_amount, 'lineTotalAmount', l.line_total_amount) ORDER BY l.line_no), '[]')
            FROM orders.order_lines l WHERE l.order_id = v.id) AS lines,
         (SELECT COALESCE(json_agg(json_build_object('sequence', h.sequence, 'status', h.status, 'reason', h.reason, 'at', h.at, 'actor', h.actor,
                   'actorId', h.actor_id, 'causeEventId', h.cause_event_id, 'causeEventType', h.cause_event_type) ORDER BY h.sequence), '[]')
            FROM orders.order_status_history h WHERE h.order_id = v.id) AS history,
         (SELECT COALESCE(json_agg(json_build_object('refundId', r.refund_id, 'amount', r.amount, 'currency', r.currency, 'status', r.status,
                   'reason', r.reason, 'at', r.at) ORDER BY r.at, r.refund_id), '[]')
            FROM orders.order_refunds r WHERE r.order_id = v.id) AS refunds,
         CASE WHEN v.status = ANY($2) THEN
           (SELECT COALESCE(json_agg(t), '[]') FROM (${queueTickets('$3')} AND ((SELECT kitchen_capacity FROM settings) IS NOT NULL OR o.id = v.id)) t)
         END AS queue,
         CASE WHEN v.status = ANY($2) THEN
           (SELECT COALESCE(sum(l.quantity * COALESCE(c.preparation_minutes, $3)), 0)
              FROM orders.order_lines l LEFT JOIN orders.catalog_products c ON c.id = l.product_id WHERE l.order_id = v.id)
         END AS work_minutes
       FROM orders.orders v WHERE v.id = $1`,
      [id, estimatedStatuses, DEFAULT_PREPARATION_MINUTES],
    );
    if (!row) return null;
    const { kitchenCapacity, lines, history, refunds, queue, workMinutes, ...order } = row;
    const currency = order.currency;
    return {
      order: toOrder(order),
      lines: lines.map(({ unitPriceAmount, lineTotalAmount, ...line }) => ({
        ...line,
        unitPrice: { amount: unitPriceAmount, currency },
        lineTotal: { amount: lineTotalAmount, currency },
      })),
      history: history.map((entry) => ({ ...entry, at: new Date(entry.at) })),
      refunds: refunds.map(({ amount, currency: refundCurrency, at, ...refund }) => ({ ...refund, amount: { amount, currency: refundCurrency }, at: new Date(at) })),
      kitchen:
        queue === null
          ? null
          : {
              capacity: kitchenCapacity,
              queue: queue.map((ticket) => ({
                orderId: ticket.order_id,
                customerId: ticket.customer_id,
                queuedAt: new Date(ticket.queued_at),
                preparingSince: ticket.preparing_since === null ? null : new Date(ticket.preparing_since),
                workMinutes: ticket.work_minutes,
              })),
              workMinutes: workMinutes ?? 0,
            },
    };
  }

  /** The order, locked until the transaction ends: every status change goes through this. */
  async lock(id: string): Promise<OrderRecord | null> {
    const row = await queryRow<OrderRow>(this.manager, `SELECT ${COLUMNS} FROM orders.orders WHERE id = $1 FOR UPDATE`, [id]);
    return row ? toOrder(row) : null;
  }

  async lines(orderId: string, currency: string): Promise<OrderLineRecord[]> {
    const rows = await queryRows<Omit<OrderLineRecord, 'unitPrice' | 'lineTotal'> & { unitPriceAmount: number; lineTotalAmount: number }>(
      this.manager,
      `SELECT line_no, product_id, name, quantity, modifiers, unit_price_amount, line_total_amount
         FROM orders.order_lines WHERE order_id = $1 ORDER BY line_no`,
      [orderId],
    );
    return rows.map(({ unitPriceAmount, lineTotalAmount, ...row }) => ({
      ...row,
      unitPrice: { amount: unitPriceAmount, currency },
      lineTotal: { amount: lineTotalAmount, currency },
    }));
  }

  history(orderId: string, afterSequence = 0): Promise<HistoryEntry[]> {
    return queryRows<HistoryEntry>(
      this.manager,
      `SELECT sequence, status, reason, at, actor, actor_id, cause_event_id, cause_event_type
         FROM orders.order_status_history WHERE order_id = $1 AND sequence > $2 ORDER BY sequence`,
      [orderId, afterSequence],
    );
  }

  async refunds(orderId: string): Promise<RefundRecord[]> {
    const rows = await queryRows<Omit<RefundRecord, 'amount'> & { amount: number; currency: string }>(
      this.manager,
      `SELECT refund_id, amount, currency, status, reason, at FROM orders.order_refunds WHERE order_id = $1 ORDER BY at, refund_id`,
      [orderId],
    );
    return rows.map(({ amount, currency, ...rest }) => ({ ...rest, amount: { amount, currency } }));
  }

  /** Appends the next history entry and moves the order to its status, in one statement pair. */
  async recordStatus(orderId: string, entry: Omit<HistoryEntry, 'sequence'>): Promise<number> {
    const rows = await queryRows<{ sequence: number }>(
      this.manager,
      `UPDATE orders.orders SET status = $2, history_length = history_length + 1, updated_at = $3 WHERE id = $1 RETURNING history_length AS sequence`,
      [orderId, entry.status, entry.at],
    );
    const sequence = rows[0].sequence;
    await this.manager.query(
      `INSERT INTO orders.order_status_history (order_id, sequence, status, reason, at, actor, actor_id, cause_event_id, cause_event_type)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [orderId, sequence, entry.status, entry.reason, entry.at, entry.actor, entry.actorId, entry.causeEventId, entry.causeEventType],
    );
    return sequence;
  }

  async setReservation(orderId: string, reservationId: string, expiresAt: Date): Promise<void> {
    await this.manager.query(`UPDATE orders.orders SET reservation_id = $2, reservation_expires_at = $3 WHERE id = $1`, [orderId, reservationId, expiresAt]);
  }

  /** Records the order's PaymentIntent unless it has one; true when it had none. */
  async setPaymentIntent(orderId: string, paymentIntentId: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(this.manager, `UPDATE orders.orders SET payment_intent_id = $2 WHERE id = $1 AND payment_intent_id IS NULL RETURNING id`, [
      orderId,
      paymentIntentId,
    ]);
    return rows.length > 0;
  }

  async setPaid(orderId: string, amount: number, paymentIntentId: string): Promise<void> {
    await this.manager.query(`UPDATE orders.orders SET paid_amount = $2, payment_intent_id = COALESCE(payment_intent_id, $3) WHERE id = $1`, [orderId, amount, paymentIntentId]);
  }

  /** Records a refund once (by the provider's refund id); true when it was new or its status changed. */
  async upsertRefund(orderId: string, refund: RefundRecord): Promise<boolean> {
    const rows = await queryRows<{ refundId: string }>(
      this.manager,
      `INSERT INTO orders.order_refunds (refund_id, order_id, amount, currency, status, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (refund_id) DO UPDATE SET status = EXCLUDED.status WHERE orders.order_refunds.status IS DISTINCT FROM EXCLUDED.status
       RETURNING refund_id`,
      [refund.refundId, orderId, refund.amount.amount, refund.amount.currency, refund.status, refund.reason, refund.at],
    );
    if (rows.length > 0) {
      await this.manager.query(
        `UPDATE orders.orders SET refunded_amount = (SELECT COALESCE(sum(amount), 0) FROM orders.order_refunds WHERE order_id = $1 AND status = 'succeeded') WHERE id = $1`,
        [orderId],
      );
    }
    return rows.length > 0;
  }

  async list(filter: { customerId?: string; status?: OrderStatus; idPrefix?: string; before?: CreatedAtPosition; limit: number }): Promise<OrderRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.customerId) where.push(`customer_id = $${params.push(filter.customerId)}`);
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    if (filter.idPrefix) where.push(`id::text LIKE $${params.push(`${filter.idPrefix.toLowerCase()}%`)}`);
    if (filter.before) where.push(`(created_at, id) < ($${params.push(filter.before.createdAt)}, $${params.push(filter.before.id)})`);
    const rows = await queryRows<OrderRow>(
      this.manager,
      `SELECT ${COLUMNS} FROM orders.orders ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT $${params.push(filter.limit)}`,
      params,
    );
    return rows.map(toOrder);
  }

  async countActive(statuses: readonly OrderStatus[]): Promise<number> {
    const [row] = await queryRows<{ count: number }>(this.manager, `SELECT count(*) AS count FROM orders.orders WHERE status = ANY($1)`, [statuses]);
    return row.count;
  }
}
