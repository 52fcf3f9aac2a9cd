import { CreatedAtPosition, decodeCreatedAtCursor, encodeCreatedAtCursor } from '@galley/platform';
import { UsersError, UsersErrorCode } from './users-error';

/** Where a keyset page ends: lists are ordered newest first, ties broken by id. */
export type ListPosition = CreatedAtPosition;

export const encodeCursor = encodeCreatedAtCursor;

/** The position a client's cursor names; a cursor the service did not make is a UsersError. */
export function decodeCursor(cursor: string): ListPosition {
  const position = decodeCreatedAtCursor(cursor);
  if (!position) throw new UsersError(UsersErrorCode.InvalidCursor, 'cursor is not a cursor this list returned');
  return position;
}
