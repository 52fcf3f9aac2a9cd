import { Injectable } from '@nestjs/common';
import { EventEnvelope, paymentDisputedV1, PaymentDisputedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** payment.disputed → NEEDS_ATTENTION for staff. */
@Injectable()
@ConsumesEvent()
export class PaymentDisputedConsumer implements EventHandler<PaymentDisputedV1> {
  readonly contract = paymentDisputedV1;

  constructor(private readonly saga: SagaService) {}

  async handle(payload: PaymentDisputedV1, envelope: EventEnvelope<PaymentDisputedV1>, tx: SqlExecutor): Promise<void> {
    await this.saga.apply(tx, payload.orderId, { kind: 'payment-disputed', reason: payload.reason }, envelope);
  }
}
