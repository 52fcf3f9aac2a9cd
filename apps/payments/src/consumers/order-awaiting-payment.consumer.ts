import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { orderAwaitingPaymentV1, OrderAwaitingPaymentV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { OrderPaymentsService } from '../services/order-payments.service';

/** order.awaiting_payment → one PaymentIntent for the order (payment.intent_created). */
@Controller()
export class OrderAwaitingPaymentConsumer {
  constructor(private readonly payments: OrderPaymentsService) {}

  @HandlesEvent(orderAwaitingPaymentV1)
  async handle(@Payload() payload: OrderAwaitingPaymentV1, @Ctx() { tx }: EventContext<OrderAwaitingPaymentV1>): Promise<void> {
    await this.payments.createIntent(tx, payload);
  }
}
