import { Injectable } from '@nestjs/common';
import { EventEnvelope, orderCancelledV1, OrderCancelledV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { ReservationsService } from '../services/reservations.service';

/** order.cancelled → a held reservation goes back to stock, or a paid order's sold units back on hand (stock.released). */
@Injectable()
@ConsumesEvent()
export class OrderCancelledConsumer implements EventHandler<OrderCancelledV1> {
  readonly contract = orderCancelledV1;

  constructor(private readonly reservations: ReservationsService) {}

  async handle(payload: OrderCancelledV1, _envelope: EventEnvelope<OrderCancelledV1>, tx: SqlExecutor): Promise<void> {
    await this.reservations.release(tx, payload.orderId, payload.reason);
  }
}
