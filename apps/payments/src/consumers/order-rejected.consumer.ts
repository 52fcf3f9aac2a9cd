import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { orderRejectedV1, OrderRejectedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { OrderPaymentsService } from '../services/order-payments.service';

/** order.rejected → nothing will be paid; any open intent is cancelled. */
@Controller()
export class OrderRejectedConsumer {
  constructor(private readonly payments: OrderPaymentsService) {}

  @HandlesEvent(orderRejectedV1)
  async handle(@Payload() payload: OrderRejectedV1, @Ctx() { tx }: EventContext<OrderRejectedV1>): Promise<void> {
    await this.payments.orderRejected(tx, payload);
  }
}
