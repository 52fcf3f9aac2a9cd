import { createHash } from 'node:crypto';
import { Money } from '@galley/contracts';
import { ObservedRefund } from '../domain/provider-event';
import { CancelOutcome, PaymentProvider, ProviderIntent } from './payment-provider';

/** A stable token for an idempotency key, so the same request yields the same ids after a restart. */
function tokenOf(purpose: string, key: string): string {
  return createHash('sha256').update(`${purpose}:${key}`).digest('hex').slice(0, 24);
}

/**
 * The provider without Stripe keys: intents and refunds exist only as Galley's own records.
 * Ids derive from the idempotency key (the same key always gives the same intent or refund),
 * refunds succeed at once, and payments are decided with `POST /api/payments/dev/simulate`.
 */
export class SimulatedPaymentProvider implements PaymentProvider {
  readonly name = 'simulated' as const;

  async createIntent(request: { idempotencyKey: string }): Promise<ProviderIntent> {
    const id = `pi_sim_${tokenOf('intent', request.idempotencyKey)}`;
    return { id, clientSecret: `${id}_secret_${tokenOf('secret', request.idempotencyKey)}` };
  }

  async cancelIntent(): Promise<CancelOutcome> {
    return 'cancelled';
  }

  async createRefund(request: { amount: Money; idempotencyKey: string; galleyRefundId: string; reason: string }): Promise<ObservedRefund> {
    return {
      id: `re_sim_${tokenOf('refund', request.idempotencyKey)}`,
      amount: request.amount.amount,
      currency: request.amount.currency,
      status: 'succeeded',
      galleyRefundId: request.galleyRefundId,
      reason: request.reason,
      failureReason: null,
    };
  }

  async listRefunds(): Promise<ObservedRefund[]> {
    return [];
  }
}
