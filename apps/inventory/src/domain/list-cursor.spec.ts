import { InventoryError } from './inventory-error';
import { decodeCursor, encodeCursor } from './list-cursor';

describe(decodeCursor.name, () => {
  it('reads back the position it encoded', () => {
    const position = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: '6f1c1a52-2b7e-4d0e-9a39-1f2b3c4d5e6f' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each(['', 'not-a-cursor', Buffer.from('["x","y"]').toString('base64url'), Buffer.from('[1,2]').toString('base64url')])(
    'refuses %j',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(InventoryError);
    },
  );
});
