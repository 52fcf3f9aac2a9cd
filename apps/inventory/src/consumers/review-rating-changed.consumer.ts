import { Injectable } from '@nestjs/common';
import { EventEnvelope, reviewRatingChangedV1, ReviewRatingChangedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { RatingsService } from '../services/ratings.service';

/** review.rating_changed → the product's rating for reads and sort=rating (newest aggregate wins). */
@Injectable()
@ConsumesEvent()
export class ReviewRatingChangedConsumer implements EventHandler<ReviewRatingChangedV1> {
  readonly contract = reviewRatingChangedV1;

  constructor(private readonly ratings: RatingsService) {}

  async handle(payload: ReviewRatingChangedV1, envelope: EventEnvelope<ReviewRatingChangedV1>, tx: SqlExecutor): Promise<void> {
    await this.ratings.apply(tx, { productId: payload.productId, average: payload.average, count: payload.count, occurredAt: new Date(envelope.occurredAt) });
  }
}
