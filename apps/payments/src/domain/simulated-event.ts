export type SimulatedOutcome = 'succeeded' | 'failed';

/**
 * A Stripe-format event for an intent, as Stripe would send it when the customer's payment
 * succeeds or is declined. Used by the development simulation, which signs it and sends it
 * through the real webhook path.
 */
export function simulatedIntentEvent(
  intent: { intentId: string; orderId: string; amount: number; currency: string },
  outcome: SimulatedOutcome,
  ids: { eventId: string; chargeId: string },
  now: Date = new Date(),
): Record<string, unknown> {
  const created = Math.floor(now.getTime() / 1000);
  const succeeded = outcome === 'succeeded';
  return {
    id: ids.eventId,
    object: 'event',
    api_version: null,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: succeeded ? 'payment_intent.succeeded' : 'payment_intent.payment_failed',
    data: {
      object: {
        id: intent.intentId,
        object: 'payment_intent',
        amount: intent.amount,
        amount_received: succeeded ? intent.amount : 0,
        currency: intent.currency.toLowerCase(),
        status: succeeded ? 'succeeded' : 'requires_payment_method',
        latest_charge: succeeded ? ids.chargeId : null,
        last_payment_error: succeeded ? null : { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
        metadata: { orderId: intent.orderId },
        livemode: false,
        created,
      },
    },
  };
}
