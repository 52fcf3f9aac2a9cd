import { domainErrorFilter } from '@galley/platform';
import { ReviewsError } from '../domain/reviews-error';

/** Answers a ReviewsError in the platform's JSON error shape. */
export const ReviewsErrorFilter = domainErrorFilter(ReviewsError);
