import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { reviewCreatedV1 } from '@galley/contracts';
import { OutboxWriter } from '@galley/messaging';
import { isVisible, statusAfterWrite } from '../domain/moderation';
import { affectsRating } from '../domain/rating-aggregate';
import { ReviewsError, ReviewsErrorCode } from '../domain/reviews-error';
import { ReviewRecord } from '../repositories/reviews.repository';
import { ReviewsStore } from '../repositories/reviews-store';
import { analysedTextOf, analysisFields } from './review-analysis';
import { RatingLedger } from './rating-ledger';
import { SentimentAnalyzer } from './sentiment-analyzer.service';

export interface NewReview {
  rating: number;
  title: string | null;
  body: string;
}

/** `title: null` removes the title; a field left out keeps its value. */
export type ReviewChanges = Partial<NewReview>;

/**
 * What a customer does with their own reviews: write one per purchased product, edit, delete,
 * and vote for others' reviews. Each write is moderated and analysed, and a change that moves
 * the product's rating updates the aggregate in the same transaction.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly store: ReviewsStore,
    private readonly ledger: RatingLedger,
    private readonly analyzer: SentimentAnalyzer,
    private readonly outbox: OutboxWriter,
  ) {}

  async create(customerId: string, productId: string, input: NewReview): Promise<ReviewRecord> {
    const moderation = statusAfterWrite(undefined, input);
    const analysis = analysisFields(this.analyzer.analyze(analysedTextOf(input)));
    return this.store.transaction(async (tx) => {
      if (!(await tx.purchases.exists(customerId, productId))) {
        throw new ReviewsError(ReviewsErrorCode.NotVerifiedPurchaser, 'Only a customer with a completed order of this product may review it');
      }
      const review = await tx.reviews.insert({
        id: randomUUID(),
        productId,
        customerId,
        rating: input.rating,
        title: input.title,
        body: input.body,
        status: moderation.status,
        moderationReason: moderation.reason,
        ...analysis,
      });
      if (!review) throw new ReviewsError(ReviewsErrorCode.AlreadyReviewed, 'You have already reviewed this product; edit that review instead');
      await this.outbox.append(tx.sql, reviewCreatedV1, {
        aggregateId: productId,
        payload: { reviewId: review.id, productId, customerId, rating: review.rating, ...(review.title ? { title: review.title } : {}), body: review.body },
      });
      if (isVisible(review.status)) await this.ledger.refresh(tx, productId);
      return review;
    });
  }

  /** Edits the caller's own review (someone else's is not found); new text is moderated and analysed again. */
  async update(customerId: string, reviewId: string, changes: ReviewChanges): Promise<ReviewRecord> {
    if (changes.rating === undefined && changes.title === undefined && changes.body === undefined) {
      throw new ReviewsError(ReviewsErrorCode.InvalidInput, 'Give at least one of rating, title, body');
    }
    return this.store.transaction(async (tx) => {
      const current = await tx.reviews.lock(reviewId);
      if (!current || current.customerId !== customerId) throw reviewNotFound();
      const next = {
        rating: changes.rating ?? current.rating,
        title: changes.title === undefined ? current.title : changes.title,
        body: changes.body ?? current.body,
      };
      const moderation = statusAfterWrite({ status: current.status, reason: current.moderationReason }, next);
      const textChanged = next.title !== current.title || next.body !== current.body;
      const analysis = textChanged
        ? analysisFields(this.analyzer.analyze(analysedTextOf(next)))
        : { sentimentLabel: current.sentimentLabel, sentimentScore: current.sentimentScore, keyPhrases: current.keyPhrases, language: current.language };
      const updated = await tx.reviews.update(reviewId, { ...next, status: moderation.status, moderationReason: moderation.reason, ...analysis });
      if (affectsRating(ratedState(current), ratedState(updated))) await this.ledger.refresh(tx, current.productId);
      return updated;
    });
  }

  /** Deletes the caller's own review (someone else's is not found); the customer may then review the product again. */
  async remove(customerId: string, reviewId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await tx.reviews.lock(reviewId);
      if (!current || current.customerId !== customerId) throw reviewNotFound();
      await tx.reviews.delete(reviewId);
      if (affectsRating(ratedState(current), null)) await this.ledger.refresh(tx, current.productId);
    });
  }

  /** One helpful vote per customer and published review; voting again changes nothing. */
  async markHelpful(customerId: string, reviewId: string): Promise<{ reviewId: string; helpfulCount: number }> {
    return this.store.transaction(async (tx) => {
      const review = await tx.reviews.lockAgainstRemoval(reviewId);
      if (!review || !isVisible(review.status)) throw reviewNotFound();
      if (review.customerId === customerId) throw new ReviewsError(ReviewsErrorCode.OwnReviewVote, 'You cannot mark your own review as helpful');
      const helpfulCount = (await tx.votes.add(reviewId, customerId)) ? await tx.reviews.incrementHelpful(reviewId) : review.helpfulCount;
      return { reviewId, helpfulCount };
    });
  }
}

function ratedState(review: ReviewRecord): { visible: boolean; rating: number } {
  return { visible: isVisible(review.status), rating: review.rating };
}

function reviewNotFound(): ReviewsError {
  return new ReviewsError(ReviewsErrorCode.ReviewNotFound, 'No such review');
}
