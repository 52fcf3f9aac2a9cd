import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { MoneySchema } from '../../money';
import { TOPICS } from '../../topics';

export class OrderPlacedLineV1 {
  @IsUUID()
  productId!: string;

  @IsInt()
  @Min(1)
  quantity!: number;

  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  modifierOptionIds?: string[];

  @ValidateNested()
  @Type(() => MoneySchema)
  unitPrice!: MoneySchema;
}

export class OrderPlacedV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  customerId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => OrderPlacedLineV1)
  lines!: OrderPlacedLineV1[];

  @ValidateNested()
  @Type(() => MoneySchema)
  total!: MoneySchema;

  @IsIn(['pickup', 'delivery'])
  fulfillmentType!: 'pickup' | 'delivery';
}

export const orderPlacedV1 = defineEvent({
  type: 'order.placed',
  version: 1,
  topic: TOPICS.orders,
  producer: 'orders',
  consumers: ['inventory', 'payments'],
  description: 'A customer placed an order; lines are priced by the server. Inventory reserves stock for it.',
  payload: OrderPlacedV1,
});
