import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min, NotEquals, ValidateIf } from 'class-validator';
import { availableOf, isLowOnStock, StockLevel } from '../domain/stock-level';
import { MovementRecord } from '../repositories/stock.repository';
import { Int, Text } from '@galley/platform';

export class AdjustmentRequest {
  @ApiProperty({ example: 10, description: 'Units added (positive) or removed (negative) from onHand; not 0' })
  @IsInt()
  @NotEquals(0, { message: 'delta must not be 0' })
  @Min(-1_000_000)
  @Max(1_000_000)
  delta: number;

  @Text({ max: 500, example: 'delivery received' }) reason: string;
}

export class StockSettingsRequest {
  @Int({ min: 0, max: 1_000_000, example: 5, description: 'Show the product as low on stock at or below this many available units' }) lowStockThreshold: number;
}

/** PUT /api/admin/inventory/:productId/threshold: the threshold, or null for none. */
export class StockThresholdRequest {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    example: 5,
    description: 'Show the product as low on stock at or below this many available units; null: never show it as low',
  })
  @ValidateIf((body: StockThresholdRequest) => body.lowStockThreshold !== null)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  lowStockThreshold: number | null;
}

export class StockLevelResponse {
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty() onHand: number;
  @ApiProperty() reserved: number;
  @ApiProperty({ description: 'onHand - reserved' }) available: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: no threshold, never low' }) lowStockThreshold: number | null;
  @ApiProperty({ description: 'available is at or below lowStockThreshold (false without a threshold)' }) low: boolean;
  @ApiProperty({ description: 'The same as low (kept for older clients)' }) lowStock: boolean;
}

export class StockLevelListResponse {
  @ApiProperty({ type: [StockLevelResponse] }) items: StockLevelResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class MovementResponse {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ enum: ['adjustment', 'sale', 'return'], description: 'return: sold units put back when a paid order was cancelled' })
  kind: 'adjustment' | 'sale' | 'return';
  @ApiProperty() delta: number;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The admin who adjusted' }) actorId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The order of a sale or return' }) orderId: string | null;
  @ApiProperty() onHandAfter: number;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class MovementListResponse {
  @ApiProperty({ type: [MovementResponse] }) items: MovementResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export function mapStockLevel(level: StockLevel): StockLevelResponse {
  const available = availableOf(level);
  return {
    productId: level.productId,
    onHand: level.onHand,
    reserved: level.reserved,
    available,
    lowStockThreshold: level.lowStockThreshold,
    low: isLowOnStock(level),
    lowStock: isLowOnStock(level),
  };
}

export function mapMovement(movement: MovementRecord): MovementResponse {
  return {
    id: movement.id,
    productId: movement.productId,
    kind: movement.kind,
    delta: movement.delta,
    reason: movement.reason,
    actorId: movement.actorId,
    orderId: movement.orderId,
    onHandAfter: movement.onHandAfter,
    at: movement.createdAt.toISOString(),
  };
}
