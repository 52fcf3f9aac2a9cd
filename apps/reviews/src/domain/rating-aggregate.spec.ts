import { affectsRating, distributionFromCounts, distributionOf, driftOf, emptyDistribution, RatedState, RatingDistribution, sameDistribution, summarize } from './rating-aggregate';

const dist = (one: number, two: number, three: number, four: number, five: number): RatingDistribution => ({ '1': one, '2': two, '3': three, '4': four, '5': five });

describe(summarize.name, () => {
  it.each<[string, RatingDistribution, number, number]>([
    ['no ratings', emptyDistribution(), 0, 0],
    ['one 5', dist(0, 0, 0, 0, 1), 5, 1],
    ['a 5 and a 4', dist(0, 0, 0, 1, 1), 4.5, 2],
    ['5, 4, 4 (4.333… rounds to 4.33)', dist(0, 0, 0, 2, 1), 4.33, 3],
    ['1, 2, 2 (1.666… rounds to 1.67)', dist(1, 2, 0, 0, 0), 1.67, 3],
    ['every star once', dist(1, 1, 1, 1, 1), 3, 5],
  ])('gives average and count for %s', (_case, distribution, average, count) => {
    expect(summarize(distribution)).toEqual({ average, count, distribution });
  });

  it('does not share the distribution object it was given', () => {
    const distribution = dist(0, 0, 0, 0, 1);
    const sut = summarize(distribution);
    distribution['5'] = 9;
    expect(sut.distribution['5']).toBe(1);
  });
});

describe(distributionOf.name, () => {
  it('counts each star rating', () => {
    expect(distributionOf([5, 5, 1, 3])).toEqual(dist(1, 0, 1, 0, 2));
  });

  it.each([0, 6, 2.5, Number.NaN])('refuses %p as a rating', (rating) => {
    expect(() => distributionOf([rating])).toThrow(RangeError);
  });
});

describe(distributionFromCounts.name, () => {
  it('places each count under its rating and leaves the others at 0', () => {
    expect(
      distributionFromCounts([
        { rating: 5, count: 3 },
        { rating: 2, count: 1 },
      ]),
    ).toEqual(dist(0, 1, 0, 0, 3));
  });

  it('refuses a rating outside 1..5', () => {
    expect(() => distributionFromCounts([{ rating: 0, count: 1 }])).toThrow(RangeError);
  });
});

describe(driftOf.name, () => {
  it.each<[string, RatingDistribution, RatingDistribution, Partial<RatingDistribution>]>([
    ['equal distributions', dist(1, 0, 0, 0, 2), dist(1, 0, 0, 0, 2), {}],
    ['a stored count too high', dist(0, 0, 0, 0, 100), dist(0, 0, 0, 0, 2), { '5': -98 }],
    ['a missing and an extra star', dist(1, 0, 0, 0, 0), dist(0, 0, 0, 1, 0), { '1': -1, '4': 1 }],
  ])('lists per star what the reviews say minus what is stored for %s', (_case, stored, actual, expected) => {
    expect(driftOf(stored, actual)).toEqual(expected);
    expect(sameDistribution(stored, actual)).toBe(Object.keys(expected).length === 0);
  });
});

describe(affectsRating.name, () => {
  const shown = (rating: number) => ({ visible: true, rating });
  const unseen = (rating: number) => ({ visible: false, rating });
  it.each<[string, RatedState | null, RatedState | null, boolean]>([
    ['a new published review', null, shown(4), true],
    ['a new held review', null, unseen(4), false],
    ['a published review edited to other stars', shown(4), shown(2), true],
    ['a published review edited in text only', shown(4), shown(4), false],
    ['a held review edited to other stars', unseen(4), unseen(2), false],
    ['a published review hidden', shown(4), unseen(4), true],
    ['a hidden review restored', unseen(4), shown(4), true],
    ['a published review deleted', shown(4), null, true],
    ['a held review deleted', unseen(4), null, false],
  ])('says %s: %s', (_case, before, after, expected) => {
    expect(affectsRating(before, after)).toBe(expected);
  });
});
