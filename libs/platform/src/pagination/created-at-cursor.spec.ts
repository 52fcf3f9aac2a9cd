import { decodeCreatedAtCursor, decodeCreatedAtCursorOr, encodeCreatedAtCursor } from './created-at-cursor';

const ID = '6f1c2a8e-4b7d-4e4f-9a51-0c2b3d4e5f60';
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe(decodeCreatedAtCursor.name, () => {
  it('reads back what encodeCreatedAtCursor wrote, to the millisecond', () => {
    const position = { createdAt: new Date('2026-11-25T12:00:00.123Z'), id: ID };
    expect(decodeCreatedAtCursor(encodeCreatedAtCursor(position))).toEqual(position);
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['empty', ''],
    ['JSON of another shape', cursorOf({ a: 1 })],
    ['a word for a date', cursorOf(['yesterday', ID])],
    ['a year Postgres cannot store', cursorOf(['+275760-09-13T00:00:00.000Z', ID])],
    ['a negative year', cursorOf(['-271821-04-20T00:00:00.000Z', ID])],
    ['a day that does not exist', cursorOf(['2026-02-31T00:00:00.000Z', ID])],
    ['a number for a date', cursorOf([1e20, ID])],
    ['a date without its time', cursorOf(['2026-11-25', ID])],
    ['a bad id', cursorOf(['2026-11-25T12:00:00.000Z', '1; DROP TABLE'])],
    ['three values', cursorOf(['2026-11-25T12:00:00.000Z', ID, 1])],
  ])('refuses %s', (_case, cursor) => {
    expect(decodeCreatedAtCursor(cursor)).toBeUndefined();
  });
});

describe(decodeCreatedAtCursorOr.name, () => {
  const invalid = () => new RangeError('not a cursor of this list');

  it('answers the position of a cursor encodeCreatedAtCursor wrote', () => {
    const position = { createdAt: new Date('2026-11-25T12:00:00.123Z'), id: ID };
    expect(decodeCreatedAtCursorOr(encodeCreatedAtCursor(position), invalid)).toEqual(position);
  });

  it.each(['', 'bogus', cursorOf(['2026-11-25T12:00:00.000Z', '1'])])("throws the service's own error for %p", (cursor) => {
    expect(() => decodeCreatedAtCursorOr(cursor, invalid)).toThrow(new RangeError('not a cursor of this list'));
  });
});
