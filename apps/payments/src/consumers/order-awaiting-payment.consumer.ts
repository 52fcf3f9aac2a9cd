import { Injectable } from '@nestjs/common';
import { EventEnvelope, orderAwaitingPaymentV1, OrderAwaitingPaymentV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { OrderPaymentsService } from '../services/order-payments.service';

/** order.awaiting_payment → one PaymentIntent for the order (payment.intent_created). */
@Injectable()
@ConsumesEvent()
export class OrderAwaitingPaymentConsumer implements EventHandler<OrderAwaitingPaymentV1> {
  readonly contract = orderAwaitingPaymentV1;

  constructor(private readonly payments: OrderPaymentsService) {}

  async handle(payload: OrderAwaitingPaymentV1, _envelope: EventEnvelope<OrderAwaitingPaymentV1>, tx: SqlExecutor): Promise<void> {
    await this.payments.createIntent(tx, payload);
  }
}
