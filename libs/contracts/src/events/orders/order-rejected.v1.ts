import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class OrderRejectedShortLineV1 {
  @IsUUID()
  productId!: string;

  @IsInt()
  @Min(1)
  requested!: number;

  @IsInt()
  @Min(0)
  available!: number;
}

export class OrderRejectedV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  customerId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OrderRejectedShortLineV1)
  shortLines?: OrderRejectedShortLineV1[];
}

export const orderRejectedV1 = defineEvent({
  type: 'order.rejected',
  version: 1,
  topic: TOPICS.orders,
  producer: 'orders',
  consumers: ['payments'],
  description: 'The order could not be fulfilled (stock was short) and is `REJECTED`; nothing was reserved or charged. ' + 'Payments drops what it expected for the order.',
  payload: OrderRejectedV1,
});
