/** Where a payment (one PaymentIntent per order) stands, as Galley records it. */
export const PAYMENT_STATUSES = ['requires_payment', 'succeeded', 'failed', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** What the provider reported about an intent (a webhook, or our own cancel call). */
export type IntentOutcome = 'succeeded' | 'failed' | 'cancelled';

/**
 * The status after `observed`, or null when it changes nothing. A payment never moves backwards:
 * once money was taken (`succeeded`) nothing undoes it here (refunds are separate records), and
 * a success is a success even after we cancelled the intent or saw a failure: the provider took
 * the money, so the order side must hear of it. A failed intent can still be paid with another
 * card, and still be cancelled.
 */
export function nextPaymentStatus(current: PaymentStatus, observed: IntentOutcome): PaymentStatus | null {
  if (current === 'succeeded') return null;
  if (observed === 'succeeded') return 'succeeded';
  if (observed === 'failed') return current === 'requires_payment' ? 'failed' : null;
  return current === 'cancelled' ? null : 'cancelled';
}

export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/**
 * The refund status after the provider reported `observed`, or null when nothing changes. A
 * pending refund settles either way; a succeeded refund can still fail later (Stripe reports it
 * with `refund.failed` and gives the money back to the balance); a failed refund is final.
 */
export function nextRefundStatus(current: RefundStatus, observed: RefundStatus): RefundStatus | null {
  if (current === observed || observed === 'pending' || current === 'failed') return null;
  return observed;
}
