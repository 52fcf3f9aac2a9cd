import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { AllExceptionsFilter } from '@galley/platform';
import { PaymentError, PaymentErrorCode } from '../domain/payment-error';

/** The HTTP status of each payments error: one exhaustive switch, so a new code cannot go unmapped. */
export function httpStatusOf(code: PaymentErrorCode): HttpStatus {
  switch (code) {
    case PaymentErrorCode.InvalidInput:
    case PaymentErrorCode.InvalidWebhook:
      return HttpStatus.BAD_REQUEST;
    case PaymentErrorCode.PaymentNotFound:
    case PaymentErrorCode.OrderNotFound:
    case PaymentErrorCode.SimulationDisabled:
      return HttpStatus.NOT_FOUND;
    case PaymentErrorCode.NoIntentYet:
    case PaymentErrorCode.NothingToRefund:
    case PaymentErrorCode.RefundExceedsCaptured:
      return HttpStatus.CONFLICT;
    case PaymentErrorCode.IdempotencyKeyReused:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case PaymentErrorCode.ProviderRejected:
      return HttpStatus.BAD_GATEWAY;
    case PaymentErrorCode.ProviderUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    default:
      return unmapped(code);
  }
}

function unmapped(code: never): never {
  throw new Error(`PaymentErrorCode ${String(code)} has no HTTP status`);
}

/** Answers a PaymentError in the platform's JSON error shape. */
@Catch(PaymentError)
export class PaymentsErrorFilter implements ExceptionFilter {
  private readonly shape = new AllExceptionsFilter();

  catch(error: PaymentError, host: ArgumentsHost): void {
    this.shape.catch(new HttpException(error.message, httpStatusOf(error.code)), host);
  }
}
