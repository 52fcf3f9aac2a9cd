import { describe, expect, it } from 'vitest';
import { moved } from './category-order';

describe('moved', () => {
  it.each([
    ['moves an item up', ['a', 'b', 'c'], 1, -1, ['b', 'a', 'c']],
    ['moves an item down', ['a', 'b', 'c'], 1, 1, ['a', 'c', 'b']],
    ['keeps the first where it is when moved up', ['a', 'b'], 0, -1, ['a', 'b']],
    ['keeps the last where it is when moved down', ['a', 'b'], 1, 1, ['a', 'b']],
    ['ignores an index outside the list', ['a'], 3, -1, ['a']],
  ] as const)('%s', (_case, items, index, direction, expected) => {
    expect(moved(items, index, direction)).toEqual(expected);
  });
});
