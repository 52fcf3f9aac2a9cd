import { HttpStatus } from '@nestjs/common';
import { PaymentErrorCode } from '../domain/payment-error';
import { httpStatusOf } from './payments-error.filter';

describe(httpStatusOf.name, () => {
  it.each<[PaymentErrorCode, HttpStatus]>([
    [PaymentErrorCode.InvalidInput, HttpStatus.BAD_REQUEST],
    [PaymentErrorCode.InvalidWebhook, HttpStatus.BAD_REQUEST],
    [PaymentErrorCode.PaymentNotFound, HttpStatus.NOT_FOUND],
    [PaymentErrorCode.OrderNotFound, HttpStatus.NOT_FOUND],
    [PaymentErrorCode.SimulationDisabled, HttpStatus.NOT_FOUND],
    [PaymentErrorCode.NoIntentYet, HttpStatus.CONFLICT],
    [PaymentErrorCode.NothingToRefund, HttpStatus.CONFLICT],
    [PaymentErrorCode.RefundExceedsCaptured, HttpStatus.CONFLICT],
    [PaymentErrorCode.IdempotencyKeyReused, HttpStatus.UNPROCESSABLE_ENTITY],
    [PaymentErrorCode.ProviderRejected, HttpStatus.BAD_GATEWAY],
    [PaymentErrorCode.ProviderUnavailable, HttpStatus.SERVICE_UNAVAILABLE],
  ])('maps %s to %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });

  it('maps every code', () => {
    for (const code of Object.values(PaymentErrorCode)) expect(() => httpStatusOf(code)).not.toThrow();
  });
});
