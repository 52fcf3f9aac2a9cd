import { types } from 'pg';

const INT8 = 20;

/** An int8 (bigint, count(*), sum() of ints, bigserial) as a number; refused rather than rounded past 2^53. */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} is beyond the integers a number holds exactly`);
  return value;
}

/**
 * The type parsers of a service's pool: int8 arrives as a number (money is integer minor units, far
 * below 2^53; a larger value fails the query instead of losing digits), so repositories need no
 * `Number()`. numeric keeps pg's exact text: the rating sort key of a search cursor is a decimal
 * string compared back as numeric, so a statement that wants a number says so (`sum(amount)::bigint`,
 * `rating_average::float8`). Given to the pool (`extra.types`), not set on pg's global defaults, so
 * other pools in the process (the relay's, tests', CLIs') are unaffected.
 */
export const serviceTypeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
    if (format === 'binary') return types.getTypeParser(oid, 'binary');
    return oid === INT8 ? parseInt8 : types.getTypeParser(oid, 'text');
  },
};
