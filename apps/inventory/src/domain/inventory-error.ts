import { DomainError, ErrorTransports, HttpStatusCode, unmappedCode } from '@galley/errors';

/** Everything an inventory use case can refuse, independent of the transport that reports it. */
export enum InventoryErrorCode {
  InvalidInput = 'INVALID_INPUT',
  UnknownCategory = 'UNKNOWN_CATEGORY',
  UnknownParentCategory = 'UNKNOWN_PARENT_CATEGORY',
  SlugTaken = 'SLUG_TAKEN',
  SkuTaken = 'SKU_TAKEN',
  ProductNotFound = 'PRODUCT_NOT_FOUND',
  InsufficientStock = 'INSUFFICIENT_STOCK',
  InvalidCursor = 'INVALID_CURSOR',
  InvalidImage = 'INVALID_IMAGE',
  ImageTooLarge = 'IMAGE_TOO_LARGE',
  ImageNotFound = 'IMAGE_NOT_FOUND',
  SynonymSetNotFound = 'SYNONYM_SET_NOT_FOUND',
}

/** Each code by transport: one exhaustive switch each. */
export const inventoryErrorTransports: ErrorTransports<InventoryErrorCode> = {
  httpStatus(code) {
    switch (code) {
      case InventoryErrorCode.InvalidInput:
      case InventoryErrorCode.UnknownCategory:
      case InventoryErrorCode.UnknownParentCategory:
      case InventoryErrorCode.InvalidCursor:
      case InventoryErrorCode.InvalidImage:
        return HttpStatusCode.BadRequest;
      case InventoryErrorCode.ImageTooLarge:
        return HttpStatusCode.PayloadTooLarge;
      case InventoryErrorCode.ProductNotFound:
      case InventoryErrorCode.ImageNotFound:
      case InventoryErrorCode.SynonymSetNotFound:
        return HttpStatusCode.NotFound;
      case InventoryErrorCode.SlugTaken:
      case InventoryErrorCode.SkuTaken:
      case InventoryErrorCode.InsufficientStock:
        return HttpStatusCode.Conflict;
      default:
        return unmappedCode(code, 'HTTP');
    }
  },
  event(code) {
    switch (code) {
      // Each is a rule or a missing row: the same event gets the same answer on every attempt.
      case InventoryErrorCode.InvalidInput:
      case InventoryErrorCode.UnknownCategory:
      case InventoryErrorCode.UnknownParentCategory:
      case InventoryErrorCode.InvalidCursor:
      case InventoryErrorCode.InvalidImage:
      case InventoryErrorCode.ImageTooLarge:
      case InventoryErrorCode.ProductNotFound:
      case InventoryErrorCode.ImageNotFound:
      case InventoryErrorCode.SynonymSetNotFound:
      case InventoryErrorCode.SlugTaken:
      case InventoryErrorCode.SkuTaken:
      case InventoryErrorCode.InsufficientStock:
        return 'dead-letter';
      default:
        return unmappedCode(code, 'event');
    }
  },
};

export class InventoryError extends DomainError<InventoryErrorCode> {
  constructor(code: InventoryErrorCode, message: string) {
    super(code, message);
  }

  get transports(): ErrorTransports<InventoryErrorCode> {
    return inventoryErrorTransports;
  }
}
