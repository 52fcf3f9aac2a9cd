import { HttpStatus } from '@nestjs/common';
import { eventOutcomeOf } from '@galley/errors';
import { ReviewsErrorCode, ReviewsError, reviewsErrorTransports } from './reviews-error';

describe(`${ReviewsError.name} by transport`, () => {
  const sut = reviewsErrorTransports;

  it.each<[ReviewsErrorCode, HttpStatus]>([
    [ReviewsErrorCode.InvalidInput, HttpStatus.BAD_REQUEST],
    [ReviewsErrorCode.InvalidCursor, HttpStatus.BAD_REQUEST],
    [ReviewsErrorCode.NotVerifiedPurchaser, HttpStatus.FORBIDDEN],
    [ReviewsErrorCode.OwnReviewVote, HttpStatus.FORBIDDEN],
    [ReviewsErrorCode.ReviewNotFound, HttpStatus.NOT_FOUND],
    [ReviewsErrorCode.AlreadyReviewed, HttpStatus.CONFLICT],
  ])('maps %s to %i', (code, status) => {
    expect(sut.httpStatus(code)).toBe(status);
  });

  it('maps every code to an HTTP status', () => {
    for (const code of Object.values(ReviewsErrorCode)) expect(() => sut.httpStatus(code)).not.toThrow();
  });

  const RETRIED: readonly ReviewsErrorCode[] = [];

  it.each(Object.values(ReviewsErrorCode))('decides for %s whether an event handler retries or dead-letters', (code) => {
    expect(sut.event(code)).toBe(RETRIED.includes(code) ? 'retry' : 'dead-letter');
  });

  it('is what a consumer reads from a thrown ReviewsError', () => {
    const error = new ReviewsError(ReviewsErrorCode.ReviewNotFound, 'refused');
    expect(error).toMatchObject({ name: 'ReviewsError', code: ReviewsErrorCode.ReviewNotFound, message: 'refused' });
    expect(eventOutcomeOf(error)).toBe(sut.event(ReviewsErrorCode.ReviewNotFound));
    expect(Object.keys(error)).not.toContain('transports');
  });
});
