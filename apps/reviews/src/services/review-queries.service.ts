import { Injectable } from '@nestjs/common';
import { emptyDistribution, RatingSummary, summarize } from '../domain/rating-aggregate';
import { decodeReviewCursor, encodeReviewCursor, rankOf, ReviewSort } from '../domain/review-listing';
import { ReviewRecord } from '../repositories/reviews.repository';
import { ReviewsStore } from '../repositories/reviews-store';
import { Page } from './page';

/** What anyone may read: a product's published reviews and its rating. */
@Injectable()
export class ReviewQueries {
  constructor(private readonly store: ReviewsStore) {}

  async listPublished(productId: string, query: { sort: ReviewSort; limit: number; cursor?: string }): Promise<Page<ReviewRecord>> {
    const after = query.cursor === undefined ? undefined : decodeReviewCursor(query.cursor, query.sort);
    const rows = await this.store.read.reviews.listPublished(productId, query.sort, after, query.limit + 1);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeReviewCursor({ sort: query.sort, rank: rankOf(query.sort, last), createdAt: last.createdAt, id: last.id }) : null,
    };
  }

  /** The stored aggregate; a product nobody reviewed reads as zeros. */
  async rating(productId: string): Promise<RatingSummary> {
    return summarize((await this.store.read.aggregates.find(productId)) ?? emptyDistribution());
  }
}
