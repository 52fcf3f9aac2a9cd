import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { paymentRefundedV1, paymentRefundFailedV1, paymentSucceededV1 } from '@galley/contracts';
import { OutboxWriter } from '@galley/messaging';
import { ledgerEntriesFor } from '../domain/ledger';
import { refundableAmount } from '../domain/money';
import { nextPaymentStatus, nextRefundStatus } from '../domain/payment-status';
import { ObservedRefund } from '../domain/provider-event';
import { PAYMENT_PROVIDER, PaymentProvider, ProviderError } from '../providers/payment-provider';
import { PaymentsTransaction } from '../repositories/payments-store';
import { PaymentRecord } from '../repositories/payments.repository';
import { RefundRecord, RefundSource } from '../repositories/refunds.repository';

/**
 * The money movements of a payment, each written with its ledger transaction and its outbox
 * event in the caller's database transaction (a webhook's, a consumer's inbox transaction, or
 * a refund request's). Lock the payment row before calling any of them.
 */
@Injectable()
export class PaymentRecorder {
  private readonly logger = new Logger(PaymentRecorder.name);

  constructor(
    private readonly outbox: OutboxWriter,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
  ) {}

  /** The provider took the money; false when the payment had already succeeded. */
  async capture(tx: PaymentsTransaction, payment: PaymentRecord, capture: { amount: number; chargeId: string | null }): Promise<boolean> {
    if (nextPaymentStatus(payment.status, 'succeeded') === null) return false;
    await tx.payments.markCaptured(payment.id, capture.amount, capture.chargeId);
    if (capture.amount > 0) {
      await tx.ledger.post(payment.id, ledgerEntriesFor({ kind: 'capture', amount: capture.amount, currency: payment.currency, reference: payment.intentId }));
    }
    await this.outbox.append(tx.sql, paymentSucceededV1, {
      aggregateId: payment.orderId,
      payload: { paymentId: payment.id, orderId: payment.orderId, paymentIntentId: payment.intentId, amount: { amount: capture.amount, currency: payment.currency } },
    });
    return true;
  }

  /**
   * A refund the provider reported (webhook or the answer to our own request): matched to the
   * refund Galley recorded by provider id or by our id in its metadata, else recorded as made
   * in the provider's dashboard. Returns the refund after the change.
   */
  async observeRefund(tx: PaymentsTransaction, payment: PaymentRecord, observed: ObservedRefund): Promise<RefundRecord> {
    const known = (await tx.refunds.lockByProviderId(observed.id)) ?? (await this.lockOwnRefund(tx, payment, observed.galleyRefundId));
    if (known) return this.settle(tx, payment, known, observed);
    const recorded = await tx.refunds.insert({
      id: randomUUID(),
      paymentId: payment.id,
      providerRefundId: observed.id,
      amount: observed.amount,
      currency: payment.currency,
      // A failed refund nobody here asked for moved no money and needs no one's attention.
      status: observed.status === 'failed' ? 'failed' : 'pending',
      source: 'dashboard',
      reason: observed.reason,
      providerKey: null,
      idempotencyKey: null,
      requestFingerprint: null,
      actorId: null,
    });
    return this.settle(tx, payment, recorded, observed);
  }

  /**
   * Refunds whatever the payment still holds (a cancelled paid order, a late payment), asking
   * the provider with `providerKey` so that a retried event gets the same refund. Transient
   * provider errors propagate (the event is retried); refusals are recorded and announced.
   */
  async refundRemaining(tx: PaymentsTransaction, payment: PaymentRecord, request: { source: RefundSource; reason: string; providerKey: string }): Promise<RefundRecord | null> {
    const totals = await tx.refunds.totals(payment.id);
    const amount = refundableAmount({ captured: payment.capturedAmount, refunded: totals.refunded, pendingRefunds: totals.pending });
    if (amount === 0) return null;
    const refund = await tx.refunds.insert({
      id: randomUUID(),
      paymentId: payment.id,
      providerRefundId: null,
      amount,
      currency: payment.currency,
      status: 'pending',
      source: request.source,
      reason: request.reason,
      providerKey: request.providerKey,
      idempotencyKey: null,
      requestFingerprint: null,
      actorId: null,
    });
    return this.askProvider(tx, payment, refund);
  }

  /** Sends a pending refund to the provider and records the answer; transient errors propagate. */
  async askProvider(tx: PaymentsTransaction, payment: PaymentRecord, refund: RefundRecord): Promise<RefundRecord> {
    let observed: ObservedRefund;
    try {
      observed = await this.provider.createRefund({
        intentId: payment.intentId,
        amount: { amount: refund.amount, currency: refund.currency },
        idempotencyKey: refund.providerKey ?? `galley-refund-${refund.id}`,
        galleyRefundId: refund.id,
        orderId: payment.orderId,
        reason: refund.reason ?? refund.source,
      });
    } catch (error) {
      if (!(error instanceof ProviderError) || error.transient) throw error;
      this.logger.warn({ orderId: payment.orderId, refundId: refund.id, code: error.code }, 'the provider refused a refund');
      return this.fail(tx, payment, refund, `${error.code}: ${error.message}`);
    }
    return this.settle(tx, payment, refund, observed);
  }

  /** Moves a recorded refund to what the provider reported, booking and announcing the change. */
  private async settle(tx: PaymentsTransaction, payment: PaymentRecord, refund: RefundRecord, observed: ObservedRefund): Promise<RefundRecord> {
    const next = nextRefundStatus(refund.status, observed.status);
    if (next === null) {
      if (refund.providerRefundId !== null) return refund;
      return tx.refunds.update(refund.id, { status: refund.status, providerRefundId: observed.id, failureReason: null });
    }
    if (next === 'failed') return this.fail(tx, payment, refund, observed.failureReason ?? 'refund failed at the provider', observed.id);
    const updated = await tx.refunds.update(refund.id, { status: next, providerRefundId: observed.id, failureReason: null });
    await tx.ledger.post(payment.id, ledgerEntriesFor({ kind: 'refund', amount: updated.amount, currency: payment.currency, reference: observed.id }));
    const totals = await tx.refunds.totals(payment.id);
    await this.outbox.append(tx.sql, paymentRefundedV1, {
      aggregateId: payment.orderId,
      payload: {
        paymentId: payment.id,
        orderId: payment.orderId,
        refundId: observed.id,
        amount: { amount: updated.amount, currency: payment.currency },
        totalRefunded: { amount: totals.refunded, currency: payment.currency },
        ...(updated.reason ? { reason: updated.reason.slice(0, 500) } : {}),
      },
    });
    return updated;
  }

  private async fail(tx: PaymentsTransaction, payment: PaymentRecord, refund: RefundRecord, reason: string, providerRefundId: string | null = null): Promise<RefundRecord> {
    const updated = await tx.refunds.update(refund.id, { status: 'failed', providerRefundId, failureReason: reason.slice(0, 500) });
    if (refund.status === 'succeeded') {
      // The money came back to the balance: book it back.
      await tx.ledger.post(
        payment.id,
        ledgerEntriesFor({ kind: 'refund_reversal', amount: refund.amount, currency: payment.currency, reference: updated.providerRefundId ?? refund.id }),
      );
    }
    await this.outbox.append(tx.sql, paymentRefundFailedV1, {
      aggregateId: payment.orderId,
      payload: { paymentId: payment.id, orderId: payment.orderId, amount: { amount: refund.amount, currency: payment.currency }, reason: reason.slice(0, 500) },
    });
    return updated;
  }

  private async lockOwnRefund(tx: PaymentsTransaction, payment: PaymentRecord, galleyRefundId: string | null): Promise<RefundRecord | null> {
    if (!galleyRefundId || !UUID.test(galleyRefundId)) return null;
    const refund = await tx.refunds.lock(galleyRefundId);
    return refund && refund.paymentId === payment.id ? refund : null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
