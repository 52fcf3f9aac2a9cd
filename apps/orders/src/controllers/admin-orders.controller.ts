import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { AdminOrderListQuery, DashboardQuery, DashboardSummaryResponse, mapOrder, mapOrderSummary, OrderListResponse, OrderResponse, StaffStatusRequest } from '../dtos/order.dto';
import { DashboardService } from '../services/dashboard.service';
import { OrdersService } from '../services/orders.service';
import { OrdersErrorFilter } from './orders-error.filter';

const DEFAULT_LIMIT = 50;

/** The order board for staff: every order, by status, and the kitchen's status changes. */
@ApiTags('orders (staff)')
@Roles('admin')
@UseFilters(OrdersErrorFilter)
@Controller('api/admin/orders')
export class AdminOrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly dashboard: DashboardService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'All orders, newest first, optionally by status (e.g. NEEDS_ATTENTION) and by the start of the order id (q)' })
  @ApiOkResponse({ type: OrderListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  async list(@Query() query: AdminOrderListQuery): Promise<OrderListResponse> {
    const page = await this.orders.list({ status: query.status, idPrefix: query.q, limit: query.limit ?? DEFAULT_LIMIT, cursor: query.cursor });
    return { items: page.items.map(mapOrderSummary), nextCursor: page.nextCursor };
  }

  // Before ':id', so that "summary" is not read as an order id.
  @Get('summary')
  @ApiOperation({ summary: "The dashboard's day in the store's time zone: paid orders, revenue, CONFIRMED → READY time, top items, orders per hour" })
  @ApiOkResponse({ type: DashboardSummaryResponse })
  @ApiBadRequestResponse({ description: 'date is not a calendar date written YYYY-MM-DD', type: ErrorResponse })
  summary(@Query() query: DashboardQuery): Promise<DashboardSummaryResponse> {
    return this.dashboard.summary(query.date);
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
  @ApiOperation({
    summary: 'Move an order along the board: PREPARING, READY, COMPLETED (CANCELLED or COMPLETED settle NEEDS_ATTENTION)',
    description: 'Idempotent: asking for the status the order is already in changes nothing and answers the order (200).',
  })
  @ApiOkResponse({ type: OrderResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ description: 'Not a legal move from the current status', type: ErrorResponse })
  async setStatus(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: StaffStatusRequest): Promise<OrderResponse> {
    return mapOrder(await this.orders.setStatus(id, body.status, user.id, body.reason));
  }
}
