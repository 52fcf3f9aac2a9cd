import { Injectable } from '@nestjs/common';
import { EventEnvelope, orderPlacedV1, OrderPlacedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { OrderPaymentsService } from '../services/order-payments.service';

/** order.placed → remember the order's customer and total (ownership checks, reconciliation). */
@Injectable()
@ConsumesEvent()
export class OrderPlacedConsumer implements EventHandler<OrderPlacedV1> {
  readonly contract = orderPlacedV1;

  constructor(private readonly payments: OrderPaymentsService) {}

  async handle(payload: OrderPlacedV1, _envelope: EventEnvelope<OrderPlacedV1>, tx: SqlExecutor): Promise<void> {
    await this.payments.orderPlaced(tx, payload);
  }
}
