import { HttpStatus } from '@nestjs/common';
import { ReviewsErrorCode } from '../domain/reviews-error';
import { httpStatusOf } from './reviews-error.filter';

describe(httpStatusOf.name, () => {
  it.each<[ReviewsErrorCode, HttpStatus]>([
    [ReviewsErrorCode.InvalidInput, HttpStatus.BAD_REQUEST],
    [ReviewsErrorCode.InvalidCursor, HttpStatus.BAD_REQUEST],
    [ReviewsErrorCode.NotVerifiedPurchaser, HttpStatus.FORBIDDEN],
    [ReviewsErrorCode.OwnReviewVote, HttpStatus.FORBIDDEN],
    [ReviewsErrorCode.ReviewNotFound, HttpStatus.NOT_FOUND],
    [ReviewsErrorCode.AlreadyReviewed, HttpStatus.CONFLICT],
  ])('maps %s to %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });

  it('maps every code', () => {
    for (const code of Object.values(ReviewsErrorCode)) expect(() => httpStatusOf(code)).not.toThrow();
  });
});
