import { Body, Controller, Post, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { OrderLinkRequest, OrderLinkResponse } from '../dtos/auth.dto';
import { SessionsService } from '../services/sessions.service';
import { UsersErrorFilter } from './users-error.filter';

/** Tokens for order tracking links (`/track/<orderId>#t=<token>` in the storefront); any signed-in account. */
@ApiTags('auth')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, invalid or expired access token', type: ErrorResponse })
@UseFilters(UsersErrorFilter)
@Controller('api/auth/order-links')
export class OrderLinksController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @ApiOperation({
    summary: "A token that only reads, follows and cancels one of the caller's orders, for a tracking link",
    description:
      "Valid ORDER_LINK_TTL_SECONDS (30 days by default). It carries the caller's identity, so it opens only the caller's " +
      "own order (the orders service answers 404 for anyone else's). Put it in the link's fragment so it reaches no server log.",
  })
  @ApiCreatedResponse({ type: OrderLinkResponse })
  @ApiBadRequestResponse({ description: 'orderId is not a UUID', type: ErrorResponse })
  async issue(@CurrentUser() user: AuthenticatedUser, @Body() body: OrderLinkRequest): Promise<OrderLinkResponse> {
    const link = await this.sessions.orderLink(user, body.orderId);
    return { token: link.token, expiresAt: link.expiresAt.toISOString() };
  }
}
