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

export class InventoryError extends Error {
  constructor(
    readonly code: InventoryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InventoryError';
  }
}
