import { types } from 'pg';
import { parseInt8, serviceTypeParsers } from './pg-types';

describe('serviceTypeParsers', () => {
  it.each([
    ['an int8', '1800', 1800],
    ['a negative int8', '-250', -250],
    ['the largest safe int8', '9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('reads %s as a number', (_what, text, expected) => {
    expect(parseInt8(text)).toBe(expected);
  });

  it('refuses an int8 past 2^53 rather than rounding it', () => {
    expect(() => parseInt8('9007199254740993')).toThrow(RangeError);
  });

  it('installs it for int8 and keeps pg parsers for every other type, numeric as exact text included', () => {
    expect(serviceTypeParsers.getTypeParser(20, 'text')).toBe(parseInt8);
    expect(serviceTypeParsers.getTypeParser(1700, 'text')).toBe(types.getTypeParser(1700, 'text'));
    expect(serviceTypeParsers.getTypeParser(1184, 'text')).toBe(types.getTypeParser(1184, 'text'));
    expect(serviceTypeParsers.getTypeParser(23, 'text')).toBe(types.getTypeParser(23, 'text'));
  });
});
