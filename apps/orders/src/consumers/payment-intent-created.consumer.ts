import { Injectable } from '@nestjs/common';
import { EventEnvelope, paymentIntentCreatedV1, PaymentIntentCreatedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** payment.intent_created → the order remembers its PaymentIntent (no status change). */
@Injectable()
@ConsumesEvent()
export class PaymentIntentCreatedConsumer implements EventHandler<PaymentIntentCreatedV1> {
  readonly contract = paymentIntentCreatedV1;

  constructor(private readonly saga: SagaService) {}

  async handle(payload: PaymentIntentCreatedV1, envelope: EventEnvelope<PaymentIntentCreatedV1>, tx: SqlExecutor): Promise<void> {
    await this.saga.recordPaymentIntent(tx, payload.orderId, payload.paymentIntentId, envelope);
  }
}
