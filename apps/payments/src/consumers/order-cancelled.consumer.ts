import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { orderCancelledV1, OrderCancelledV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { OrderPaymentsService } from '../services/order-payments.service';

/** order.cancelled → refund what was taken (refundRequired), else cancel the open intent. */
@Controller()
export class OrderCancelledConsumer {
  constructor(private readonly payments: OrderPaymentsService) {}

  @HandlesEvent(orderCancelledV1)
  async handle(@Payload() payload: OrderCancelledV1, @Ctx() { tx, envelope }: EventContext<OrderCancelledV1>): Promise<void> {
    await this.payments.orderCancelled(tx, payload, envelope.id);
  }
}
