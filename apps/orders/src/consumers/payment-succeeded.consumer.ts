import { Injectable } from '@nestjs/common';
import { EventEnvelope, paymentSucceededV1, PaymentSucceededV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { SagaService } from '../services/saga.service';

/** payment.succeeded → CONFIRMED; for an order already cancelled, NEEDS_ATTENTION and a refund. */
@Injectable()
@ConsumesEvent()
export class PaymentSucceededConsumer implements EventHandler<PaymentSucceededV1> {
  readonly contract = paymentSucceededV1;

  constructor(private readonly saga: SagaService) {}

  async handle(payload: PaymentSucceededV1, envelope: EventEnvelope<PaymentSucceededV1>, tx: SqlExecutor): Promise<void> {
    await this.saga.apply(tx, payload.orderId, { kind: 'payment-succeeded' }, envelope, async (orders, order) => {
      await orders.orders.setPaid(order.id, payload.amount.amount, payload.paymentIntentId);
      return { ...order, paidAmount: payload.amount.amount, paymentIntentId: order.paymentIntentId ?? payload.paymentIntentId };
    });
  }
}
