import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class StockCommittedLineV1 {
  @IsUUID()
  productId!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

export class StockCommittedV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  reservationId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => StockCommittedLineV1)
  lines!: StockCommittedLineV1[];
}

export const stockCommittedV1 = defineEvent({
  type: 'stock.committed',
  version: 1,
  topic: TOPICS.inventory,
  producer: 'inventory',
  consumers: [],
  description: "A paid order's reservation became a sale: the quantities left `onHand` and `reserved` together. A fact for " + 'audit and dashboards; no service reacts to it.',
  payload: StockCommittedV1,
});
