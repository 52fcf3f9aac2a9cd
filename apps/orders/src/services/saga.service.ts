import { Injectable, Logger } from '@nestjs/common';
import {
  EventEnvelope,
  orderPaymentIntentAttachedV1,
  PaymentDisputedV1,
  PaymentFailedV1,
  PaymentIntentCreatedV1,
  PaymentRefundedV1,
  PaymentRefundFailedV1,
  PaymentSucceededV1,
  StockRejectedV1,
  StockReservationExpiredV1,
  StockReservedV1,
} from '@galley/contracts';
import { OutboxWriter, SqlExecutor } from '@galley/messaging';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';
import { SagaFact, sagaDecision, SagaRecord, sagaRecord } from '../domain/saga-rules';
import { OrdersStore, OrdersTransaction } from '../repositories/orders-store';
import { OrderRecord } from '../repositories/orders.repository';
import { OrderStatusWriter } from './order-status-writer';

/**
 * The order side of the checkout saga: one use case per fact from inventory or payments, each called by that
 * event's consumer. Each is applied inside the consumer's inbox transaction with the order row locked, so a
 * redelivery or a concurrent fact for the same order cannot interleave; what a fact records and whether it moves
 * the order are the saga's rules (domain/saga-rules.ts).
 */
@Injectable()
export class SagaService {
  private readonly logger = new Logger(SagaService.name);

  constructor(
    private readonly store: OrdersStore,
    private readonly statuses: OrderStatusWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  /** stock.reserved: a pending order records its reservation and waits for payment. */
  stockReserved(sql: SqlExecutor, event: StockReservedV1, envelope: EventEnvelope<object>): Promise<void> {
    return this.apply(sql, event.orderId, { kind: 'stock-reserved', reservationId: event.reservationId, expiresAt: new Date(event.expiresAt) }, envelope);
  }

  /** stock.rejected: a pending order is rejected, its short lines in the history. */
  stockRejected(sql: SqlExecutor, event: StockRejectedV1, envelope: EventEnvelope<object>): Promise<void> {
    return this.apply(sql, event.orderId, { kind: 'stock-rejected', shortLines: event.shortLines }, envelope);
  }

  /** stock.reservation_expired: an unpaid order is cancelled; a paid one needs attention and a refund. */
  reservationExpired(sql: SqlExecutor, event: StockReservationExpiredV1, envelope: EventEnvelope<object>): Promise<void> {
    return this.apply(sql, event.orderId, { kind: 'reservation-expired' }, envelope);
  }

  /** payment.succeeded: the payment is recorded and the order confirmed, or flagged for a refund if it was given up. */
  paymentSucceeded(sql: SqlExecutor, event: PaymentSucceededV1, envelope: EventEnvelope<object>): Promise<void> {
    return this.apply(sql, event.orderId, { kind: 'payment-succeeded', amount: event.amount.amount, paymentIntentId: event.paymentIntentId }, envelope);
  }

  /** payment.failed: the unpaid order is cancelled, which releases its stock. */
  paymentFailed(sql: SqlExecutor, event: PaymentFailedV1, envelope: EventEnvelope<object>): Promise<void> {
    return this.apply(sql, event.orderId, { kind: 'payment-failed', reason: event.reason }, envelope);
  }

  /** payment.disputed: staff look at the order. */
  paymentDisputed(sql: SqlExecutor, event: PaymentDisputedV1, envelope: EventEnvelope<object>): Promise<void> {
    return this.apply(sql, event.orderId, { kind: 'payment-disputed', reason: event.reason }, envelope);
  }

  /** payment.refund_failed: staff settle the refund by hand. */
  refundFailed(sql: SqlExecutor, event: PaymentRefundFailedV1, envelope: EventEnvelope<object>): Promise<void> {
    return this.apply(sql, event.orderId, { kind: 'refund-failed', reason: event.reason }, envelope);
  }

  /** payment.intent_created: the order remembers its PaymentIntent (status unchanged). */
  async recordPaymentIntent(sql: SqlExecutor, event: PaymentIntentCreatedV1, envelope: EventEnvelope<object>): Promise<void> {
    const tx = this.store.within(sql);
    const order = await tx.orders.lock(event.orderId);
    if (!order) throw new OrdersError(OrdersErrorCode.OrderNotFound, `${envelope.type} for unknown order ${event.orderId}`);
    // Announced once, when the order first learns of it: the customer's live stream says the payment can be read.
    if (!(await tx.orders.setPaymentIntent(event.orderId, event.paymentIntentId))) return;
    await this.outbox.append(tx.sql, orderPaymentIntentAttachedV1, {
      aggregateId: order.id,
      payload: { orderId: order.id, customerId: order.customerId, paymentIntentId: event.paymentIntentId, at: new Date().toISOString() },
    });
  }

  /** payment.refunded: the refund shows on the order (status unchanged); payments reports every refund, whoever asked. */
  async recordRefund(sql: SqlExecutor, event: PaymentRefundedV1, envelope: EventEnvelope<object>): Promise<void> {
    const tx = this.store.within(sql);
    const order = await tx.orders.lock(event.orderId);
    if (!order) throw new OrdersError(OrdersErrorCode.OrderNotFound, `${envelope.type} for unknown order ${event.orderId}`);
    await tx.orders.upsertRefund(event.orderId, {
      refundId: event.refundId,
      amount: event.amount,
      status: 'succeeded',
      reason: event.reason ?? null,
      at: new Date(envelope.occurredAt),
    });
  }

  /** Locks the order, records what the fact carries (sagaRecord), then makes the move sagaDecision asks for, if any. */
  private async apply(sql: SqlExecutor, orderId: string, fact: SagaFact, envelope: EventEnvelope<object>): Promise<void> {
    const tx = this.store.within(sql);
    const locked = await tx.orders.lock(orderId);
    // Orders creates every order before any other service hears of it, so an unknown order is a bad event.
    if (!locked) throw new OrdersError(OrdersErrorCode.OrderNotFound, `${envelope.type} for unknown order ${orderId}`);
    const record = sagaRecord(locked.status, fact);
    const order = record ? await this.record(tx, locked, record) : locked;
    const decision = sagaDecision(order.status, fact);
    if (decision.action === 'none') {
      this.logger.debug(`${envelope.type} ${envelope.id}: ${decision.why}`);
      return;
    }
    await this.statuses.change(tx, order, {
      to: decision.to,
      reason: decision.reason,
      actor: 'saga',
      cause: { eventId: envelope.id, eventType: envelope.type },
      refundRequired: decision.refundRequired,
      shortLines: fact.kind === 'stock-rejected' ? fact.shortLines : undefined,
    });
  }

  /** Writes a record on the locked order; answers the order as the status change must see it. */
  private async record(tx: OrdersTransaction, order: OrderRecord, record: SagaRecord): Promise<OrderRecord> {
    switch (record.kind) {
      case 'reservation':
        await tx.orders.setReservation(order.id, record.reservationId, record.expiresAt);
        return { ...order, reservationId: record.reservationId, reservationExpiresAt: record.expiresAt };
      case 'payment':
        await tx.orders.setPaid(order.id, record.paidAmount, record.paymentIntentId);
        // The first PaymentIntent stays the order's (setPaid keeps it too).
        return { ...order, paidAmount: record.paidAmount, paymentIntentId: order.paymentIntentId ?? record.paymentIntentId };
    }
  }
}
