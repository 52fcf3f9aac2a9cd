import { HttpStatus } from '@nestjs/common';
import { eventOutcomeOf } from '@galley/errors';
import { PaymentErrorCode, PaymentError, paymentErrorTransports } from './payment-error';

describe(`${PaymentError.name} by transport`, () => {
  const sut = paymentErrorTransports;

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
    expect(sut.httpStatus(code)).toBe(status);
  });

  it('maps every code to an HTTP status', () => {
    for (const code of Object.values(PaymentErrorCode)) expect(() => sut.httpStatus(code)).not.toThrow();
  });

  const RETRIED: readonly PaymentErrorCode[] = [PaymentErrorCode.NoIntentYet, PaymentErrorCode.ProviderUnavailable];

  it.each(Object.values(PaymentErrorCode))('decides for %s whether an event handler retries or dead-letters', (code) => {
    expect(sut.event(code)).toBe(RETRIED.includes(code) ? 'retry' : 'dead-letter');
  });

  it('is what a consumer reads from a thrown PaymentError', () => {
    const error = new PaymentError(PaymentErrorCode.ProviderRejected, 'refused');
    expect(error).toMatchObject({ name: 'PaymentError', code: PaymentErrorCode.ProviderRejected, message: 'refused' });
    expect(eventOutcomeOf(error)).toBe(sut.event(PaymentErrorCode.ProviderRejected));
    expect(Object.keys(error)).not.toContain('transports');
  });
});
