import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { mapInsights, ReviewInsightsResponse } from '../dtos/insights.dto';
import { AdminReviewListQuery, AdminReviewListResponse, AdminReviewResponse, mapAdminReview } from '../dtos/review.dto';
import { ModerationService } from '../services/moderation.service';
import { ReviewInsightsService } from '../services/review-insights.service';
import { ReviewsErrorFilter } from './reviews-error.filter';

const DEFAULT_LIMIT = 50;

/** Moderation (staff): reviews by status with their analysis, hide and restore, and per-product insights. */
@ApiTags('reviews-admin')
@Roles('admin')
@UseFilters(ReviewsErrorFilter)
@Controller('api/admin')
export class AdminReviewsController {
  constructor(
    private readonly moderation: ModerationService,
    private readonly insights: ReviewInsightsService,
  ) {}

  @Get('reviews')
  @ApiOperation({ summary: 'Reviews of every status (or one: published, held, hidden), newest first, with their analysis' })
  @ApiOkResponse({ type: AdminReviewListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async list(@Query() query: AdminReviewListQuery): Promise<AdminReviewListResponse> {
    const page = await this.moderation.list({ status: query.status, productId: query.productId, limit: query.limit ?? DEFAULT_LIMIT, cursor: query.cursor });
    return { items: page.items.map(mapAdminReview), nextCursor: page.nextCursor };
  }

  @Get('reviews/:id')
  @ApiOperation({ summary: 'A review of any status, with its analysis and moderation reason' })
  @ApiOkResponse({ type: AdminReviewResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(@Param('id', new ParseUUIDPipe()) reviewId: string): Promise<AdminReviewResponse> {
    return mapAdminReview(await this.moderation.get(reviewId));
  }

  @Post('reviews/:id/hide')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hide a review: it leaves the listing and the rating (hiding again changes nothing)' })
  @ApiOkResponse({ type: AdminReviewResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async hide(@Param('id', new ParseUUIDPipe()) reviewId: string): Promise<AdminReviewResponse> {
    return mapAdminReview(await this.moderation.moderate(reviewId, 'hide'));
  }

  @Post('reviews/:id/restore')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Publish a hidden or held review: it is listed and counted again' })
  @ApiOkResponse({ type: AdminReviewResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async restore(@Param('id', new ParseUUIDPipe()) reviewId: string): Promise<AdminReviewResponse> {
    return mapAdminReview(await this.moderation.moderate(reviewId, 'restore'));
  }

  @Get('products/:id/review-insights')
  @ApiOperation({
    summary: "Insights over a product's published reviews: sentiment mix, top positive/negative phrases, rating and sentiment by ISO week, rating/sentiment disagreements",
  })
  @ApiOkResponse({ type: ReviewInsightsResponse })
  async productInsights(@Param('id', new ParseUUIDPipe()) productId: string): Promise<ReviewInsightsResponse> {
    return mapInsights(productId, await this.insights.insights(productId));
  }
}
