/** Where a keyset page ends in a list ordered newest first, ties broken by id. */
export interface CreatedAtPosition {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// What toISOString writes for years 0000-9999: a looser date (a year ±275760, "yesterday", a bare
// number) parses in JavaScript but not as a Postgres timestamptz, and was a 500.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCreatedAtCursor(position: CreatedAtPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

/**
 * The position a client's cursor names, or undefined for a cursor this codec did not write: only
 * values of the columns' types come back (an instant Postgres can compare, a UUID), never
 * something that passes here and fails in SQL.
 */
export function decodeCreatedAtCursor(cursor: string): CreatedAtPosition | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [at, id] = value as unknown[];
  if (typeof at !== 'string' || !ISO_INSTANT.test(at) || typeof id !== 'string' || !UUID.test(id)) return undefined;
  const createdAt = new Date(at);
  // Rejects calendar overflow (2026-02-31) that Date would silently roll over.
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== at) return undefined;
  return { createdAt, id };
}

/**
 * decodeCreatedAtCursor for a request's cursor: one this codec did not write throws `invalid()`, the
 * service's own error (its InvalidCursor code, a 400 over HTTP).
 */
export function decodeCreatedAtCursorOr(cursor: string, invalid: () => Error): CreatedAtPosition {
  const position = decodeCreatedAtCursor(cursor);
  if (!position) throw invalid();
  return position;
}
