import { HttpStatus } from '@nestjs/common';
import { eventOutcomeOf } from '@galley/errors';
import { OrdersErrorCode, OrdersError, ordersErrorTransports } from './orders-error';

describe(`${OrdersError.name} by transport`, () => {
  const sut = ordersErrorTransports;

  it.each([
    [OrdersErrorCode.InvalidInput, HttpStatus.BAD_REQUEST],
    [OrdersErrorCode.InvalidCursor, HttpStatus.BAD_REQUEST],
    [OrdersErrorCode.OrderNotFound, HttpStatus.NOT_FOUND],
    [OrdersErrorCode.IllegalTransition, HttpStatus.CONFLICT],
    [OrdersErrorCode.IdempotencyKeyReused, HttpStatus.UNPROCESSABLE_ENTITY],
    [OrdersErrorCode.StoreNotTakingOrders, HttpStatus.UNPROCESSABLE_ENTITY],
    [OrdersErrorCode.ProductOffSale, HttpStatus.UNPROCESSABLE_ENTITY],
  ])('maps %s to %s', (code, status) => {
    expect(sut.httpStatus(code)).toBe(status);
  });

  it('maps every code to an HTTP status', () => {
    for (const code of Object.values(OrdersErrorCode)) expect(() => sut.httpStatus(code)).not.toThrow();
  });

  const RETRIED: readonly OrdersErrorCode[] = [OrdersErrorCode.StoreNotTakingOrders];

  it.each(Object.values(OrdersErrorCode))('decides for %s whether an event handler retries or dead-letters', (code) => {
    expect(sut.event(code)).toBe(RETRIED.includes(code) ? 'retry' : 'dead-letter');
  });

  it('is what a consumer reads from a thrown OrdersError', () => {
    const error = new OrdersError(OrdersErrorCode.OrderNotFound, 'refused');
    expect(error).toMatchObject({ name: 'OrdersError', code: OrdersErrorCode.OrderNotFound, message: 'refused' });
    expect(eventOutcomeOf(error)).toBe(sut.event(OrdersErrorCode.OrderNotFound));
    expect(Object.keys(error)).not.toContain('transports');
  });
});
