import { categoryOrderProblems } from './category-order';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const X = '00000000-0000-4000-8000-0000000000ff';

describe(categoryOrderProblems.name, () => {
  it.each<[string, string[], string[], RegExp[]]>([
    ['accepts every category once, in a new order', [A, B, C], [C, A, B], []],
    ['accepts the same order', [A, B, C], [A, B, C], []],
    ['accepts ids in another letter case', [A, B], [B.toUpperCase(), A], []],
    ['accepts an empty list when there are no categories', [], [], []],
    ['refuses an unknown id', [A, B], [A, B, X], [/name no category: .*0ff/]],
    ['refuses a duplicate', [A, B], [A, B, A], [/more than once: .*00a/]],
    ['refuses a missing category', [A, B, C], [A, C], [/missing: .*00b/]],
    ['names every problem at once', [A, B, C], [A, A, X], [/no category/, /more than once/, /missing/]],
  ])('%s', (_case, current, requested, expected) => {
    const sut = categoryOrderProblems(current, requested);
    expect(sut).toHaveLength(expected.length);
    expected.forEach((pattern, index) => expect(sut[index]).toMatch(pattern));
  });
});
