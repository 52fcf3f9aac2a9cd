import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { Response } from 'express';
import { AllExceptionsFilter } from '@galley/platform';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';

/** The HTTP status of each orders error: one exhaustive switch, so a new code cannot go unmapped. */
export function httpStatusOf(code: OrdersErrorCode): HttpStatus {
  switch (code) {
    case OrdersErrorCode.InvalidInput:
    case OrdersErrorCode.InvalidCursor:
      return HttpStatus.BAD_REQUEST;
    case OrdersErrorCode.OrderNotFound:
      return HttpStatus.NOT_FOUND;
    case OrdersErrorCode.IllegalTransition:
      return HttpStatus.CONFLICT;
    case OrdersErrorCode.IdempotencyKeyReused:
    case OrdersErrorCode.StoreNotTakingOrders:
    case OrdersErrorCode.ProductOffSale:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    default:
      return unmapped(code);
  }
}

function unmapped(code: never): never {
  throw new Error(`OrdersErrorCode ${String(code)} has no HTTP status`);
}

/** Answers an OrdersError in the platform's JSON error shape; a temporary refusal carries Retry-After. */
@Catch(OrdersError)
export class OrdersErrorFilter implements ExceptionFilter {
  private readonly shape = new AllExceptionsFilter();

  catch(error: OrdersError, host: ArgumentsHost): void {
    if (error.retryAt) {
      const seconds = Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 1000));
      host.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    }
    this.shape.catch(new HttpException(error.message, httpStatusOf(error.code)), host);
  }
}
