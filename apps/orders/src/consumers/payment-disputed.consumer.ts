import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { paymentDisputedV1, PaymentDisputedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** payment.disputed → NEEDS_ATTENTION for staff. */
@Controller()
export class PaymentDisputedConsumer {
  constructor(private readonly saga: SagaService) {}

  @HandlesEvent(paymentDisputedV1)
  async handle(@Payload() payload: PaymentDisputedV1, @Ctx() { tx, envelope }: EventContext<PaymentDisputedV1>): Promise<void> {
    await this.saga.paymentDisputed(tx, payload, envelope);
  }
}
