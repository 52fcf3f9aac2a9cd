import { HttpStatus } from '@nestjs/common';
import { OrdersErrorCode } from '../domain/orders-error';
import { httpStatusOf } from './orders-error.filter';

describe(httpStatusOf.name, () => {
  it.each([
    [OrdersErrorCode.InvalidInput, HttpStatus.BAD_REQUEST],
    [OrdersErrorCode.InvalidCursor, HttpStatus.BAD_REQUEST],
    [OrdersErrorCode.OrderNotFound, HttpStatus.NOT_FOUND],
    [OrdersErrorCode.IllegalTransition, HttpStatus.CONFLICT],
    [OrdersErrorCode.IdempotencyKeyReused, HttpStatus.UNPROCESSABLE_ENTITY],
    [OrdersErrorCode.StoreNotTakingOrders, HttpStatus.UNPROCESSABLE_ENTITY],
    [OrdersErrorCode.ProductOffSale, HttpStatus.UNPROCESSABLE_ENTITY],
  ])('maps %s to %s', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });

  it('maps every code', () => {
    for (const code of Object.values(OrdersErrorCode)) expect(() => httpStatusOf(code)).not.toThrow();
  });
});
