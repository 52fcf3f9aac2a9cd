import { DomainError, ErrorTransports, HttpStatusCode, unmappedCode } from '@galley/errors';

/** Everything a reviews use case can refuse, independent of the transport that reports it. */
export enum ReviewsErrorCode {
  InvalidInput = 'INVALID_INPUT',
  InvalidCursor = 'INVALID_CURSOR',
  NotVerifiedPurchaser = 'NOT_VERIFIED_PURCHASER',
  OwnReviewVote = 'OWN_REVIEW_VOTE',
  ReviewNotFound = 'REVIEW_NOT_FOUND',
  AlreadyReviewed = 'ALREADY_REVIEWED',
}

/** Each code by transport: one exhaustive switch each. */
export const reviewsErrorTransports: ErrorTransports<ReviewsErrorCode> = {
  httpStatus(code) {
    switch (code) {
      case ReviewsErrorCode.InvalidInput:
      case ReviewsErrorCode.InvalidCursor:
        return HttpStatusCode.BadRequest;
      case ReviewsErrorCode.NotVerifiedPurchaser:
      case ReviewsErrorCode.OwnReviewVote:
        return HttpStatusCode.Forbidden;
      case ReviewsErrorCode.ReviewNotFound:
        return HttpStatusCode.NotFound;
      case ReviewsErrorCode.AlreadyReviewed:
        return HttpStatusCode.Conflict;
      default:
        return unmappedCode(code, 'HTTP');
    }
  },
  event(code) {
    switch (code) {
      // Each is a rule or a missing row: the same event gets the same answer on every attempt.
      case ReviewsErrorCode.InvalidInput:
      case ReviewsErrorCode.InvalidCursor:
      case ReviewsErrorCode.NotVerifiedPurchaser:
      case ReviewsErrorCode.OwnReviewVote:
      case ReviewsErrorCode.ReviewNotFound:
      case ReviewsErrorCode.AlreadyReviewed:
        return 'dead-letter';
      default:
        return unmappedCode(code, 'event');
    }
  },
};

export class ReviewsError extends DomainError<ReviewsErrorCode> {
  constructor(code: ReviewsErrorCode, message: string) {
    super(code, message);
  }

  get transports(): ErrorTransports<ReviewsErrorCode> {
    return reviewsErrorTransports;
  }
}
