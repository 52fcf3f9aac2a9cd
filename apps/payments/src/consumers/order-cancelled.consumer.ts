import { Injectable } from '@nestjs/common';
import { EventEnvelope, orderCancelledV1, OrderCancelledV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { OrderPaymentsService } from '../services/order-payments.service';

/** order.cancelled → refund what was taken (refundRequired), else cancel the open intent. */
@Injectable()
@ConsumesEvent()
export class OrderCancelledConsumer implements EventHandler<OrderCancelledV1> {
  readonly contract = orderCancelledV1;

  constructor(private readonly payments: OrderPaymentsService) {}

  async handle(payload: OrderCancelledV1, envelope: EventEnvelope<OrderCancelledV1>, tx: SqlExecutor): Promise<void> {
    await this.payments.orderCancelled(tx, payload, envelope.id);
  }
}
