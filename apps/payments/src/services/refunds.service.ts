import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PaymentsConfig } from '../config/payments-config';
import { PAYMENTS_CONFIG } from '../config/payments-config.token';
import { formatMoney, parseRefundAmount, refundableAmount } from '../domain/money';
import { PaymentError, PaymentErrorCode } from '../domain/payment-error';
import { amountForLines, RefundLine, refundedQuantities } from '../domain/refund-lines';
import { ProviderError } from '../providers/payment-provider';
import { isUniqueViolation } from '@galley/platform';
import { PaymentsStore } from '../repositories/payments-store';
import { PaymentRecord } from '../repositories/payments.repository';
import { RefundRecord } from '../repositories/refunds.repository';
import { PaymentRecorder } from './payment-recorder.service';

export interface RefundRequest {
  orderId: string;
  /** As the client sent it: omitted, an integer of minor units, or `{amount, currency}`. */
  amount: unknown;
  /** Chosen lines instead of an amount: the amount is computed from the order's own priced lines. */
  lines?: readonly RefundLine[];
  reason: string;
  idempotencyKey?: string;
  actorId: string;
}

/**
 * Refunds staff ask for. The refund is recorded `pending` first (and counts against what is
 * refundable from then on, so two concurrent requests cannot refund more than was captured),
 * then sent to the provider with an idempotency key derived from the refund, then settled with
 * its ledger transaction and `payment.refunded`. An `Idempotency-Key` makes the request safe to
 * repeat: the same key returns the same refund and never refunds twice. Without a key, two
 * identical requests are two refunds.
 */
@Injectable()
export class RefundsService {
  constructor(
    private readonly store: PaymentsStore,
    private readonly recorder: PaymentRecorder,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  async refund(request: RefundRequest): Promise<RefundRecord> {
    if (request.lines !== undefined && request.amount !== undefined && request.amount !== null) {
      throw new PaymentError(PaymentErrorCode.InvalidInput, 'give either amount or lines, not both');
    }
    const parsed = parseRefundAmount(request.amount, this.config.GALLEY_CURRENCY);
    if (!parsed.ok) throw new PaymentError(PaymentErrorCode.InvalidInput, parsed.problem);
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([request.orderId, parsed.amount, request.reason, ...(request.lines ? [request.lines] : [])]))
      .digest('hex');
    const { payment, refund } = await this.record(request, parsed.amount, fingerprint).catch((error: unknown) => {
      // Two requests with one key raced and the other inserted first: answer as its replay.
      if (request.idempotencyKey && isUniqueViolation(error, 'refunds_idempotency_key')) return this.record(request, parsed.amount, fingerprint);
      throw error;
    });
    const settled = refund.status === 'pending' ? await this.complete(payment, refund) : refund;
    if (settled.status === 'failed') {
      throw new PaymentError(PaymentErrorCode.ProviderRejected, `the provider refused the refund: ${settled.failureReason ?? 'no reason given'}`);
    }
    return settled;
  }

  private record(request: RefundRequest, amount: number | null, fingerprint: string): Promise<{ payment: PaymentRecord; refund: RefundRecord }> {
    return this.store.transaction(async (tx) => {
      const payment = await tx.payments.lockByOrder(request.orderId);
      if (!payment) throw new PaymentError(PaymentErrorCode.PaymentNotFound, 'No payment for this order');
      if (request.idempotencyKey) {
        const earlier = await tx.refunds.findByIdempotencyKey(request.idempotencyKey);
        if (earlier) {
          if (earlier.requestFingerprint !== fingerprint || earlier.paymentId !== payment.id) {
            throw new PaymentError(PaymentErrorCode.IdempotencyKeyReused, 'Idempotency-Key was already used with another request');
          }
          return { payment, refund: earlier };
        }
      }
      const totals = await tx.refunds.totals(payment.id);
      const refundable = refundableAmount({ captured: payment.capturedAmount, refunded: totals.refunded, pendingRefunds: totals.pending });
      const money = (value: number) => formatMoney({ amount: value, currency: payment.currency });
      if (refundable === 0) {
        throw new PaymentError(PaymentErrorCode.NothingToRefund, `nothing to refund: ${money(payment.capturedAmount)} captured, ${money(refundable)} refundable`);
      }
      if (amount !== null && amount > refundable) {
        throw new PaymentError(PaymentErrorCode.RefundExceedsCaptured, `amount ${money(amount)} exceeds the refundable ${money(refundable)}`);
      }
      if (request.lines) {
        const orderLines = await tx.orders.lines(request.orderId);
        if (!orderLines) throw new PaymentError(PaymentErrorCode.InvalidInput, 'the lines of this order are not known to payments; refund an amount instead');
        const computed = amountForLines(orderLines, refundedQuantities(await tx.refunds.refundedLines(payment.id)), request.lines);
        if (!computed.ok) throw new PaymentError(computed.kind === 'exceeds' ? PaymentErrorCode.RefundExceedsCaptured : PaymentErrorCode.InvalidInput, computed.problem);
        // Never more than is left refundable (earlier refunds of an amount may have given part of these lines back).
        amount = Math.min(computed.amount, refundable);
      }
      const id = randomUUID();
      const refund = await tx.refunds.insert({
        id,
        paymentId: payment.id,
        providerRefundId: null,
        amount: amount ?? refundable,
        currency: payment.currency,
        status: 'pending',
        source: 'admin',
        reason: request.reason,
        providerKey: `galley-refund-${id}`,
        idempotencyKey: request.idempotencyKey ?? null,
        requestFingerprint: request.idempotencyKey ? fingerprint : null,
        actorId: request.actorId,
        lines: request.lines ?? null,
      });
      return { payment, refund };
    });
  }

  /** Asks the provider (again, with the same key, for a replayed pending refund) and records the answer. */
  private async complete(payment: PaymentRecord, refund: RefundRecord): Promise<RefundRecord> {
    try {
      return await this.store.transaction(async (tx) => {
        const locked = await tx.payments.lockByOrder(payment.orderId);
        const current = await tx.refunds.lock(refund.id);
        // A webhook may have settled it meanwhile.
        if (!locked || !current || current.status !== 'pending') return current ?? refund;
        return this.recorder.askProvider(tx, locked, current);
      });
    } catch (error) {
      if (error instanceof ProviderError) {
        throw new PaymentError(PaymentErrorCode.ProviderUnavailable, `the provider did not answer (${error.code}); repeat the request with the same Idempotency-Key`);
      }
      throw error;
    }
  }
}
