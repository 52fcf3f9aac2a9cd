import { Injectable } from '@nestjs/common';
import { EventEnvelope, paymentRefundedV1, PaymentRefundedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** payment.refunded → the refund shows on the order (whoever asked for it). */
@Injectable()
@ConsumesEvent()
export class PaymentRefundedConsumer implements EventHandler<PaymentRefundedV1> {
  readonly contract = paymentRefundedV1;

  constructor(private readonly saga: SagaService) {}

  async handle(payload: PaymentRefundedV1, envelope: EventEnvelope<PaymentRefundedV1>, tx: SqlExecutor): Promise<void> {
    await this.saga.recordRefund(tx, payload.orderId, { refundId: payload.refundId, amount: payload.amount, reason: payload.reason }, new Date(envelope.occurredAt));
  }
}
