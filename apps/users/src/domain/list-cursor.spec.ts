import { decodeCursor, encodeCursor } from './list-cursor';
import { UsersError } from './users-error';

describe(decodeCursor.name, () => {
  it('reads back what encodeCursor wrote', () => {
    const position = { createdAt: new Date('2026-11-25T12:00:00.123Z'), id: '6f1c2a8e-4b7d-4e4f-9a51-0c2b3d4e5f60' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['JSON of another shape', Buffer.from('{"a":1}').toString('base64url')],
    ['a bad date', Buffer.from('["yesterday","6f1c2a8e-4b7d-4e4f-9a51-0c2b3d4e5f60"]').toString('base64url')],
    ['a bad id', Buffer.from('["2026-11-25T12:00:00Z","1; DROP TABLE"]').toString('base64url')],
    ['empty', ''],
  ])('refuses %s', (_case, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(UsersError);
  });
});
