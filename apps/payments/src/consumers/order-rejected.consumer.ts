import { Injectable } from '@nestjs/common';
import { EventEnvelope, orderRejectedV1, OrderRejectedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { OrderPaymentsService } from '../services/order-payments.service';

/** order.rejected → nothing will be paid; any open intent is cancelled. */
@Injectable()
@ConsumesEvent()
export class OrderRejectedConsumer implements EventHandler<OrderRejectedV1> {
  readonly contract = orderRejectedV1;

  constructor(private readonly payments: OrderPaymentsService) {}

  async handle(payload: OrderRejectedV1, _envelope: EventEnvelope<OrderRejectedV1>, tx: SqlExecutor): Promise<void> {
    await this.payments.orderRejected(tx, payload);
  }
}
