import { Injectable } from '@nestjs/common';
import { EventEnvelope, orderPlacedV1, OrderPlacedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { ReservationsService } from '../services/reservations.service';

/** order.placed → reserve every line (all or nothing), announcing stock.reserved or stock.rejected. */
@Injectable()
@ConsumesEvent()
export class OrderPlacedConsumer implements EventHandler<OrderPlacedV1> {
  readonly contract = orderPlacedV1;

  constructor(private readonly reservations: ReservationsService) {}

  async handle(payload: OrderPlacedV1, _envelope: EventEnvelope<OrderPlacedV1>, tx: SqlExecutor): Promise<void> {
    await this.reservations.reserve(tx, {
      orderId: payload.orderId,
      lines: payload.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
    });
  }
}
