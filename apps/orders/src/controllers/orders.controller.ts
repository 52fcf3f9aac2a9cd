import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Response } from 'express';
import { AuthenticatedUser, CurrentUser } from '@galley/auth';
import { ErrorResponse, PageQuery } from '@galley/platform';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';
import { CANCELLABLE_STATUSES, listStatuses } from '../domain/order-status';
import { CancelOrderRequest, mapOrder, mapOrderSummary, OrderListResponse, OrderResponse, PlaceOrderRequestDto } from '../dtos/order.dto';
import { CheckoutService } from '../services/checkout.service';
import { OrdersService } from '../services/orders.service';
import { OrdersErrorFilter } from './orders-error.filter';

const DEFAULT_LIMIT = 20;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** A customer's orders: place, read, cancel. Admins may read and cancel any order. */
@ApiTags('orders')
@UseFilters(OrdersErrorFilter)
@Controller('api/orders')
export class OrdersController {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly orders: OrdersService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Place an order (priced on the server; answers PENDING without waiting for stock)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body within 24 h returns the same order; another body is a 422' })
  @ApiCreatedResponse({ type: OrderResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ description: 'Store closed or at capacity (with Retry-After), or an Idempotency-Key reused with another body', type: ErrorResponse })
  async place(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: PlaceOrderRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrderResponse> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
      throw new OrdersError(OrdersErrorCode.InvalidInput, 'Idempotency-Key must be 1 to 255 visible ASCII characters');
    const placed = await this.checkout.place(user.id, body, idempotencyKey);
    if (placed.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return mapOrder(placed.details);
  }

  @Get()
  @ApiOperation({ summary: 'Your orders, newest first' })
  @ApiOkResponse({ type: OrderListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery): Promise<OrderListResponse> {
    const page = await this.orders.list({ customerId: user.id, limit: query.limit ?? DEFAULT_LIMIT, cursor: query.cursor });
    return { items: page.items.map(mapOrderSummary), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'An order with its lines, status history and refunds (another customer’s order is a 404)' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<OrderResponse> {
    return mapOrder(await this.orders.details(id, user));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: `Cancel in ${listStatuses(CANCELLABLE_STATUSES)} (until the kitchen starts); stock is released and a paid order refunded` })
  @ApiOkResponse({ type: OrderResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ description: 'Too late to cancel', type: ErrorResponse })
  async cancel(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CancelOrderRequest): Promise<OrderResponse> {
    return mapOrder(await this.orders.cancel(id, user, body?.reason));
  }
}
