/** Everything a reviews use case can refuse, independent of the transport that reports it. */
export enum ReviewsErrorCode {
  InvalidInput = 'INVALID_INPUT',
  InvalidCursor = 'INVALID_CURSOR',
  NotVerifiedPurchaser = 'NOT_VERIFIED_PURCHASER',
  OwnReviewVote = 'OWN_REVIEW_VOTE',
  ReviewNotFound = 'REVIEW_NOT_FOUND',
  AlreadyReviewed = 'ALREADY_REVIEWED',
}

export class ReviewsError extends Error {
  constructor(
    readonly code: ReviewsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReviewsError';
  }
}
