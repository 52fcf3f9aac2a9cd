import { Body, Controller, Delete, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { HelpfulVoteResponse, mapReview, ReviewResponse, UpdateReviewRequest } from '../dtos/review.dto';
import { ReviewsService } from '../services/reviews.service';
import { ReviewsErrorFilter } from './reviews-error.filter';

/** A customer's own reviews (edit, delete) and helpful votes on others'. */
@ApiTags('reviews')
@Roles('customer')
@UseFilters(ReviewsErrorFilter)
@Controller('api/reviews/:id')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Patch()
  @ApiOperation({ summary: 'Edit your review; the text is moderated and analysed again' })
  @ApiOkResponse({ type: ReviewResponse })
  @ApiBadRequestResponse({ description: 'A bad field, named, or no field at all', type: ErrorResponse })
  @ApiNotFoundResponse({ description: 'No such review of yours', type: ErrorResponse })
  async update(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) reviewId: string, @Body() body: UpdateReviewRequest): Promise<ReviewResponse> {
    return mapReview(await this.reviews.update(user.id, reviewId, { rating: body.rating, title: body.title, body: body.body }));
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete your review (you may then review the product again)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No such review of yours', type: ErrorResponse })
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) reviewId: string): Promise<void> {
    await this.reviews.remove(user.id, reviewId);
  }

  @Post('helpful')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Mark someone else's published review helpful; once per customer, repeating changes nothing" })
  @ApiOkResponse({ type: HelpfulVoteResponse })
  @ApiForbiddenResponse({ description: 'Your own review', type: ErrorResponse })
  @ApiNotFoundResponse({ description: 'No such published review', type: ErrorResponse })
  async helpful(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) reviewId: string): Promise<HelpfulVoteResponse> {
    return this.reviews.markHelpful(user.id, reviewId);
  }
}
