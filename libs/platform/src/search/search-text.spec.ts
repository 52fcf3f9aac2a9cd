import { searchWords } from './search-text';

describe(searchWords.name, () => {
  it.each([
    ['margherita pizza', 'margherita pizza'],
    ['  pad   thai ', 'pad thai'],
    ["chef's special", "chef's special"],
    ['-|&-|&-|&pizza', 'pizza'],
    ['"quoted" !not (grouped) prefix:* a<->b', 'quoted not grouped prefix a b'],
    ['crème brûlée', 'crème brûlée'],
    ['ｐｉｚｚａ', 'pizza'],
    ['寿司 2', '寿司 2'],
    ["'", ''],
    ['!!!', ''],
  ])('reads %j as %j', (text, expected) => {
    expect(searchWords(text)).toBe(expected);
  });
});
