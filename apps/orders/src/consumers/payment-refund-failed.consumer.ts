import { Injectable } from '@nestjs/common';
import { EventEnvelope, paymentRefundFailedV1, PaymentRefundFailedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** payment.refund_failed → NEEDS_ATTENTION: staff settle the refund by hand. */
@Injectable()
@ConsumesEvent()
export class PaymentRefundFailedConsumer implements EventHandler<PaymentRefundFailedV1> {
  readonly contract = paymentRefundFailedV1;

  constructor(private readonly saga: SagaService) {}

  async handle(payload: PaymentRefundFailedV1, envelope: EventEnvelope<PaymentRefundFailedV1>, tx: SqlExecutor): Promise<void> {
    await this.saga.apply(tx, payload.orderId, { kind: 'refund-failed', reason: payload.reason }, envelope);
  }
}
