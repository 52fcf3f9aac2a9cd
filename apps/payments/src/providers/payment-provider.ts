import { Money } from '@galley/contracts';
import { ObservedRefund } from '../domain/provider-event';

/** Injection token of the configured `PaymentProvider`. */
export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

export interface ProviderIntent {
  id: string;
  clientSecret: string;
}

/** Where an intent stands after we asked the provider to cancel it. */
export type CancelOutcome = 'cancelled' | 'succeeded' | 'other';

/**
 * A provider call that did not work. `transient` (network, rate limit, provider outage): the
 * same call with the same idempotency key may work later. Otherwise the provider refused it.
 */
export class ProviderError extends Error {
  constructor(
    readonly transient: boolean,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

/** The payment provider as Galley uses it: Stripe through its SDK, or a local simulation. */
export interface PaymentProvider {
  readonly name: 'stripe' | 'simulated';
  createIntent(request: { orderId: string; customerId: string; amount: Money; idempotencyKey: string }): Promise<ProviderIntent>;
  cancelIntent(intentId: string, idempotencyKey: string): Promise<CancelOutcome>;
  createRefund(request: { intentId: string; amount: Money; idempotencyKey: string; galleyRefundId: string; orderId: string; reason: string }): Promise<ObservedRefund>;
  /** Every refund of the intent (when a `charge.refunded` event does not list them). */
  listRefunds(intentId: string): Promise<ObservedRefund[]>;
}
