import { HttpStatus } from '@nestjs/common';
import { eventOutcomeOf } from '@galley/errors';
import { InventoryErrorCode, InventoryError, inventoryErrorTransports } from './inventory-error';

describe(`${InventoryError.name} by transport`, () => {
  const sut = inventoryErrorTransports;

  it.each<[InventoryErrorCode, HttpStatus]>([
    [InventoryErrorCode.InvalidInput, HttpStatus.BAD_REQUEST],
    [InventoryErrorCode.UnknownCategory, HttpStatus.BAD_REQUEST],
    [InventoryErrorCode.UnknownParentCategory, HttpStatus.BAD_REQUEST],
    [InventoryErrorCode.InvalidCursor, HttpStatus.BAD_REQUEST],
    [InventoryErrorCode.InvalidImage, HttpStatus.BAD_REQUEST],
    [InventoryErrorCode.ImageTooLarge, HttpStatus.PAYLOAD_TOO_LARGE],
    [InventoryErrorCode.ProductNotFound, HttpStatus.NOT_FOUND],
    [InventoryErrorCode.ImageNotFound, HttpStatus.NOT_FOUND],
    [InventoryErrorCode.SynonymSetNotFound, HttpStatus.NOT_FOUND],
    [InventoryErrorCode.SlugTaken, HttpStatus.CONFLICT],
    [InventoryErrorCode.SkuTaken, HttpStatus.CONFLICT],
    [InventoryErrorCode.InsufficientStock, HttpStatus.CONFLICT],
  ])('maps %s to %i', (code, status) => {
    expect(sut.httpStatus(code)).toBe(status);
  });

  it('maps every code to an HTTP status', () => {
    for (const code of Object.values(InventoryErrorCode)) expect(() => sut.httpStatus(code)).not.toThrow();
  });

  const RETRIED: readonly InventoryErrorCode[] = [];

  it.each(Object.values(InventoryErrorCode))('decides for %s whether an event handler retries or dead-letters', (code) => {
    expect(sut.event(code)).toBe(RETRIED.includes(code) ? 'retry' : 'dead-letter');
  });

  it('is what a consumer reads from a thrown InventoryError', () => {
    const error = new InventoryError(InventoryErrorCode.ProductNotFound, 'refused');
    expect(error).toMatchObject({ name: 'InventoryError', code: InventoryErrorCode.ProductNotFound, message: 'refused' });
    expect(eventOutcomeOf(error)).toBe(sut.event(InventoryErrorCode.ProductNotFound));
    expect(Object.keys(error)).not.toContain('transports');
  });
});
