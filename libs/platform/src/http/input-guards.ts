import { NextFunction, Request, Response } from 'express';

/** Deeper JSON than any Galley body needs; validation of deeper bodies recursed until the stack overflowed (500). */
export const MAX_JSON_DEPTH = 32;

/** A refusal before any route runs; AllExceptionsFilter answers it with its status and message. */
export class InputRefusedError extends Error {
  readonly status = 400;
  readonly expose = true;
  constructor(message: string) {
    super(message);
  }
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * How deeply the raw JSON text nests objects and arrays, counted on the bytes before parsing
 * (so neither the parser nor validation ever walks a deep body). Stops counting past `limit`.
 */
export function jsonNestingDepth(bytes: Uint8Array, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
  }
  return deepest;
}

// An unpaired surrogate: a high one not followed by a low one, or a low one without a high one before it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text Postgres can store and compare: well-formed Unicode (no lone surrogate) without NUL. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

const MAX_NAMED_PATH = 80;

/** The first string (value or key) in `value` that is not storable text, as a path like `lines[0].note`. */
export function unstorableTextAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path.slice(0, MAX_NAMED_PATH) || '(value)';
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = unstorableTextAt(value[index], `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!isStorableText(key)) return path ? `${path} (a key)` : '(a key)';
      const found = unstorableTextAt(item, at);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * body-parser's `verify` hook: runs on the raw bytes before JSON.parse. Keeps them as
 * `req.rawBody` (Stripe signatures are checked on the exact bytes) and refuses deep nesting.
 */
export function verifyJsonBody(req: Request & { rawBody?: Buffer }, _res: Response, bytes: Buffer): void {
  req.rawBody = bytes;
  if (jsonNestingDepth(bytes, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new InputRefusedError(`The body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

const REFUSED_TEXT = 'must be well-formed Unicode text without NUL characters';

/**
 * One rule for every route of every app, before guards and pipes: the path, the query and the
 * body carry only text Postgres can store (a NUL or a lone surrogate reaching a query was a 500).
 */
export function rejectUnstorableText(req: Request, _res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    next(new InputRefusedError('The path is not valid percent-encoded UTF-8'));
    return;
  }
  if (!isStorableText(path)) {
    next(new InputRefusedError(`The path ${REFUSED_TEXT}`));
    return;
  }
  const inQuery = unstorableTextAt(req.query);
  if (inQuery !== undefined) {
    next(new InputRefusedError(`Query parameter ${inQuery} ${REFUSED_TEXT}`));
    return;
  }
  const inBody = unstorableTextAt(req.body);
  if (inBody !== undefined) {
    next(new InputRefusedError(`Body field ${inBody} ${REFUSED_TEXT}`));
    return;
  }
  next();
}
