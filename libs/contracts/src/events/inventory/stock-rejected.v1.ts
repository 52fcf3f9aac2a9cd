import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class StockRejectedShortLineV1 {
  @IsUUID()
  productId!: string;

  @IsInt()
  @Min(1)
  requested!: number;

  @IsInt()
  @Min(0)
  available!: number;
}

export class StockRejectedV1 {
  @IsUUID()
  orderId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => StockRejectedShortLineV1)
  shortLines!: StockRejectedShortLineV1[];
}

export const stockRejectedV1 = defineEvent({
  type: 'stock.rejected',
  version: 1,
  topic: TOPICS.inventory,
  producer: 'inventory',
  consumers: ['orders'],
  description:
    'An order could not be reserved because some lines are short (nothing was reserved). Orders moves the order ' + 'to `REJECTED` with the short lines in its history reason.',
  payload: StockRejectedV1,
});
