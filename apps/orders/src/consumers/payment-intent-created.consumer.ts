import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { paymentIntentCreatedV1, PaymentIntentCreatedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** payment.intent_created → the order remembers its PaymentIntent and announces it (`order.payment_intent_attached`; no status change). */
@Controller()
export class PaymentIntentCreatedConsumer {
  constructor(private readonly saga: SagaService) {}

  @HandlesEvent(paymentIntentCreatedV1)
  async handle(@Payload() payload: PaymentIntentCreatedV1, @Ctx() { tx, envelope }: EventContext<PaymentIntentCreatedV1>): Promise<void> {
    await this.saga.recordPaymentIntent(tx, payload, envelope);
  }
}
