import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope } from '@galley/contracts';
import { PermanentEventError, SqlExecutor } from '@galley/messaging';
import { SagaFact, sagaDecision } from '../domain/saga-rules';
import { OrdersStore, OrdersTransaction } from '../repositories/orders-store';
import { OrderRecord } from '../repositories/orders.repository';
import { OrderStatusWriter } from './order-status-writer';

/**
 * The order side of the checkout saga. Each fact from inventory or payments is applied inside the consumer's inbox
 * transaction with the order row locked, so a redelivery or a concurrent fact for the same order cannot interleave.
 */
@Injectable()
export class SagaService {
  private readonly logger = new Logger(SagaService.name);

  constructor(
    private readonly store: OrdersStore,
    private readonly statuses: OrderStatusWriter,
  ) {}

  /** Applies `fact` after `prepare` has recorded any data it carries (reservation, payment, …) on the locked order. */
  async apply(
    sql: SqlExecutor,
    orderId: string,
    fact: SagaFact,
    envelope: EventEnvelope<object>,
    prepare?: (tx: OrdersTransaction, order: OrderRecord) => Promise<OrderRecord>,
  ): Promise<void> {
    const tx = this.store.within(sql);
    const locked = await tx.orders.lock(orderId);
    // Orders creates every order before any other service hears of it, so an unknown order is a bad event.
    if (!locked) throw new PermanentEventError(`${envelope.type} for unknown order ${orderId}`);
    const order = prepare ? await prepare(tx, locked) : locked;
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

  async recordPaymentIntent(sql: SqlExecutor, orderId: string, paymentIntentId: string, envelope: EventEnvelope<object>): Promise<void> {
    const tx = this.store.within(sql);
    if (!(await tx.orders.lock(orderId))) throw new PermanentEventError(`${envelope.type} for unknown order ${orderId}`);
    await tx.orders.setPaymentIntent(orderId, paymentIntentId);
  }

  /** Records a refund on the order (status unchanged): payments reports every refund, whoever asked for it. */
  async recordRefund(sql: SqlExecutor, orderId: string, refund: { refundId: string; amount: { amount: number; currency: string }; reason?: string }, at: Date): Promise<void> {
    const tx = this.store.within(sql);
    const order = await tx.orders.lock(orderId);
    if (!order) throw new PermanentEventError(`payment.refunded for unknown order ${orderId}`);
    await tx.orders.upsertRefund(orderId, { refundId: refund.refundId, amount: refund.amount, status: 'succeeded', reason: refund.reason ?? null, at });
  }
}
