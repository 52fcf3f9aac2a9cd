import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Public, Roles } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { mapRating, RatingResponse } from '../dtos/rating.dto';
import { CreateReviewRequest, mapPublicReview, mapReview, ReviewListQuery, ReviewListResponse, ReviewResponse } from '../dtos/review.dto';
import { ReviewQueries } from '../services/review-queries.service';
import { ReviewsService } from '../services/reviews.service';
import { ReviewsErrorFilter } from './reviews-error.filter';

const DEFAULT_LIMIT = 20;

/** A product's reviews and rating: public reads, written by customers who bought it. */
@ApiTags('reviews')
@UseFilters(ReviewsErrorFilter)
@Controller('api/products/:id')
export class ProductReviewsController {
  constructor(
    private readonly queries: ReviewQueries,
    private readonly reviews: ReviewsService,
  ) {}

  @Get('reviews')
  @Public()
  @ApiOperation({ summary: "A product's published reviews, keyset-paginated, sorted newest (default), highest, lowest or helpful" })
  @ApiOkResponse({ type: ReviewListResponse })
  @ApiBadRequestResponse({ description: 'A bad sort, limit or cursor', type: ErrorResponse })
  async list(@Param('id', new ParseUUIDPipe()) productId: string, @Query() query: ReviewListQuery): Promise<ReviewListResponse> {
    const page = await this.queries.listPublished(productId, { sort: query.sort ?? 'newest', limit: query.limit ?? DEFAULT_LIMIT, cursor: query.cursor });
    return { items: page.items.map(mapPublicReview), nextCursor: page.nextCursor };
  }

  @Get('rating')
  @Public()
  @ApiOperation({ summary: "A product's rating over its published reviews (zeros when it has none)" })
  @ApiOkResponse({ type: RatingResponse })
  @ApiBadRequestResponse({ description: 'The product id is not a UUID', type: ErrorResponse })
  async rating(@Param('id', new ParseUUIDPipe()) productId: string): Promise<RatingResponse> {
    return mapRating(await this.queries.rating(productId));
  }

  @Post('reviews')
  @Roles('customer')
  @ApiOperation({ summary: 'Review a product you bought (once); abusive language holds it for moderation (status "held")' })
  @ApiCreatedResponse({ type: ReviewResponse, description: 'status is "published", or "held" until a moderator restores it' })
  @ApiBadRequestResponse({ description: 'A bad field, named', type: ErrorResponse })
  @ApiForbiddenResponse({ description: 'No completed order of this product', type: ErrorResponse })
  @ApiConflictResponse({ description: 'You already reviewed this product', type: ErrorResponse })
  async create(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) productId: string, @Body() body: CreateReviewRequest): Promise<ReviewResponse> {
    return mapReview(await this.reviews.create(user.id, productId, { rating: body.rating, title: body.title ?? null, body: body.body }));
  }
}
