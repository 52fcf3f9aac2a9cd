import { Inject, Injectable, Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { paymentDisputedV1, paymentFailedV1 } from '@galley/contracts';
import { OutboxWriter } from '@galley/messaging';
import { webhookSecretOf, PaymentsConfig } from '../config/payments-config';
import { PAYMENTS_CONFIG } from '../config/payments-config.token';
import { ledgerEntriesFor } from '../domain/ledger';
import { nextPaymentStatus } from '../domain/payment-status';
import { observe, ProviderEventHead, ProviderObservation, readEventHead } from '../domain/provider-event';
import { PaymentError, PaymentErrorCode } from '../domain/payment-error';
import { signedInTheFuture, WEBHOOK_TOLERANCE_SECONDS } from '../domain/webhook-timestamp';
import { PAYMENT_PROVIDER, PaymentProvider, ProviderError } from '../providers/payment-provider';
import { PaymentsStore, PaymentsTransaction } from '../repositories/payments-store';
import { PaymentRecord } from '../repositories/payments.repository';
import { PaymentRecorder } from './payment-recorder.service';

export interface WebhookResult {
  eventId: string;
  duplicate: boolean;
  /** What the event did, as recorded beside its id. */
  outcome: string;
}

/**
 * Stripe webhooks: the signature is checked on the raw bytes, then the event's id, its effect
 * (payment status, refunds, ledger) and the outbox rows commit in one transaction. A repeated
 * event id changes nothing; events may come in any order and days late, and a payment never
 * moves backwards.
 */
@Injectable()
export class StripeWebhooksService {
  private readonly logger = new Logger(StripeWebhooksService.name);

  constructor(
    private readonly store: PaymentsStore,
    private readonly outbox: OutboxWriter,
    private readonly recorder: PaymentRecorder,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
  ) {}

  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookResult> {
    if (!signature) throw new PaymentError(PaymentErrorCode.InvalidWebhook, 'Stripe-Signature header is missing');
    if (!rawBody || rawBody.length === 0) throw new PaymentError(PaymentErrorCode.InvalidWebhook, 'the body must be the JSON event Stripe sent');
    if (signedInTheFuture(signature, new Date())) throw new PaymentError(PaymentErrorCode.InvalidWebhook, 'Stripe-Signature is dated in the future');
    let event: unknown;
    try {
      event = Stripe.webhooks.constructEvent(rawBody, signature, webhookSecretOf(this.config), WEBHOOK_TOLERANCE_SECONDS);
    } catch (error) {
      const why = error instanceof Stripe.errors.StripeSignatureVerificationError ? 'Stripe-Signature does not match the body' : 'the body is not JSON';
      throw new PaymentError(PaymentErrorCode.InvalidWebhook, why);
    }
    const read = readEventHead(event);
    if (!read.ok) throw new PaymentError(PaymentErrorCode.InvalidWebhook, read.problem);
    return this.apply(read.head);
  }

  private async apply(head: ProviderEventHead): Promise<WebhookResult> {
    let observation = observe(head);
    if (observation.kind === 'refunds' && observation.refunds === null && observation.intentId) {
      // Newer API versions send charges without their refunds list: ask for it (outside the transaction).
      observation = { ...observation, refunds: await this.provider.listRefunds(observation.intentId).catch(rethrowAsUnavailable) };
    }
    const settled = observation;
    return this.store.transaction(async (tx) => {
      if (!(await tx.webhookEvents.record(head.id, head.type))) return { eventId: head.id, duplicate: true, outcome: 'duplicate' };
      const outcome = await this.dispatch(tx, settled);
      await tx.webhookEvents.setOutcome(head.id, outcome);
      if (outcome !== 'applied') this.logger.log({ eventId: head.id, type: head.type, outcome }, 'webhook event recorded without effect');
      return { eventId: head.id, duplicate: false, outcome };
    });
  }

  private async dispatch(tx: PaymentsTransaction, observation: ProviderObservation): Promise<string> {
    switch (observation.kind) {
      case 'ignored':
        return `ignored: ${observation.why}`;
      case 'intent_succeeded': {
        const payment = await this.paymentOf(tx, observation.intentId, observation.orderId);
        if (!payment) return 'ignored: no payment for this intent';
        const captured = await this.recorder.capture(tx, payment, { amount: observation.amountReceived, chargeId: observation.chargeId });
        return captured ? 'applied' : 'no change: already succeeded';
      }
      case 'intent_failed': {
        const payment = await this.paymentOf(tx, observation.intentId, observation.orderId);
        if (!payment) return 'ignored: no payment for this intent';
        const next = nextPaymentStatus(payment.status, 'failed');
        if (next === null) return `no change: payment is ${payment.status}`;
        await tx.payments.setStatus(payment.id, next, observation.reason);
        await this.outbox.append(tx.sql, paymentFailedV1, {
          aggregateId: payment.orderId,
          payload: { paymentId: payment.id, orderId: payment.orderId, paymentIntentId: payment.intentId, reason: observation.reason },
        });
        return 'applied';
      }
      case 'refunds': {
        const payment = observation.intentId ? await tx.payments.lockByIntent(observation.intentId) : null;
        if (!payment) return 'ignored: no payment for this charge';
        for (const refund of observation.refunds ?? []) await this.recorder.observeRefund(tx, payment, refund);
        return 'applied';
      }
      case 'dispute': {
        const payment = observation.intentId ? await tx.payments.lockByIntent(observation.intentId) : null;
        if (!payment) return 'ignored: no payment for this charge';
        const dispute = { id: observation.disputeId, paymentId: payment.id, amount: observation.amount, currency: payment.currency, reason: observation.reason };
        if (!(await tx.disputes.insert(dispute))) return 'no change: dispute already recorded';
        if (dispute.amount > 0) {
          await tx.payments.addDisputed(payment.id, dispute.amount);
          await tx.ledger.post(payment.id, ledgerEntriesFor({ kind: 'dispute', amount: dispute.amount, currency: payment.currency, reference: dispute.id }));
        }
        await this.outbox.append(tx.sql, paymentDisputedV1, {
          aggregateId: payment.orderId,
          payload: {
            paymentId: payment.id,
            orderId: payment.orderId,
            paymentIntentId: payment.intentId,
            disputeId: dispute.id,
            amount: { amount: dispute.amount, currency: payment.currency },
            reason: dispute.reason,
          },
        });
        return 'applied';
      }
      default:
        return unhandled(observation);
    }
  }

  /** The intent's payment, linked by the order id in its metadata (and checked against the intent id). */
  private async paymentOf(tx: PaymentsTransaction, intentId: string, orderId: string | null): Promise<PaymentRecord | null> {
    if (orderId !== null && UUID.test(orderId)) {
      const payment = await tx.payments.lockByOrder(orderId);
      return payment?.intentId === intentId ? payment : null;
    }
    return tx.payments.lockByIntent(intentId);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function unhandled(observation: never): never {
  throw new Error(`unhandled observation ${JSON.stringify(observation)}`);
}

function rethrowAsUnavailable(error: unknown): never {
  if (error instanceof ProviderError) throw new PaymentError(PaymentErrorCode.ProviderUnavailable, `could not list the charge's refunds: ${error.message}`);
  throw error;
}
