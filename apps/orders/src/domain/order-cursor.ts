import { OrdersError, OrdersErrorCode } from './orders-error';

/** Where a keyset page of orders ends: newest first, ties broken by id. */
export interface OrderPosition {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeOrderCursor(position: OrderPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

/** The position a client's cursor names; a cursor this service did not make is an OrdersError. */
export function decodeOrderCursor(cursor: string): OrderPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && UUID.test(value[1])) {
      const createdAt = new Date(value[0]);
      if (!Number.isNaN(createdAt.getTime())) return { createdAt, id: value[1] };
    }
  } catch {
    // fall through: not ours
  }
  throw new OrdersError(OrdersErrorCode.InvalidCursor, 'cursor is not a cursor this list returned');
}
