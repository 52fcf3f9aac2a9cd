import { isStorableText, jsonNestingDepth, unstorableTextAt } from './input-guards';

describe(jsonNestingDepth.name, () => {
  const depth = (text: string, limit?: number) => jsonNestingDepth(Buffer.from(text), limit);

  it.each([
    ['{}', 1],
    ['{"a":[1,{"b":2}]}', 3],
    ['{"a":"[[[[{{{{"}', 1],
    ['{"a":"\\"[[[["}', 1],
    ['[[],[],[[]]]', 3],
    ['"plain"', 0],
  ])('counts %s as %i deep', (text, expected) => {
    expect(depth(text)).toBe(expected);
  });

  it('stops counting once past the limit (a 30 KB body nested 15,000 deep)', () => {
    expect(depth('['.repeat(15_000) + ']'.repeat(15_000), 32)).toBe(33);
  });
});

describe(isStorableText.name, () => {
  it.each([
    ['plain text', true],
    ['emoji \u{1F355} pair', true],
    ['nul \u0000 inside', false],
    ['lone high \uD800 surrogate', false],
    ['lone low \uDC00 surrogate', false],
    ['reversed \uDC00\uD800 pair', false],
    ['ends with high \uD83C', false],
  ])('says %j is %s', (text, expected) => {
    expect(isStorableText(text)).toBe(expected);
  });
});

describe(unstorableTextAt.name, () => {
  it('names the first bad string or key by its path', () => {
    expect(unstorableTextAt({ name: 'ok', lines: [{ note: 'ok' }, { note: 'bad\u0000' }] })).toBe('lines[1].note');
    expect(unstorableTextAt({ ['k\uD800']: 1 })).toBe('(a key)');
    expect(unstorableTextAt({ q: ['a', 'b\uDFFF'] })).toBe('q[1]');
    expect(unstorableTextAt({ a: 1, b: null, c: [true] })).toBeUndefined();
    expect(unstorableTextAt(undefined)).toBeUndefined();
  });
});
