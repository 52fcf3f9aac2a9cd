import { ReviewsError, ReviewsErrorCode } from './reviews-error';

/** The orders a product's reviews can be listed in. */
export const REVIEW_SORTS = ['newest', 'highest', 'lowest', 'helpful'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/**
 * Every sort is "rank descending, then newest, then id descending", with a numeric rank per
 * sort: 0 for newest, the rating for highest, minus the rating for lowest (lowest first, newest
 * first among equals), the helpful votes for helpful. One keyset comparison serves them all.
 */
export function rankOf(sort: ReviewSort, review: { rating: number; helpfulCount: number }): number {
  switch (sort) {
    case 'newest':
      return 0;
    case 'highest':
      return review.rating;
    case 'lowest':
      return -review.rating;
    case 'helpful':
      return review.helpfulCount;
    default:
      return unknownSort(sort);
  }
}

function unknownSort(sort: never): never {
  throw new Error(`unknown review sort ${String(sort)}`);
}

/** Where a keyset page ends: the last row's rank, creation time and id, for the sort it was made in. */
export interface ReviewPosition {
  sort: ReviewSort;
  rank: number;
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeReviewCursor(position: ReviewPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.rank, position.createdAt.toISOString(), position.id])).toString('base64url');
}

/**
 * The position a client's cursor names, for the sort of this request; a cursor the service did
 * not make, or made for another sort, is a ReviewsError naming `cursor`.
 */
export function decodeReviewCursor(cursor: string, sort: ReviewSort): ReviewPosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 4) {
    const [cursorSort, rank, at, id] = value as unknown[];
    const createdAt = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(at) ? new Date(at) : undefined;
    if (
      cursorSort === sort &&
      typeof rank === 'number' &&
      Number.isSafeInteger(rank) &&
      createdAt &&
      !Number.isNaN(createdAt.getTime()) &&
      typeof id === 'string' &&
      UUID.test(id)
    ) {
      return { sort, rank, createdAt, id };
    }
  }
  throw new ReviewsError(ReviewsErrorCode.InvalidCursor, 'cursor is not a cursor this list returned for this sort');
}
