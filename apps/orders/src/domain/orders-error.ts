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

export class OrdersError extends Error {
  constructor(
    readonly code: OrdersErrorCode,
    message: string,
    /** When the refusal is temporary: the earliest time worth trying again. */
    readonly retryAt?: Date | null,
  ) {
    super(message);
    this.name = 'OrdersError';
  }
}
