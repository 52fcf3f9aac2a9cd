/** Everything a payments use case can refuse, independent of the transport that reports it. */
export enum PaymentErrorCode {
  InvalidInput = 'INVALID_INPUT',
  InvalidWebhook = 'INVALID_WEBHOOK',
  PaymentNotFound = 'PAYMENT_NOT_FOUND',
  OrderNotFound = 'ORDER_NOT_FOUND',
  NoIntentYet = 'NO_INTENT_YET',
  NothingToRefund = 'NOTHING_TO_REFUND',
  RefundExceedsCaptured = 'REFUND_EXCEEDS_CAPTURED',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  ProviderRejected = 'PROVIDER_REJECTED',
  ProviderUnavailable = 'PROVIDER_UNAVAILABLE',
  SimulationDisabled = 'SIMULATION_DISABLED',
}

export class PaymentError extends Error {
  constructor(
    readonly code: PaymentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PaymentError';
  }
}
