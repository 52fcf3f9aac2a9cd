import { Injectable } from '@nestjs/common';
import { buildInsights, ReviewInsights } from '../domain/review-insights';
import { ReviewsStore } from '../repositories/reviews-store';

/** The insights report of a product, over its published reviews (what customers see). */
@Injectable()
export class ReviewInsightsService {
  constructor(private readonly store: ReviewsStore) {}

  async insights(productId: string): Promise<ReviewInsights> {
    return buildInsights(await this.store.read.reviews.publishedOf(productId));
  }
}
