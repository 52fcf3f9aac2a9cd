import { decodeOrderCursor, encodeOrderCursor } from './order-cursor';
import { OrdersError } from './orders-error';

describe(decodeOrderCursor.name, () => {
  it('reads back what encodeOrderCursor wrote, to the millisecond', () => {
    const position = { createdAt: new Date('2026-11-25T10:11:12.345Z'), id: '3f0b8c1e-4a6d-4b8e-9c2f-1a2b3c4d5e6f' };
    expect(decodeOrderCursor(encodeOrderCursor(position))).toEqual(position);
  });

  it.each(['', 'garbage', Buffer.from('["not a date","3f0b8c1e-4a6d-4b8e-9c2f-1a2b3c4d5e6f"]').toString('base64url'), Buffer.from('["2026-11-25T10:11:12Z","1"]').toString('base64url')])(
    'refuses a cursor it did not make: %p',
    (cursor) => {
      expect(() => decodeOrderCursor(cursor)).toThrow(OrdersError);
    },
  );
});
