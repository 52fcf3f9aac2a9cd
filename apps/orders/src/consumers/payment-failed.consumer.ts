import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { paymentFailedV1, PaymentFailedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** payment.failed → the unpaid order is CANCELLED, which makes inventory release the stock. */
@Controller()
export class PaymentFailedConsumer {
  constructor(private readonly saga: SagaService) {}

  @HandlesEvent(paymentFailedV1)
  async handle(@Payload() payload: PaymentFailedV1, @Ctx() { tx, envelope }: EventContext<PaymentFailedV1>): Promise<void> {
    await this.saga.paymentFailed(tx, payload, envelope);
  }
}
