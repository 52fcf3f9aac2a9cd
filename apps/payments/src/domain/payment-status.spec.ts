import { IntentOutcome, nextPaymentStatus, nextRefundStatus, PaymentStatus, RefundStatus } from './payment-status';

describe(nextPaymentStatus.name, () => {
  it.each<[PaymentStatus, IntentOutcome, PaymentStatus | null]>([
    ['requires_payment', 'succeeded', 'succeeded'],
    ['requires_payment', 'failed', 'failed'],
    ['requires_payment', 'cancelled', 'cancelled'],
    ['failed', 'succeeded', 'succeeded'],
    ['failed', 'failed', null],
    ['failed', 'cancelled', 'cancelled'],
    ['cancelled', 'succeeded', 'succeeded'],
    ['cancelled', 'failed', null],
    ['cancelled', 'cancelled', null],
    ['succeeded', 'succeeded', null],
    ['succeeded', 'failed', null],
    ['succeeded', 'cancelled', null],
  ])('moves %s on %s to %s', (current, observed, expected) => {
    expect(nextPaymentStatus(current, observed)).toBe(expected);
  });
});

describe(nextRefundStatus.name, () => {
  it.each<[RefundStatus, RefundStatus, RefundStatus | null]>([
    ['pending', 'pending', null],
    ['pending', 'succeeded', 'succeeded'],
    ['pending', 'failed', 'failed'],
    ['succeeded', 'pending', null],
    ['succeeded', 'succeeded', null],
    ['succeeded', 'failed', 'failed'],
    ['failed', 'pending', null],
    ['failed', 'succeeded', null],
    ['failed', 'failed', null],
  ])('moves %s on %s to %s', (current, observed, expected) => {
    expect(nextRefundStatus(current, observed)).toBe(expected);
  });
});
