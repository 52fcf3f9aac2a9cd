import { DomainError, ErrorTransports, HttpStatusCode, unmappedCode } from '@galley/errors';

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

/** Each code by transport: one exhaustive switch each. */
export const paymentErrorTransports: ErrorTransports<PaymentErrorCode> = {
  httpStatus(code) {
    switch (code) {
      case PaymentErrorCode.InvalidInput:
      case PaymentErrorCode.InvalidWebhook:
        return HttpStatusCode.BadRequest;
      case PaymentErrorCode.PaymentNotFound:
      case PaymentErrorCode.OrderNotFound:
      case PaymentErrorCode.SimulationDisabled:
        return HttpStatusCode.NotFound;
      case PaymentErrorCode.NoIntentYet:
      case PaymentErrorCode.NothingToRefund:
      case PaymentErrorCode.RefundExceedsCaptured:
        return HttpStatusCode.Conflict;
      case PaymentErrorCode.IdempotencyKeyReused:
        return HttpStatusCode.UnprocessableEntity;
      case PaymentErrorCode.ProviderRejected:
        return HttpStatusCode.BadGateway;
      case PaymentErrorCode.ProviderUnavailable:
        return HttpStatusCode.ServiceUnavailable;
      default:
        return unmappedCode(code, 'HTTP');
    }
  },
  event(code) {
    switch (code) {
      // A refusal by the provider (say, an amount below its minimum) does not get better with retries.
      case PaymentErrorCode.ProviderRejected:
      case PaymentErrorCode.InvalidInput:
      case PaymentErrorCode.InvalidWebhook:
      case PaymentErrorCode.PaymentNotFound:
      case PaymentErrorCode.OrderNotFound:
      case PaymentErrorCode.SimulationDisabled:
      case PaymentErrorCode.NothingToRefund:
      case PaymentErrorCode.RefundExceedsCaptured:
      case PaymentErrorCode.IdempotencyKeyReused:
        return 'dead-letter';
      // The intent comes with an event of its own and may exist on the next attempt; the provider may be back.
      case PaymentErrorCode.NoIntentYet:
      case PaymentErrorCode.ProviderUnavailable:
        return 'retry';
      default:
        return unmappedCode(code, 'event');
    }
  },
};

export class PaymentError extends DomainError<PaymentErrorCode> {
  constructor(code: PaymentErrorCode, message: string) {
    super(code, message);
  }

  get transports(): ErrorTransports<PaymentErrorCode> {
    return paymentErrorTransports;
  }
}
