import { HttpStatus } from '@nestjs/common';
import { InventoryErrorCode } from '../domain/inventory-error';
import { httpStatusOf } from './inventory-error.filter';

describe(httpStatusOf.name, () => {
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
    expect(httpStatusOf(code)).toBe(status);
  });

  it('maps every code', () => {
    for (const code of Object.values(InventoryErrorCode)) expect(() => httpStatusOf(code)).not.toThrow();
  });
});
