import { Injectable } from '@nestjs/common';
import { EventEnvelope, paymentFailedV1, PaymentFailedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** payment.failed → the unpaid order is CANCELLED, which makes inventory release the stock. */
@Injectable()
@ConsumesEvent()
export class PaymentFailedConsumer implements EventHandler<PaymentFailedV1> {
  readonly contract = paymentFailedV1;

  constructor(private readonly saga: SagaService) {}

  async handle(payload: PaymentFailedV1, envelope: EventEnvelope<PaymentFailedV1>, tx: SqlExecutor): Promise<void> {
    await this.saga.apply(tx, payload.orderId, { kind: 'payment-failed', reason: payload.reason }, envelope);
  }
}
