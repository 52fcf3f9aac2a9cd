import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Int, PageQuery, PatchType, Text, Uuid } from '@galley/platform';
import { REVIEW_STATUSES, ReviewStatus } from '../domain/moderation';
import { REVIEW_SORTS, ReviewSort } from '../domain/review-listing';
import { ReviewRecord } from '../repositories/reviews.repository';

export const BODY_MAX = 5000;
export const TITLE_MAX = 200;

/** A title is trimmed; a blank one is no title (null). */
const TitleText = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

export class CreateReviewRequest {
  @Int({ min: 1, max: 5, example: 5 }) rating: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TITLE_MAX, example: 'Best margherita in town', description: 'Trimmed; blank means no title' })
  @IsOptional()
  @TitleText()
  @IsString()
  @MaxLength(TITLE_MAX)
  title?: string | null;

  @Text({ min: 1, max: BODY_MAX, example: 'Crisp base, fresh basil, and it arrived hot.', description: 'Trimmed; 1–5000 characters' }) body: string;
}

/** Any subset of the fields (at least one); `title: null` or a blank title removes the title. */
export class UpdateReviewRequest extends PatchType(CreateReviewRequest) {}

export class ReviewListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REVIEW_SORTS, default: 'newest', description: 'newest first; highest or lowest rating first (newest first among equals); most helpful first' })
  @IsOptional()
  @IsIn(REVIEW_SORTS, { message: `sort must be one of ${REVIEW_SORTS.join(', ')}` })
  sort?: ReviewSort;
}

export class AdminReviewListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES, description: 'Only reviews with this status (all when left out)' })
  @IsOptional()
  @IsIn(REVIEW_STATUSES, { message: `status must be one of ${REVIEW_STATUSES.join(', ')}` })
  status?: ReviewStatus;

  @Uuid({ optional: true, description: 'Only reviews of this product' }) productId?: string;
}

export class ReviewResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ format: 'uuid', description: 'The author' }) customerId: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty() body: string;
  @ApiProperty({ enum: REVIEW_STATUSES, description: 'published: listed and counted; held: waiting for a moderator (abusive language); hidden: removed by a moderator' })
  status: ReviewStatus;
  @ApiProperty({ description: 'Customers who marked it helpful' }) helpfulCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** A review as anyone may read it: without its author's account id (which would link reviews to accounts). */
export class PublicReviewResponse extends OmitType(ReviewResponse, ['customerId'] as const) {}

export class ReviewListResponse {
  @ApiProperty({ type: [PublicReviewResponse] }) items: PublicReviewResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Opaque; pass as cursor with the same sort for the next page' }) nextCursor: string | null;
}

export class SentimentResponse {
  @ApiProperty({ enum: ['positive', 'negative', 'neutral'] }) label: 'positive' | 'negative' | 'neutral';
  @ApiProperty({ minimum: -1, maximum: 1, description: 'Polarity: P(positive) - P(negative)' }) score: number;
}

export class TextAnalysisResponse {
  @ApiProperty({ type: SentimentResponse }) sentiment: SentimentResponse;
  @ApiProperty({ type: [String], example: ['crispy crust', 'fresh basil'] }) keyPhrases: string[];
  @ApiProperty({ example: 'en', description: 'ISO 639-1 code, or "und" when undetermined' }) language: string;
}

export class AdminReviewResponse extends ReviewResponse {
  @ApiProperty({ type: String, nullable: true, description: 'Why it is held or hidden' }) moderationReason: string | null;
  @ApiProperty({ type: TextAnalysisResponse, description: 'Analysis of the title and body when last written' }) analysis: TextAnalysisResponse;
}

export class AdminReviewListResponse {
  @ApiProperty({ type: [AdminReviewResponse] }) items: AdminReviewResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class HelpfulVoteResponse {
  @ApiProperty({ format: 'uuid' }) reviewId: string;
  @ApiProperty() helpfulCount: number;
}

export function mapReview(review: ReviewRecord): ReviewResponse {
  return {
    id: review.id,
    productId: review.productId,
    customerId: review.customerId,
    rating: review.rating,
    title: review.title,
    body: review.body,
    status: review.status,
    helpfulCount: review.helpfulCount,
    createdAt: review.createdAt.toISOString(),
    updatedAt: review.updatedAt.toISOString(),
  };
}

export function mapAdminReview(review: ReviewRecord): AdminReviewResponse {
  return {
    ...mapReview(review),
    moderationReason: review.moderationReason,
    analysis: { sentiment: { label: review.sentimentLabel, score: review.sentimentScore }, keyPhrases: review.keyPhrases, language: review.language },
  };
}

export function mapPublicReview(review: ReviewRecord): PublicReviewResponse {
  const { customerId: _author, ...visible } = mapReview(review);
  return visible;
}
