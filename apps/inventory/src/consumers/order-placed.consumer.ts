import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { orderPlacedV1, OrderPlacedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { ReservationsService } from '../services/reservations.service';

/** order.placed → reserve every line (all or nothing), announcing stock.reserved or stock.rejected. */
@Controller()
export class OrderPlacedConsumer {
  constructor(private readonly reservations: ReservationsService) {}

  @HandlesEvent(orderPlacedV1)
  async handle(@Payload() payload: OrderPlacedV1, @Ctx() { tx }: EventContext<OrderPlacedV1>): Promise<void> {
    await this.reservations.reserve(tx, {
      orderId: payload.orderId,
      lines: payload.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
    });
  }
}
