import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class ReviewCreatedV1 {
  @IsUUID()
  reviewId!: string;

  @IsUUID()
  productId!: string;

  @IsUUID()
  customerId!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  body!: string;
}

export const reviewCreatedV1 = defineEvent({
  type: 'review.created',
  version: 1,
  topic: TOPICS.reviews,
  producer: 'reviews',
  consumers: [],
  description: 'A verified purchaser reviewed a product. A fact for moderation and analytics; the rating shown in the catalog ' + 'travels in `review.rating_changed`.',
  payload: ReviewCreatedV1,
});
