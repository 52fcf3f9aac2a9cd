import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Money, paymentIntentCreatedV1 } from '@galley/contracts';
import { OutboxWriter, SqlExecutor } from '@galley/messaging';
import { PaymentError, PaymentErrorCode } from '../domain/payment-error';
import { nextPaymentStatus } from '../domain/payment-status';
import { CancelOutcome, PAYMENT_PROVIDER, PaymentProvider, ProviderError } from '../providers/payment-provider';
import { PaymentsStore, PaymentsTransaction } from '../repositories/payments-store';
import { PaymentRecord } from '../repositories/payments.repository';
import { PaymentRecorder } from './payment-recorder.service';

/** The provider idempotency key of an order's one PaymentIntent. */
export const intentIdempotencyKey = (orderId: string): string => `galley-order-${orderId}`;

/**
 * The payments side of the order saga, each step inside the consumer's inbox transaction. The
 * provider is called inside that transaction on purpose: if the transaction fails after the
 * call, the retried event repeats the call with the same idempotency key and gets the same
 * intent or refund back, so nothing is created twice.
 */
@Injectable()
export class OrderPaymentsService {
  private readonly logger = new Logger(OrderPaymentsService.name);

  constructor(
    private readonly store: PaymentsStore,
    private readonly outbox: OutboxWriter,
    private readonly recorder: PaymentRecorder,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
  ) {}

  /** order.placed: remember who owns the order and what it costs. */
  async orderPlaced(sql: SqlExecutor, order: { orderId: string; customerId: string; total: Money; lines?: { quantity: number; unitPrice: Money }[] }): Promise<void> {
    const tx = this.store.within(sql);
    await tx.orders.upsert({ orderId: order.orderId, customerId: order.customerId, totalAmount: order.total.amount, currency: order.total.currency, status: 'PENDING' });
    // Line ids are the lines' positions, as orders numbers them (1, 2, …): what a refund of chosen lines names.
    if (order.lines)
      await tx.orders.setLines(
        order.orderId,
        order.lines.map((line, index) => ({ lineId: index + 1, quantity: line.quantity, unitPrice: line.unitPrice.amount })),
      );
  }

  /** order.awaiting_payment: one PaymentIntent per order, announced with payment.intent_created. */
  async createIntent(sql: SqlExecutor, order: { orderId: string; customerId: string; total: Money }): Promise<PaymentRecord | null> {
    const tx = this.store.within(sql);
    await tx.orders.upsert({ orderId: order.orderId, customerId: order.customerId, totalAmount: order.total.amount, currency: order.total.currency, status: 'AWAITING_PAYMENT' });
    if (await tx.payments.findByOrder(order.orderId)) return null;
    const intent = await this.provider
      .createIntent({ orderId: order.orderId, customerId: order.customerId, amount: order.total, idempotencyKey: intentIdempotencyKey(order.orderId) })
      .catch((error: unknown) => {
        // A refusal (say, an amount below the provider's minimum) does not get better with retries: ProviderRejected dead-letters.
        if (error instanceof ProviderError && !error.transient)
          throw new PaymentError(PaymentErrorCode.ProviderRejected, `the provider refused the PaymentIntent: ${error.code}: ${error.message}`);
        throw error;
      });
    const payment = await tx.payments.insert({
      id: randomUUID(),
      orderId: order.orderId,
      customerId: order.customerId,
      provider: this.provider.name,
      intentId: intent.id,
      clientSecret: intent.clientSecret,
      amount: order.total.amount,
      currency: order.total.currency,
    });
    if (!payment) return null;
    await this.outbox.append(tx.sql, paymentIntentCreatedV1, {
      aggregateId: order.orderId,
      payload: { paymentId: payment.id, orderId: order.orderId, paymentIntentId: payment.intentId, amount: order.total },
    });
    return payment;
  }

  /**
   * order.cancelled: refund what was taken when the order side says so; otherwise cancel the open
   * intent. An intent that succeeded meanwhile is left alone: its payment.succeeded reaches the
   * order side, which answers with order.needs_attention and a refund request.
   */
  async orderCancelled(sql: SqlExecutor, order: { orderId: string; customerId: string; reason: string; refundRequired: boolean }, eventId: string): Promise<void> {
    const tx = this.store.within(sql);
    await tx.orders.setStatus({ orderId: order.orderId, customerId: order.customerId, status: 'CANCELLED' });
    const payment = await tx.payments.lockByOrder(order.orderId);
    if (!payment) return;
    if (order.refundRequired && payment.status === 'succeeded') {
      await this.recorder.refundRemaining(tx, payment, { source: 'cancellation', reason: order.reason, providerKey: `galley-refund-${eventId}` });
      return;
    }
    await this.cancelOpenIntent(tx, payment);
  }

  /** order.rejected: nothing should have been asked of the customer; drop any open intent. */
  async orderRejected(sql: SqlExecutor, order: { orderId: string; customerId: string }): Promise<void> {
    const tx = this.store.within(sql);
    await tx.orders.setStatus({ orderId: order.orderId, customerId: order.customerId, status: 'REJECTED' });
    const payment = await tx.payments.lockByOrder(order.orderId);
    if (payment) await this.cancelOpenIntent(tx, payment);
  }

  /** order.needs_attention: with `refundRequired`, the late payment goes back automatically. */
  async orderNeedsAttention(sql: SqlExecutor, order: { orderId: string; customerId: string; reason: string; refundRequired?: boolean }, eventId: string): Promise<void> {
    const tx = this.store.within(sql);
    await tx.orders.setStatus({ orderId: order.orderId, customerId: order.customerId, status: 'NEEDS_ATTENTION' });
    if (!order.refundRequired) return;
    const payment = await tx.payments.lockByOrder(order.orderId);
    if (payment?.status !== 'succeeded') return;
    await this.recorder.refundRemaining(tx, payment, { source: 'late_payment', reason: order.reason, providerKey: `galley-refund-${eventId}` });
  }

  /** Any other order status payments keeps for reconciliation (e.g. CONFIRMED). */
  async orderStatus(sql: SqlExecutor, order: { orderId: string; customerId: string }, status: string): Promise<void> {
    await this.store.within(sql).orders.setStatus({ orderId: order.orderId, customerId: order.customerId, status });
  }

  private async cancelOpenIntent(tx: PaymentsTransaction, payment: PaymentRecord): Promise<void> {
    if (nextPaymentStatus(payment.status, 'cancelled') === null) return;
    let outcome: CancelOutcome;
    try {
      outcome = await this.provider.cancelIntent(payment.intentId, `galley-cancel-${payment.orderId}`);
    } catch (error) {
      // Best effort: an unpaid intent left open harms no one, and a refusal will not change on retry.
      if (!(error instanceof ProviderError) || error.transient) throw error;
      this.logger.warn({ orderId: payment.orderId, intentId: payment.intentId, code: error.code }, 'the provider refused to cancel an intent');
      return;
    }
    if (outcome === 'cancelled') await tx.payments.setStatus(payment.id, 'cancelled');
    else this.logger.warn({ orderId: payment.orderId, intentId: payment.intentId, outcome }, 'the intent of a cancelled order could not be cancelled');
  }
}
