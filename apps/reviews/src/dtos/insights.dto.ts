import { ApiProperty } from '@nestjs/swagger';
import { ReviewInsights } from '../domain/review-insights';
import { SentimentResponse } from './review.dto';

export class SentimentCountsResponse {
  @ApiProperty() positive: number;
  @ApiProperty() negative: number;
  @ApiProperty() neutral: number;
}

export class PhraseCountResponse {
  @ApiProperty({ example: 'crispy crust', description: 'Lower-cased key phrase' }) phrase: string;
  @ApiProperty({ example: 12, description: 'Reviews that mention it (once per review)' }) count: number;
}

export class WeeklyInsightResponse {
  @ApiProperty({ example: '2025-W10', description: 'ISO 8601 week (UTC)' }) week: string;
  @ApiProperty({ example: '2025-03-03', description: 'The Monday it starts on' }) weekStart: string;
  @ApiProperty() reviewCount: number;
  @ApiProperty({ example: 4.25, description: 'Mean rating, two decimals' }) averageRating: number;
  @ApiProperty({ example: 0.41, minimum: -1, maximum: 1, description: 'Mean sentiment score (polarity), two decimals' }) averageSentiment: number;
  @ApiProperty({ type: SentimentCountsResponse }) sentiment: SentimentCountsResponse;
}

export class DisagreementResponse {
  @ApiProperty({ format: 'uuid' }) reviewId: string;
  @ApiProperty({
    enum: ['high_rating_negative_text', 'low_rating_positive_text'],
    description: 'high_rating_negative_text: 4–5 stars reading negative; low_rating_positive_text: 1–2 stars reading positive',
  })
  kind: 'high_rating_negative_text' | 'low_rating_positive_text';
  @ApiProperty() rating: number;
  @ApiProperty({ type: SentimentResponse }) sentiment: SentimentResponse;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ description: 'The body, cut to 200 characters' }) excerpt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ReviewInsightsResponse {
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ description: 'Published reviews the report covers' }) reviewCount: number;
  @ApiProperty({ example: 4.2 }) averageRating: number;
  @ApiProperty({ example: 0.35, minimum: -1, maximum: 1 }) averageSentiment: number;
  @ApiProperty({ type: SentimentCountsResponse, description: 'Reviews per sentiment label' }) sentiment: SentimentCountsResponse;
  @ApiProperty({ type: [PhraseCountResponse], description: 'Top 10 key phrases of positive reviews, most mentioned first (ties alphabetical)' })
  topPositivePhrases: PhraseCountResponse[];
  @ApiProperty({ type: [PhraseCountResponse], description: 'Top 10 key phrases of negative reviews' }) topNegativePhrases: PhraseCountResponse[];
  @ApiProperty({ type: [WeeklyInsightResponse], description: 'Weeks with reviews, oldest first' }) weekly: WeeklyInsightResponse[];
  @ApiProperty({ type: [DisagreementResponse], description: 'Reviews whose rating and sentiment disagree, newest first (at most 50)' })
  disagreements: DisagreementResponse[];
}

export function mapInsights(productId: string, insights: ReviewInsights): ReviewInsightsResponse {
  return {
    productId,
    reviewCount: insights.reviewCount,
    averageRating: insights.averageRating,
    averageSentiment: insights.averageSentiment,
    sentiment: { ...insights.sentiment },
    topPositivePhrases: insights.topPositivePhrases.map((p) => ({ ...p })),
    topNegativePhrases: insights.topNegativePhrases.map((p) => ({ ...p })),
    weekly: insights.weekly.map((w) => ({ ...w, sentiment: { ...w.sentiment } })),
    disagreements: insights.disagreements.map((d) => ({ ...d, sentiment: { ...d.sentiment }, createdAt: d.createdAt.toISOString() })),
  };
}
