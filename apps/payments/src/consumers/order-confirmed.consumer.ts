import { Injectable } from '@nestjs/common';
import { EventEnvelope, orderConfirmedV1, OrderConfirmedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { OrderPaymentsService } from '../services/order-payments.service';

/** order.confirmed → the order read-model says CONFIRMED (reconciliation compares against it). */
@Injectable()
@ConsumesEvent()
export class OrderConfirmedConsumer implements EventHandler<OrderConfirmedV1> {
  readonly contract = orderConfirmedV1;

  constructor(private readonly payments: OrderPaymentsService) {}

  async handle(payload: OrderConfirmedV1, _envelope: EventEnvelope<OrderConfirmedV1>, tx: SqlExecutor): Promise<void> {
    await this.payments.orderStatus(tx, payload, 'CONFIRMED');
  }
}
