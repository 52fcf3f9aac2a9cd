import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { orderPlacedV1, OrderPlacedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { OrderPaymentsService } from '../services/order-payments.service';

/** order.placed → remember the order's customer and total (ownership checks, reconciliation). */
@Controller()
export class OrderPlacedConsumer {
  constructor(private readonly payments: OrderPaymentsService) {}

  @HandlesEvent(orderPlacedV1)
  async handle(@Payload() payload: OrderPlacedV1, @Ctx() { tx }: EventContext<OrderPlacedV1>): Promise<void> {
    await this.payments.orderPlaced(tx, payload);
  }
}
