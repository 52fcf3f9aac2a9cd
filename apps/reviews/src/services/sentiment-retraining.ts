import { ReviewsStore } from '../repositories/reviews-store';
import { trainWithStoreReviews } from '../text-analysis';
import { analysedTextOf } from './review-analysis';

export interface RetrainReport {
  modelId: string;
  reviewCount: number;
}

/**
 * Trains a sentiment model on the store's published reviews (their stars as the labels) and
 * stores it; running services switch to it at their next check. Held and hidden reviews are left
 * out: they are exactly the texts a moderator did not stand behind.
 */
export async function retrainSentimentModel(store: ReviewsStore, now: Date = new Date()): Promise<RetrainReport> {
  const reviews = await store.read.reviews.publishedForTraining();
  const model = trainWithStoreReviews(
    reviews.map((review) => ({ rating: review.rating, text: analysedTextOf(review) })),
    { trainedAt: now.toISOString() },
  );
  const modelId = await store.transaction((tx) => tx.models.insert(model, reviews.length));
  return { modelId, reviewCount: reviews.length };
}
