import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { orderConfirmedV1, OrderConfirmedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { OrderPaymentsService } from '../services/order-payments.service';

/** order.confirmed → the order read-model says CONFIRMED (reconciliation compares against it). */
@Controller()
export class OrderConfirmedConsumer {
  constructor(private readonly payments: OrderPaymentsService) {}

  @HandlesEvent(orderConfirmedV1)
  async handle(@Payload() payload: OrderConfirmedV1, @Ctx() { tx }: EventContext<OrderConfirmedV1>): Promise<void> {
    await this.payments.orderStatus(tx, payload, 'CONFIRMED');
  }
}
