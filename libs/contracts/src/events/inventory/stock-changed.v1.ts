import { IsInt, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class StockChangedV1 {
  @IsUUID()
  productId!: string;

  @IsInt()
  @Min(0)
  onHand!: number;

  @IsInt()
  @Min(0)
  reserved!: number;

  /** `onHand - reserved`: what can still be sold. */
  @IsInt()
  @Min(0)
  available!: number;
}

export const stockChangedV1 = defineEvent({
  type: 'stock.changed',
  version: 1,
  topic: TOPICS.inventory,
  producer: 'inventory',
  consumers: ['gateway'],
  description:
    "A product's stock level changed (adjustment, reservation, release or sale); carries the levels after the " +
    'change, keyed by product. The gateway turns it into the live product-availability stream (SSE).',
  payload: StockChangedV1,
});
