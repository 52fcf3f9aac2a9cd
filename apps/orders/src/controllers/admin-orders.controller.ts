import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { mapOrder, mapOrderSummary, OrderListQuery, OrderListResponse, OrderResponse, StaffStatusRequest } from '../dtos/order.dto';
import { OrdersService } from '../services/orders.service';
import { OrdersErrorFilter } from './orders-error.filter';

const DEFAULT_LIMIT = 50;

/** The order board for staff: every order, by status, and the kitchen's status changes. */
@ApiTags('orders (staff)')
@Roles('admin')
@UseFilters(OrdersErrorFilter)
@Controller('api/admin/orders')
export class AdminOrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  @ApiOperation({ summary: 'All orders, newest first, optionally by status (e.g. NEEDS_ATTENTION)' })
  @ApiOkResponse({ type: OrderListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async list(@Query() query: OrderListQuery): Promise<OrderListResponse> {
    const page = await this.orders.list({ status: query.status, limit: query.limit ?? DEFAULT_LIMIT, cursor: query.cursor });
    return { items: page.items.map(mapOrderSummary), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Any order with its lines, history and refunds' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<OrderResponse> {
    return mapOrder(await this.orders.details(id, user));
  }

  @Post(':id/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move an order along the board: PREPARING, READY, COMPLETED (CANCELLED or COMPLETED settle NEEDS_ATTENTION)' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ description: 'Not a legal move from the current status', type: ErrorResponse })
  async setStatus(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: StaffStatusRequest): Promise<OrderResponse> {
    return mapOrder(await this.orders.setStatus(id, body.status, user.id, body.reason));
  }
}
