import { InventoryError } from './inventory-error';
import { decodeSearchCursor, effectiveSort, encodeSearchCursor, priceBands, ProductSort, SearchPosition, searchRequestProblems } from './product-search';

const ID = '6f1c1a52-2b7e-4d0e-9a39-1f2b3c4d5e6f';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe(decodeSearchCursor.name, () => {
  it.each<SearchPosition>([
    { sort: 'relevance', keys: [2.1234567890123457], id: ID },
    { sort: 'price', keys: [0], id: ID },
    { sort: '-price', keys: [123456789], id: ID },
    { sort: 'rating', keys: ['4.3333333333', 12], id: ID },
    { sort: 'newest', keys: ['2026-01-02T03:04:05.678Z'], id: ID },
  ])('reads back the position it encoded for sort $sort', (position) => {
    expect(decodeSearchCursor(encodeSearchCursor(position), position.sort)).toEqual(position);
  });

  it.each<[string, string, ProductSort]>([
    ['an empty cursor', '', 'price'],
    ['not base64 JSON', 'not-a-cursor', 'price'],
    ['a cursor of another sort', encodeSearchCursor({ sort: 'price', keys: [1], id: ID }), '-price'],
    ['a key of the wrong type', raw(['price', ['1'], ID]), 'price'],
    ['too few keys', raw(['rating', ['4.5'], ID]), 'rating'],
    ['a decimal that is not one', raw(['rating', ['1;drop', 1], ID]), 'rating'],
    ['a bad timestamp', raw(['newest', ['yesterday'], ID]), 'newest'],
    ['an id that is not a uuid', raw(['price', [1], 'x']), 'price'],
    ['the old list cursor shape', raw(['2026-01-02T03:04:05.678Z', ID]), 'newest'],
    ['a cursor of the retired oldest-first default', raw(['oldest', ['2026-01-02T03:04:05.678Z'], ID]), 'newest'],
  ])('refuses %s', (_case, cursor, sort) => {
    expect(() => decodeSearchCursor(cursor, sort)).toThrow(InventoryError);
  });
});

describe(searchRequestProblems.name, () => {
  it.each<[string, Parameters<typeof searchRequestProblems>[0], RegExp | null]>([
    ['nothing given', {}, null],
    ['a price range', { minPrice: 100, maxPrice: 200 }, null],
    ['an empty price range', { minPrice: 200, maxPrice: 200 }, null],
    ['min above max', { minPrice: 201, maxPrice: 200 }, /minPrice/],
    ['relevance with a query', { q: 'pizza', sort: 'relevance' }, null],
    ['relevance without a query', { sort: 'relevance' }, /sort/],
    ['an unknown sort', { sort: 'cheapest' }, /sort must be one of/],
    ['the retired oldest sort', { sort: 'oldest' }, /sort/],
    ['every public sort', { sort: '-price' }, null],
  ])('for %s', (_case, request, problem) => {
    const problems = searchRequestProblems(request);
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.join('; ')).toMatch(problem);
  });
});

describe(effectiveSort.name, () => {
  it.each<[Parameters<typeof effectiveSort>[0], ProductSort]>([
    [{}, 'newest'],
    [{ q: 'pizza' }, 'relevance'],
    [{ q: 'pizza', sort: 'price' }, 'price'],
    [{ sort: 'newest' }, 'newest'],
  ])('lists %j by %s', (request, sort) => {
    expect(effectiveSort(request)).toBe(sort);
  });
});

describe(priceBands.name, () => {
  it('covers every price with fixed bands, the last one open', () => {
    expect(priceBands()).toEqual([
      { min: 0, max: 500 },
      { min: 500, max: 1000 },
      { min: 1000, max: 2000 },
      { min: 2000, max: 5000 },
      { min: 5000, max: null },
    ]);
  });
});
