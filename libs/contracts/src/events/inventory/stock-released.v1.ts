import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class StockReleasedLineV1 {
  @IsUUID()
  productId!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

export class StockReleasedV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  reservationId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => StockReleasedLineV1)
  lines!: StockReleasedLineV1[];

  /** What caused the release, e.g. the cancellation or failed payment that compensated the saga. */
  @IsString()
  @IsNotEmpty()
  reason!: string;
}

export const stockReleasedV1 = defineEvent({
  type: 'stock.released',
  version: 1,
  topic: TOPICS.inventory,
  producer: 'inventory',
  consumers: [],
  description:
    'A reservation (or a sale not yet fulfilled) was given back to stock because its order was cancelled or its ' +
    'payment failed: the compensating step of the saga. A fact for audit and dashboards; no service reacts to it.',
  payload: StockReleasedV1,
});
