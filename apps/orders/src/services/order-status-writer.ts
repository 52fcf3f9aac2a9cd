import { Injectable } from '@nestjs/common';
import {
  orderAwaitingPaymentV1,
  orderCancelledV1,
  OrderCancelledByV1,
  orderCompletedV1,
  orderConfirmedV1,
  orderEtaChangedV1,
  orderNeedsAttentionV1,
  orderReadyV1,
  orderRejectedV1,
  orderStatusChangedV1,
} from '@galley/contracts';
import { OutboxWriter } from '@galley/messaging';
import { OrderStatus, transition, TransitionActor } from '../domain/order-status';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';
import { OrdersTransaction } from '../repositories/orders-store';
import { HistoryEntry, OrderRecord } from '../repositories/orders.repository';
import { estimateFor, KITCHEN_QUEUE_STATUSES, kitchenSnapshot, movedEstimates } from './kitchen-eta';

// Serialises the moves that change the kitchen's queue, so that each sees the queue the previous one left.
const KITCHEN_LOCK_KEY = 0x6b697463; // 'kitc'

export interface StatusChange {
  to: OrderStatus;
  reason: string;
  actor: TransitionActor;
  actorId?: string | null;
  /** The event that caused the change, when the saga made it. */
  cause?: { eventId: string; eventType: string };
  /** For CANCELLED and NEEDS_ATTENTION: money must go back to the customer. */
  refundRequired?: boolean;
  /** For REJECTED: the lines inventory could not reserve. */
  shortLines?: { productId: string; requested: number; available: number }[];
}

/**
 * The one way an order's status changes: checked against the state machine, stored in the history with time, cause
 * and actor, and announced through the outbox in the same transaction (`order.status_changed` for live status, plus
 * the step's own event that other services react to).
 */
@Injectable()
export class OrderStatusWriter {
  constructor(private readonly outbox: OutboxWriter) {}

  async change(tx: OrdersTransaction, order: OrderRecord, change: StatusChange, now = new Date()): Promise<OrderRecord> {
    const decision = transition(order.status, change.to, change.actor);
    if (!decision.allowed) throw new OrdersError(OrdersErrorCode.IllegalTransition, decision.reason);
    const movesQueue = KITCHEN_QUEUE_STATUSES.includes(order.status) || KITCHEN_QUEUE_STATUSES.includes(change.to);
    // With a capacity, a move shifts the tickets behind it: serialise such moves and compare every estimate.
    // Without one, tickets are independent and only this order's estimate is read.
    const limited = movesQueue && ((await tx.settings.get())?.kitchenCapacity ?? null) !== null;
    if (limited) await tx.sql.query('SELECT pg_advisory_xact_lock($1)', [KITCHEN_LOCK_KEY]);
    const before = movesQueue ? await kitchenSnapshot(tx, now, order.id) : undefined;
    const sequence = await tx.orders.recordStatus(order.id, {
      status: change.to,
      reason: change.reason,
      at: now,
      actor: change.actor,
      actorId: change.actorId ?? null,
      causeEventId: change.cause?.eventId ?? null,
      causeEventType: change.cause?.eventType ?? null,
    });
    const updated: OrderRecord = { ...order, status: change.to, historyLength: sequence, updatedAt: now };
    const after = before ? await kitchenSnapshot(tx, now, order.id) : undefined;
    // Only orders the kitchen knows of get an estimate in the event; the others' is not worth a query per saga step.
    const estimate = after || change.to === 'READY' || FINISHED.includes(change.to) ? await estimateFor(tx, updated, undefined, now, after) : undefined;
    await this.announce(tx, updated, order.status, change, sequence, now, estimate);
    if (before && after) {
      // The tickets behind (or beside) this one moved too: tell their customers.
      for (const { ticket, estimatedReadyAt } of movedEstimates(before, after, order.id)) {
        await this.outbox.append(tx.sql, orderEtaChangedV1, {
          aggregateId: ticket.orderId,
          payload: { orderId: ticket.orderId, customerId: ticket.customerId, estimatedReadyAt: estimatedReadyAt.toISOString(), at: now.toISOString() },
        });
      }
    }
    return updated;
  }

  /** The first history entry of a new order (`PENDING`), announced with the order itself by the caller. */
  async recordPlaced(tx: OrdersTransaction, order: OrderRecord, actorId: string): Promise<HistoryEntry> {
    const entry: Omit<HistoryEntry, 'sequence'> = {
      status: 'PENDING',
      reason: 'order placed',
      at: order.createdAt,
      actor: 'customer',
      actorId,
      causeEventId: null,
      causeEventType: null,
    };
    const sequence = await tx.orders.recordStatus(order.id, entry);
    await this.outbox.append(tx.sql, orderStatusChangedV1, {
      aggregateId: order.id,
      payload: { orderId: order.id, customerId: order.customerId, sequence: 1, status: 'PENDING', reason: 'order placed', at: order.createdAt.toISOString() },
    });
    return { ...entry, sequence };
  }

  private async announce(
    tx: OrdersTransaction,
    order: OrderRecord,
    previous: OrderStatus,
    change: StatusChange,
    sequence: number,
    now: Date,
    estimate: Date | null | undefined,
  ): Promise<void> {
    const base = { orderId: order.id, customerId: order.customerId };
    await this.outbox.append(tx.sql, orderStatusChangedV1, {
      aggregateId: order.id,
      payload: {
        ...base,
        sequence,
        status: change.to,
        previousStatus: previous,
        reason: change.reason,
        at: now.toISOString(),
        ...(estimate !== undefined ? { estimatedReadyAt: estimate?.toISOString() ?? null } : {}),
      },
    });
    switch (change.to) {
      case 'AWAITING_PAYMENT':
        await this.outbox.append(tx.sql, orderAwaitingPaymentV1, {
          aggregateId: order.id,
          payload: {
            ...base,
            reservationId: order.reservationId ?? '',
            total: order.total,
            reservationExpiresAt: (order.reservationExpiresAt ?? now).toISOString(),
          },
        });
        return;
      case 'REJECTED':
        await this.outbox.append(tx.sql, orderRejectedV1, { aggregateId: order.id, payload: { ...base, reason: change.reason, shortLines: change.shortLines } });
        return;
      case 'CONFIRMED':
        await this.outbox.append(tx.sql, orderConfirmedV1, {
          aggregateId: order.id,
          payload: { ...base, paymentIntentId: order.paymentIntentId ?? 'unknown', total: order.total },
        });
        return;
      case 'CANCELLED':
        await this.outbox.append(tx.sql, orderCancelledV1, {
          aggregateId: order.id,
          payload: { ...base, reason: change.reason, refundRequired: change.refundRequired ?? false, cancelledBy: cancelledBy(change.actor) },
        });
        return;
      case 'READY':
        await this.outbox.append(tx.sql, orderReadyV1, { aggregateId: order.id, payload: { ...base, fulfillmentType: order.fulfillmentType } });
        return;
      case 'COMPLETED': {
        const productIds = [...new Set((await tx.orders.lines(order.id, order.total.currency)).map((line) => line.productId))];
        await this.outbox.append(tx.sql, orderCompletedV1, { aggregateId: order.id, payload: { ...base, productIds } });
        return;
      }
      case 'NEEDS_ATTENTION':
        await this.outbox.append(tx.sql, orderNeedsAttentionV1, {
          aggregateId: order.id,
          payload: { ...base, previousStatus: previous, reason: change.reason, ...(change.refundRequired ? { refundRequired: true } : {}) },
        });
        return;
      case 'PENDING':
      case 'PREPARING':
        return;
    }
  }
}

const FINISHED: readonly OrderStatus[] = ['COMPLETED', 'CANCELLED', 'REJECTED', 'NEEDS_ATTENTION'];

function cancelledBy(actor: TransitionActor): OrderCancelledByV1 {
  switch (actor) {
    case 'customer':
      return 'customer';
    case 'staff':
      return 'admin';
    case 'saga':
      return 'system';
  }
}
