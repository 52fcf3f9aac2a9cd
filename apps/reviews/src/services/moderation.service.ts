import { Injectable } from '@nestjs/common';
import { isVisible, ModerationAction, ReviewStatus, statusAfterModeration } from '../domain/moderation';
import { affectsRating } from '../domain/rating-aggregate';
import { decodeReviewCursor, encodeReviewCursor } from '../domain/review-listing';
import { ReviewsError, ReviewsErrorCode } from '../domain/reviews-error';
import { ReviewRecord } from '../repositories/reviews.repository';
import { ReviewsStore } from '../repositories/reviews-store';
import { Page } from './page';
import { RatingLedger } from './rating-ledger';

/** What staff do with reviews: list them by status, read one with its analysis, hide and restore. */
@Injectable()
export class ModerationService {
  constructor(
    private readonly store: ReviewsStore,
    private readonly ledger: RatingLedger,
  ) {}

  async list(query: { status?: ReviewStatus; productId?: string; limit: number; cursor?: string }): Promise<Page<ReviewRecord>> {
    const after = query.cursor === undefined ? undefined : decodeReviewCursor(query.cursor, 'newest');
    const rows = await this.store.read.reviews.listForModeration({ status: query.status, productId: query.productId }, after, query.limit + 1);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeReviewCursor({ sort: 'newest', rank: 0, createdAt: last.createdAt, id: last.id }) : null,
    };
  }

  async get(reviewId: string): Promise<ReviewRecord> {
    return (await this.store.read.reviews.find(reviewId)) ?? reviewNotFound();
  }

  /**
   * Hides or restores a review (restoring a held one publishes it). Doing it twice changes
   * nothing; when the review's visibility changes, the product's rating follows in the same
   * transaction.
   */
  moderate(reviewId: string, action: ModerationAction): Promise<ReviewRecord> {
    return this.store.transaction(async (tx) => {
      const current = (await tx.reviews.lock(reviewId)) ?? reviewNotFound();
      const outcome = statusAfterModeration(action);
      if (current.status === outcome.status) return current;
      const updated = await tx.reviews.setStatus(reviewId, outcome.status, outcome.reason);
      const before = { visible: isVisible(current.status), rating: current.rating };
      const after = { visible: isVisible(updated.status), rating: updated.rating };
      if (affectsRating(before, after)) await this.ledger.refresh(tx, current.productId);
      return updated;
    });
  }
}

function reviewNotFound(): never {
  throw new ReviewsError(ReviewsErrorCode.ReviewNotFound, 'No such review');
}
