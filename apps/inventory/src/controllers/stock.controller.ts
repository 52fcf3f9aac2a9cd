import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@galley/auth';
import { ErrorResponse, PageQuery } from '@galley/platform';
import {
  AdjustmentRequest,
  mapMovement,
  mapStockLevel,
  MovementListResponse,
  StockLevelListResponse,
  StockLevelResponse,
  StockSettingsRequest,
  StockThresholdRequest,
} from '../dtos/stock.dto';
import { StockService } from '../services/stock.service';
import { InventoryErrorFilter } from './inventory-error.filter';

const DEFAULT_LIMIT = 50;

/** Stock levels, adjustments and the stock audit log (staff only). */
@ApiTags('stock')
@Roles('admin')
@UseFilters(InventoryErrorFilter)
@Controller('api/admin/inventory')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get()
  @ApiOperation({ summary: 'Stock levels of every product' })
  @ApiOkResponse({ type: StockLevelListResponse })
  async list(@Query() query: PageQuery): Promise<StockLevelListResponse> {
    const page = await this.stock.list({ limit: query.limit ?? DEFAULT_LIMIT, cursor: query.cursor });
    return { items: page.items.map(mapStockLevel), nextCursor: page.nextCursor };
  }

  @Get(':productId')
  @ApiOperation({ summary: 'The stock level of a product' })
  @ApiOkResponse({ type: StockLevelResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(@Param('productId', new ParseUUIDPipe()) productId: string): Promise<StockLevelResponse> {
    return mapStockLevel(await this.stock.get(productId));
  }

  @Patch(':productId')
  @ApiOperation({ summary: 'Set the low-stock threshold of a product' })
  @ApiOkResponse({ type: StockLevelResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async configure(@Param('productId', new ParseUUIDPipe()) productId: string, @Body() body: StockSettingsRequest): Promise<StockLevelResponse> {
    return mapStockLevel(await this.stock.setThreshold(productId, body.lowStockThreshold));
  }

  @Put(':productId/threshold')
  @ApiOperation({ summary: 'Set or clear (null) the low-stock threshold of a product' })
  @ApiOkResponse({ type: StockLevelResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async threshold(@Param('productId', new ParseUUIDPipe()) productId: string, @Body() body: StockThresholdRequest): Promise<StockLevelResponse> {
    return mapStockLevel(await this.stock.setThreshold(productId, body.lowStockThreshold));
  }

  @Post(':productId/adjustments')
  @ApiOperation({ summary: 'Add or remove units on hand, with a reason (kept in the audit log)' })
  @ApiCreatedResponse({ description: 'The new level', type: StockLevelResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ description: 'onHand would go below 0 or below the reserved units', type: ErrorResponse })
  async adjust(@CurrentUser() user: AuthenticatedUser, @Param('productId', new ParseUUIDPipe()) productId: string, @Body() body: AdjustmentRequest): Promise<StockLevelResponse> {
    return mapStockLevel(await this.stock.adjust(productId, { delta: body.delta, reason: body.reason, actorId: user.id }));
  }

  @Get(':productId/movements')
  @ApiOperation({ summary: 'The stock audit log of a product, newest first' })
  @ApiOkResponse({ type: MovementListResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async movements(@Param('productId', new ParseUUIDPipe()) productId: string, @Query() query: PageQuery): Promise<MovementListResponse> {
    const page = await this.stock.movements(productId, { limit: query.limit ?? DEFAULT_LIMIT, cursor: query.cursor });
    return { items: page.items.map(mapMovement), nextCursor: page.nextCursor };
  }
}
