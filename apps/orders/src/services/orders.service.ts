import { Injectable } from '@nestjs/common';
import { decodeCreatedAtCursorOr, encodeCreatedAtCursor } from '@galley/platform';
import { CANCELLABLE_STATUSES, listStatuses, OrderStatus } from '../domain/order-status';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';
import { OrdersStore } from '../repositories/orders-store';
import { HistoryEntry, OrderRecord } from '../repositories/orders.repository';
import { QUEUE_ESTIMATED_STATUSES } from './kitchen-eta';
import { detailsOf, OrderDetails } from './order-details';
import { OrderStatusWriter } from './order-status-writer';

export interface Caller {
  id: string;
  role: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The statuses staff set from the order board. */
export const STAFF_STATUSES = ['PREPARING', 'READY', 'COMPLETED', 'CANCELLED'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/** Reading orders, and the changes customers and staff make to them. */
@Injectable()
export class OrdersService {
  constructor(
    private readonly store: OrdersStore,
    private readonly statuses: OrderStatusWriter,
  ) {}

  /** The order with its lines, history and refunds; another customer's order does not exist for the caller. */
  async details(orderId: string, caller: Caller): Promise<OrderDetails> {
    const view = await this.store.read.orders.view(orderId, QUEUE_ESTIMATED_STATUSES);
    if (!view || !canSee(view.order, caller)) throw notFound(orderId);
    return detailsOf(view, new Date());
  }

  /** The caller's history entries after `afterSequence`, for resuming a live stream. */
  async history(orderId: string, caller: Caller, afterSequence = 0): Promise<{ order: OrderRecord; history: HistoryEntry[] }> {
    const order = await this.store.read.orders.find(orderId);
    if (!order || !canSee(order, caller)) throw notFound(orderId);
    return { order, history: await this.store.read.orders.history(orderId, afterSequence) };
  }

  async list(query: { customerId?: string; status?: OrderStatus; idPrefix?: string; limit: number; cursor?: string }): Promise<Page<OrderRecord>> {
    const before =
      query.cursor !== undefined
        ? decodeCreatedAtCursorOr(query.cursor, () => new OrdersError(OrdersErrorCode.InvalidCursor, 'cursor is not a cursor this list returned'))
        : undefined;
    const rows = await this.store.read.orders.list({ customerId: query.customerId, status: query.status, idPrefix: query.idPrefix, before, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCreatedAtCursor({ createdAt: last.createdAt, id: last.id }) : null };
  }

  /** Allowed until the kitchen starts; a paid order is cancelled with a refund of what is still held. */
  async cancel(orderId: string, caller: Caller, reason?: string): Promise<OrderDetails> {
    const order = await this.store.transaction(async (tx) => {
      const current = await tx.orders.lock(orderId);
      if (!current || !canSee(current, caller)) throw notFound(orderId);
      if (!CANCELLABLE_STATUSES.includes(current.status))
        throw new OrdersError(OrdersErrorCode.IllegalTransition, `an order in ${current.status} can no longer be cancelled (only in ${listStatuses(CANCELLABLE_STATUSES)})`);
      const actor = caller.role === 'admin' && current.customerId !== caller.id ? 'staff' : 'customer';
      const refundRequired = current.paidAmount - current.refundedAmount > 0;
      return this.statuses.change(tx, current, {
        to: 'CANCELLED',
        reason: reason ?? (actor === 'staff' ? 'cancelled by staff' : 'cancelled by the customer'),
        actor,
        actorId: caller.id,
        refundRequired,
      });
    });
    return this.withDetails(order);
  }

  /**
   * Staff move an order along the board (an illegal move is an error naming both statuses). Asking for the status
   * the order is already in changes nothing and answers the order: a tap queued while the board was offline and
   * sent twice is harmless.
   */
  async setStatus(orderId: string, status: StaffStatus, staffId: string, reason?: string): Promise<OrderDetails> {
    const order = await this.store.transaction(async (tx) => {
      const current = await tx.orders.lock(orderId);
      if (!current) throw notFound(orderId);
      if (current.status === status) return current;
      return this.statuses.change(tx, current, {
        to: status,
        reason: reason ?? `set to ${status} by staff`,
        actor: 'staff',
        actorId: staffId,
        refundRequired: status === 'CANCELLED' && current.paidAmount - current.refundedAmount > 0,
      });
    });
    return this.withDetails(order);
  }

  /** The order's details after a change committed (one statement: it reads what the change left). */
  private async withDetails(order: OrderRecord): Promise<OrderDetails> {
    const view = await this.store.read.orders.view(order.id, QUEUE_ESTIMATED_STATUSES);
    if (!view) throw notFound(order.id);
    return detailsOf(view, new Date());
  }
}

function canSee(order: OrderRecord, caller: Caller): boolean {
  return caller.role === 'admin' || order.customerId === caller.id;
}

function notFound(orderId: string): OrdersError {
  return new OrdersError(OrdersErrorCode.OrderNotFound, `order ${orderId} not found`);
}
