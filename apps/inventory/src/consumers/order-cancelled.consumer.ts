import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { orderCancelledV1, OrderCancelledV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { ReservationsService } from '../services/reservations.service';

/** order.cancelled → a held reservation goes back to stock, or a paid order's sold units back on hand (stock.released). */
@Controller()
export class OrderCancelledConsumer {
  constructor(private readonly reservations: ReservationsService) {}

  @HandlesEvent(orderCancelledV1)
  async handle(@Payload() payload: OrderCancelledV1, @Ctx() { tx }: EventContext<OrderCancelledV1>): Promise<void> {
    await this.reservations.release(tx, payload.orderId, payload.reason);
  }
}
