import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { paymentRefundFailedV1, PaymentRefundFailedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** payment.refund_failed → NEEDS_ATTENTION: staff settle the refund by hand. */
@Controller()
export class PaymentRefundFailedConsumer {
  constructor(private readonly saga: SagaService) {}

  @HandlesEvent(paymentRefundFailedV1)
  async handle(@Payload() payload: PaymentRefundFailedV1, @Ctx() { tx, envelope }: EventContext<PaymentRefundFailedV1>): Promise<void> {
    await this.saga.refundFailed(tx, payload, envelope);
  }
}
