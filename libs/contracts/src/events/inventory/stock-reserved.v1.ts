import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsISO8601, IsUUID, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class StockReservedLineV1 {
  @IsUUID()
  productId!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

export class StockReservedV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  reservationId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => StockReservedLineV1)
  lines!: StockReservedLineV1[];

  @IsISO8601({ strict: true })
  expiresAt!: string;
}

export const stockReservedV1 = defineEvent({
  type: 'stock.reserved',
  version: 1,
  topic: TOPICS.inventory,
  producer: 'inventory',
  consumers: ['orders'],
  description: 'Stock for every line of an order was reserved, all or nothing, until `expiresAt`. Orders moves the order to ' + '`AWAITING_PAYMENT`.',
  payload: StockReservedV1,
});
