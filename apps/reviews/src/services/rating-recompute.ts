import { RatingDistribution, RatingSummary } from '../domain/rating-aggregate';
import { ReviewsStore } from '../repositories/reviews-store';
import { RatingLedger } from './rating-ledger';

export interface RecomputeReport {
  checked: number;
  fixed: { productId: string; drift: Partial<RatingDistribution>; summary: RatingSummary }[];
}

/**
 * Rebuilds every product's aggregate from its reviews, one product per transaction (each under
 * the same row lock review writes take, so it can run beside a live service). A product whose
 * aggregate had drifted is fixed and announced with `review.rating_changed` through the outbox.
 */
export async function recomputeAllRatings(store: ReviewsStore, ledger: RatingLedger): Promise<RecomputeReport> {
  const productIds = await store.read.aggregates.productIds();
  const fixed: RecomputeReport['fixed'] = [];
  for (const productId of productIds) {
    const { drift, summary } = await store.transaction((tx) => ledger.refresh(tx, productId));
    if (Object.keys(drift).length > 0) fixed.push({ productId, drift, summary });
  }
  return { checked: productIds.length, fixed };
}
