import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { AuthenticatedUser } from '@galley/auth';
import { PaymentsConfig, webhookSecretOf } from '../config/payments-config';
import { PAYMENTS_CONFIG } from '../config/payments-config.token';
import { PaymentError, PaymentErrorCode } from '../domain/payment-error';
import { PAYMENT_PROVIDER, PaymentProvider } from '../providers/payment-provider';
import { SimulatedOutcome, simulatedIntentEvent } from '../domain/simulated-event';
import { PaymentsStore } from '../repositories/payments-store';
import { StripeWebhooksService, WebhookResult } from './stripe-webhooks.service';

/**
 * Development stand-in for the customer paying: builds the event Stripe would send, signs it
 * with the configured webhook secret and hands the bytes to the same verification and
 * processing as a real webhook. Refused (404) in production and with any provider but the
 * simulated one (its controller is not even mounted then; this is the second line).
 */
@Injectable()
export class DevSimulationService {
  constructor(
    private readonly store: PaymentsStore,
    private readonly webhooks: StripeWebhooksService,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
  ) {}

  async simulate(orderId: string, outcome: SimulatedOutcome, caller: AuthenticatedUser): Promise<WebhookResult> {
    if (this.config.NODE_ENV === 'production' || this.provider.name !== 'simulated')
      throw new PaymentError(PaymentErrorCode.SimulationDisabled, 'Cannot POST /api/payments/dev/simulate');
    const order = await this.store.read.orders.find(orderId);
    const payment = await this.store.read.payments.findByOrder(orderId);
    const owner = order?.customerId ?? payment?.customerId;
    if (!owner || (caller.role !== 'admin' && owner !== caller.id)) throw new PaymentError(PaymentErrorCode.OrderNotFound, 'No such order');
    if (!payment) throw new PaymentError(PaymentErrorCode.NoIntentYet, 'The order has no PaymentIntent yet; try again in a moment');
    const event = simulatedIntentEvent({ intentId: payment.intentId, orderId, amount: payment.amount, currency: payment.currency }, outcome, {
      eventId: `evt_sim_${randomBytes(12).toString('hex')}`,
      chargeId: `ch_sim_${randomBytes(12).toString('hex')}`,
    });
    const payload = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecretOf(this.config) });
    return this.webhooks.receive(Buffer.from(payload), signature);
  }
}
