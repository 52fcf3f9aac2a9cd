import { ApiProperty } from '@nestjs/swagger';
import { RatingSummary } from '../domain/rating-aggregate';

export class RatingDistributionResponse {
  @ApiProperty({ name: '1', example: 0 }) '1': number;
  @ApiProperty({ name: '2', example: 0 }) '2': number;
  @ApiProperty({ name: '3', example: 1 }) '3': number;
  @ApiProperty({ name: '4', example: 2 }) '4': number;
  @ApiProperty({ name: '5', example: 5 }) '5': number;
}

export class RatingResponse {
  @ApiProperty({ example: 4.5, description: 'Mean of the published reviews, two decimals; 0 without reviews' }) average: number;
  @ApiProperty({ example: 8 }) count: number;
  @ApiProperty({ type: RatingDistributionResponse, description: 'Published reviews per star rating' }) distribution: RatingDistributionResponse;
}

export function mapRating(summary: RatingSummary): RatingResponse {
  return { average: summary.average, count: summary.count, distribution: { ...summary.distribution } };
}
