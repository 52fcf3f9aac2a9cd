import { DomainError, ErrorTransports, HttpStatusCode, unmappedCode } from '@galley/errors';

/** Everything an orders use case can refuse, independent of the transport that reports it. */
export enum OrdersErrorCode {
  InvalidInput = 'INVALID_INPUT',
  InvalidCursor = 'INVALID_CURSOR',
  OrderNotFound = 'ORDER_NOT_FOUND',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  StoreNotTakingOrders = 'STORE_NOT_TAKING_ORDERS',
  ProductOffSale = 'PRODUCT_OFF_SALE',
}

/** Each code by transport: one exhaustive switch each. */
export const ordersErrorTransports: ErrorTransports<OrdersErrorCode> = {
  httpStatus(code) {
    switch (code) {
      case OrdersErrorCode.InvalidInput:
      case OrdersErrorCode.InvalidCursor:
        return HttpStatusCode.BadRequest;
      case OrdersErrorCode.OrderNotFound:
        return HttpStatusCode.NotFound;
      case OrdersErrorCode.IllegalTransition:
        return HttpStatusCode.Conflict;
      case OrdersErrorCode.IdempotencyKeyReused:
      case OrdersErrorCode.StoreNotTakingOrders:
      case OrdersErrorCode.ProductOffSale:
        return HttpStatusCode.UnprocessableEntity;
      default:
        return unmappedCode(code, 'HTTP');
    }
  },
  event(code) {
    switch (code) {
      // The saga decides on the locked order, so a move the state machine refuses is refused again on a retry.
      case OrdersErrorCode.IllegalTransition:
      case OrdersErrorCode.InvalidInput:
      case OrdersErrorCode.InvalidCursor:
      case OrdersErrorCode.OrderNotFound:
      case OrdersErrorCode.IdempotencyKeyReused:
      case OrdersErrorCode.ProductOffSale:
        return 'dead-letter';
      case OrdersErrorCode.StoreNotTakingOrders:
        return 'retry';
      default:
        return unmappedCode(code, 'event');
    }
  },
};

export class OrdersError extends DomainError<OrdersErrorCode> {
  constructor(
    code: OrdersErrorCode,
    message: string,
    /** When the refusal is temporary: the earliest time worth trying again. */
    readonly retryAt?: Date | null,
  ) {
    super(code, message);
  }

  get transports(): ErrorTransports<OrdersErrorCode> {
    return ordersErrorTransports;
  }
}
