import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { paymentSucceededV1, PaymentSucceededV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** payment.succeeded → CONFIRMED; for an order already cancelled, NEEDS_ATTENTION and a refund. */
@Controller()
export class PaymentSucceededConsumer {
  constructor(private readonly saga: SagaService) {}

  @HandlesEvent(paymentSucceededV1)
  async handle(@Payload() payload: PaymentSucceededV1, @Ctx() { tx, envelope }: EventContext<PaymentSucceededV1>): Promise<void> {
    await this.saga.paymentSucceeded(tx, payload, envelope);
  }
}
