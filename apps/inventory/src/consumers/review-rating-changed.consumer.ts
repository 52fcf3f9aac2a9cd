import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { reviewRatingChangedV1, ReviewRatingChangedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { RatingsService } from '../services/ratings.service';

/** review.rating_changed → the product's rating for reads and sort=rating (newest aggregate wins). */
@Controller()
export class ReviewRatingChangedConsumer {
  constructor(private readonly ratings: RatingsService) {}

  @HandlesEvent(reviewRatingChangedV1)
  async handle(@Payload() payload: ReviewRatingChangedV1, @Ctx() { tx, envelope }: EventContext<ReviewRatingChangedV1>): Promise<void> {
    await this.ratings.apply(tx, { productId: payload.productId, average: payload.average, count: payload.count, occurredAt: new Date(envelope.occurredAt) });
  }
}
