import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

/** How many visible reviews gave each star rating. */
export class ReviewRatingDistributionV1 {
  @IsInt()
  @Min(0)
  '1'!: number;

  @IsInt()
  @Min(0)
  '2'!: number;

  @IsInt()
  @Min(0)
  '3'!: number;

  @IsInt()
  @Min(0)
  '4'!: number;

  @IsInt()
  @Min(0)
  '5'!: number;
}

export class ReviewRatingChangedV1 {
  @IsUUID()
  productId!: string;

  /** Mean of the visible reviews' ratings, 0 when there are none. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(5)
  average!: number;

  @IsInt()
  @Min(0)
  count!: number;

  @ValidateNested()
  @Type(() => ReviewRatingDistributionV1)
  distribution!: ReviewRatingDistributionV1;
}

export const reviewRatingChangedV1 = defineEvent({
  type: 'review.rating_changed',
  version: 1,
  topic: TOPICS.reviews,
  producer: 'reviews',
  consumers: ['inventory'],
  description:
    "A product's rating aggregate changed (a review was added or hidden); carries the new aggregate, keyed by " +
    'product. Inventory keeps it on the product for reads and for sorting by rating.',
  payload: ReviewRatingChangedV1,
});
