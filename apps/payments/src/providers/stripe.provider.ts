import Stripe from 'stripe';
import { Money } from '@galley/contracts';
import { ObservedRefund, readRefund } from '../domain/provider-event';
import { CancelOutcome, PaymentProvider, ProviderError, ProviderIntent } from './payment-provider';

export interface StripeProviderOptions {
  secretKey: string;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  maxNetworkRetries: number;
  timeoutMs: number;
}

/** Stripe through the official SDK. Every creating call carries an idempotency key. */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  private readonly stripe: Stripe;

  constructor(options: StripeProviderOptions) {
    this.stripe = new Stripe(options.secretKey, {
      maxNetworkRetries: options.maxNetworkRetries,
      timeout: options.timeoutMs,
      telemetry: false,
      appInfo: { name: 'Galley' },
      ...(options.host ? { host: options.host } : {}),
      ...(options.port ? { port: options.port } : {}),
      ...(options.protocol ? { protocol: options.protocol } : {}),
    });
  }

  async createIntent(request: { orderId: string; customerId: string; amount: Money; idempotencyKey: string }): Promise<ProviderIntent> {
    const intent = await call(() =>
      this.stripe.paymentIntents.create(
        {
          amount: request.amount.amount,
          currency: request.amount.currency.toLowerCase(),
          automatic_payment_methods: { enabled: true },
          description: `Galley order ${request.orderId}`,
          metadata: { orderId: request.orderId, customerId: request.customerId },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    if (!intent.client_secret) throw new ProviderError(false, 'no_client_secret', `PaymentIntent ${intent.id} came back without a client secret`);
    return { id: intent.id, clientSecret: intent.client_secret };
  }

  async cancelIntent(intentId: string, idempotencyKey: string): Promise<CancelOutcome> {
    try {
      const intent = await this.stripe.paymentIntents.cancel(intentId, {}, { idempotencyKey });
      return outcomeOf(intent.status);
    } catch (error) {
      // Stripe refuses to cancel an intent that already succeeded (or was cancelled): say where it stands.
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'payment_intent_unexpected_state') {
        return outcomeOf((await call(() => this.stripe.paymentIntents.retrieve(intentId))).status);
      }
      throw providerErrorOf(error);
    }
  }

  async createRefund(request: { intentId: string; amount: Money; idempotencyKey: string; galleyRefundId: string; orderId: string; reason: string }): Promise<ObservedRefund> {
    const refund = await call(() =>
      this.stripe.refunds.create(
        {
          payment_intent: request.intentId,
          amount: request.amount.amount,
          reason: 'requested_by_customer',
          metadata: { galleyRefundId: request.galleyRefundId, orderId: request.orderId, reason: request.reason.slice(0, 500) },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return readRefund(refund) ?? unreadable(refund.id);
  }

  async listRefunds(intentId: string): Promise<ObservedRefund[]> {
    const page = await call(() => this.stripe.refunds.list({ payment_intent: intentId, limit: 100 }));
    return page.data.map((refund) => readRefund(refund) ?? unreadable(refund.id));
  }
}

function outcomeOf(status: string): CancelOutcome {
  if (status === 'canceled') return 'cancelled';
  return status === 'succeeded' ? 'succeeded' : 'other';
}

function unreadable(id: string): never {
  throw new ProviderError(false, 'unreadable_refund', `refund ${id} came back without amount, currency or status`);
}

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw providerErrorOf(error);
  }
}

/** Network trouble, rate limits, Stripe outages and bad credentials may pass; the rest is a refusal. */
export function providerErrorOf(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (!(error instanceof Stripe.errors.StripeError)) {
    return new ProviderError(true, 'unexpected', error instanceof Error ? error.message : String(error));
  }
  const transient =
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    error instanceof Stripe.errors.StripeAuthenticationError ||
    (error.statusCode ?? 0) >= 500 ||
    error.statusCode === 409;
  return new ProviderError(transient, error.code ?? error.type, error.message);
}
