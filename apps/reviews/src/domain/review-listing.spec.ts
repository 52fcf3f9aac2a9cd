import { randomUUID } from 'node:crypto';
import { decodeReviewCursor, encodeReviewCursor, rankOf, ReviewSort } from './review-listing';
import { ReviewsError } from './reviews-error';

describe(rankOf.name, () => {
  it.each<[ReviewSort, number]>([
    ['newest', 0],
    ['highest', 4],
    ['lowest', -4],
    ['helpful', 7],
  ])('ranks a 4-star review with 7 helpful votes for %s as %i', (sort, rank) => {
    expect(rankOf(sort, { rating: 4, helpfulCount: 7 })).toBe(rank);
  });
});

describe(decodeReviewCursor.name, () => {
  const position = { sort: 'lowest' as const, rank: -2, createdAt: new Date('2025-03-04T05:06:07.089Z'), id: randomUUID() };

  it('reads back the position it encoded', () => {
    expect(decodeReviewCursor(encodeReviewCursor(position), 'lowest')).toEqual(position);
  });

  it('refuses a cursor made for another sort', () => {
    expect(() => decodeReviewCursor(encodeReviewCursor(position), 'highest')).toThrow(ReviewsError);
  });

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each<[string, string]>([
    ['not base64 JSON', 'nonsense'],
    ['a wrong shape', encode({ sort: 'lowest' })],
    ['a fractional rank', encode(['lowest', 1.5, position.createdAt.toISOString(), position.id])],
    ['a bad date', encode(['lowest', -2, 'yesterday', position.id])],
    ['an id that is not a UUID', encode(['lowest', -2, position.createdAt.toISOString(), "x' OR 1=1"])],
  ])('refuses %s', (_case, cursor) => {
    expect(() => decodeReviewCursor(cursor, 'lowest')).toThrow(/cursor/);
  });
});
