import { IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class StockReservationExpiredV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  reservationId!: string;
}

export const stockReservationExpiredV1 = defineEvent({
  type: 'stock.reservation_expired',
  version: 1,
  topic: TOPICS.inventory,
  producer: 'inventory',
  consumers: ['orders'],
  description:
    'A reservation reached its expiry before the order was paid; its stock is sellable again. Orders cancels the ' + 'order (and a payment that lands later is refunded).',
  payload: StockReservationExpiredV1,
});
