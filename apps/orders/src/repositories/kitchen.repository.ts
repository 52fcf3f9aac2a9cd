import { EntityManager } from 'typeorm';
import { queryRow, queryRows } from '@galley/platform';
import { DEFAULT_PREPARATION_MINUTES, KitchenTicket } from '../domain/kitchen-eta';

/** A ticket of the queue with the customer to tell about it. */
export interface QueuedTicket extends KitchenTicket {
  customerId: string;
}

/**
 * The kitchen's queue as one SELECT over the orders aliased `o` (columns order_id, customer_id, queued_at,
 * preparing_since, work_minutes; a caller may add `AND …`), with `minutesParam` the parameter that holds
 * DEFAULT_PREPARATION_MINUTES: the queue here and the order view's one statement (OrdersRepository.view) read it alike.
 */
export function queueTickets(minutesParam: string): string {
  return `SELECT o.id AS order_id, o.customer_id,
          COALESCE((SELECT max(h.at) FROM orders.order_status_history h WHERE h.order_id = o.id AND h.status = 'CONFIRMED'), o.created_at) AS queued_at,
          CASE WHEN o.status = 'PREPARING'
               THEN COALESCE((SELECT max(h.at) FROM orders.order_status_history h WHERE h.order_id = o.id AND h.status = 'PREPARING'), o.updated_at)
          END AS preparing_since,
          COALESCE((SELECT sum(l.quantity * COALESCE(c.preparation_minutes, ${minutesParam}))
                      FROM orders.order_lines l LEFT JOIN orders.catalog_products c ON c.id = l.product_id
                     WHERE l.order_id = o.id), 0) AS work_minutes
     FROM orders.orders o WHERE o.status IN ('CONFIRMED', 'PREPARING')`;
}

/** The kitchen's queue as the estimator needs it; no rules. */
export class KitchenRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Every CONFIRMED or PREPARING order with when it was confirmed, when preparation started (PREPARING only) and its
   * work in minutes (Σ quantity × the catalog's preparation minutes, 10 for a product the read-model lacks).
   */
  queue(onlyOrderId?: string): Promise<QueuedTicket[]> {
    return queryRows<QueuedTicket>(this.manager, `${queueTickets('$1')} AND ($2::uuid IS NULL OR o.id = $2)`, [DEFAULT_PREPARATION_MINUTES, onlyOrderId ?? null]);
  }

  /** One order's work in minutes (for an order not yet in the queue). */
  async workMinutes(orderId: string): Promise<number> {
    const row = await queryRow<{ workMinutes: number | null }>(
      this.manager,
      `SELECT sum(l.quantity * COALESCE(c.preparation_minutes, $2)) AS work_minutes
         FROM orders.order_lines l LEFT JOIN orders.catalog_products c ON c.id = l.product_id WHERE l.order_id = $1`,
      [orderId, DEFAULT_PREPARATION_MINUTES],
    );
    return row?.workMinutes ?? 0;
  }
}
