import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { AllExceptionsFilter } from '@galley/platform';
import { ReviewsError, ReviewsErrorCode } from '../domain/reviews-error';

/** The HTTP status of each reviews error: one exhaustive switch, so a new code cannot go unmapped. */
export function httpStatusOf(code: ReviewsErrorCode): HttpStatus {
  switch (code) {
    case ReviewsErrorCode.InvalidInput:
    case ReviewsErrorCode.InvalidCursor:
      return HttpStatus.BAD_REQUEST;
    case ReviewsErrorCode.NotVerifiedPurchaser:
    case ReviewsErrorCode.OwnReviewVote:
      return HttpStatus.FORBIDDEN;
    case ReviewsErrorCode.ReviewNotFound:
      return HttpStatus.NOT_FOUND;
    case ReviewsErrorCode.AlreadyReviewed:
      return HttpStatus.CONFLICT;
    default:
      return unmapped(code);
  }
}

function unmapped(code: never): never {
  throw new Error(`ReviewsErrorCode ${String(code)} has no HTTP status`);
}

/** Answers a ReviewsError in the platform's JSON error shape. */
@Catch(ReviewsError)
export class ReviewsErrorFilter implements ExceptionFilter {
  private readonly shape = new AllExceptionsFilter();

  catch(error: ReviewsError, host: ArgumentsHost): void {
    this.shape.catch(new HttpException(error.message, httpStatusOf(error.code)), host);
  }
}
