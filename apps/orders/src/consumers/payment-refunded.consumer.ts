import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { paymentRefundedV1, PaymentRefundedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** payment.refunded → the refund shows on the order (whoever asked for it). */
@Controller()
export class PaymentRefundedConsumer {
  constructor(private readonly saga: SagaService) {}

  @HandlesEvent(paymentRefundedV1)
  async handle(@Payload() payload: PaymentRefundedV1, @Ctx() { tx, envelope }: EventContext<PaymentRefundedV1>): Promise<void> {
    await this.saga.recordRefund(tx, payload, envelope);
  }
}
