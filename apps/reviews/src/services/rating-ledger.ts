import { Injectable } from '@nestjs/common';
import { reviewRatingChangedV1 } from '@galley/contracts';
import { OutboxWriter } from '@galley/messaging';
import { distributionFromCounts, driftOf, RatingDistribution, RatingSummary, sameDistribution, summarize } from '../domain/rating-aggregate';
import { ReviewsTransaction } from '../repositories/reviews-store';

export interface RatingRefresh {
  summary: RatingSummary;
  /** Per star, what the reviews say minus what was stored; empty when nothing changed. */
  drift: Partial<RatingDistribution>;
}

/**
 * Keeps a product's rating aggregate equal to its published reviews. Inside the caller's
 * transaction it locks the aggregate row, recomputes the distribution from the review rows
 * (which then include every committed write before it, and the caller's own), stores it and,
 * when it changed, appends `review.rating_changed` to the outbox in the same transaction.
 */
@Injectable()
export class RatingLedger {
  constructor(private readonly outbox: OutboxWriter) {}

  async refresh(tx: ReviewsTransaction, productId: string): Promise<RatingRefresh> {
    const stored = await tx.aggregates.lock(productId);
    const actual = distributionFromCounts(await tx.reviews.publishedRatingCounts(productId));
    const summary = summarize(actual);
    if (sameDistribution(stored, actual)) return { summary, drift: {} };
    await tx.aggregates.save(productId, actual);
    await this.outbox.append(tx.sql, reviewRatingChangedV1, { aggregateId: productId, payload: { productId, ...summary } });
    return { summary, drift: driftOf(stored, actual) };
  }
}
