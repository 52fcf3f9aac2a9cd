import { CreatedAtPosition, decodeCreatedAtCursor, encodeCreatedAtCursor } from '@galley/platform';
import { OrdersError, OrdersErrorCode } from './orders-error';

/** Where a keyset page of orders ends: newest first, ties broken by id. */
export type OrderPosition = CreatedAtPosition;

export const encodeOrderCursor = encodeCreatedAtCursor;

/** The position a client's cursor names; a cursor this service did not make is an OrdersError. */
export function decodeOrderCursor(cursor: string): OrderPosition {
  const position = decodeCreatedAtCursor(cursor);
  if (!position) throw new OrdersError(OrdersErrorCode.InvalidCursor, 'cursor is not a cursor this list returned');
  return position;
}
