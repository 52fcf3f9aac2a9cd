import { Injectable } from '@nestjs/common';
import { EventEnvelope, orderCompletedV1, OrderCompletedV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { VerifiedPurchasesService } from '../services/verified-purchases.service';

/** order.completed → its customer becomes a verified purchaser of each of its products. */
@Injectable()
@ConsumesEvent()
export class OrderCompletedConsumer implements EventHandler<OrderCompletedV1> {
  readonly contract = orderCompletedV1;

  constructor(private readonly purchases: VerifiedPurchasesService) {}

  async handle(payload: OrderCompletedV1, _envelope: EventEnvelope<OrderCompletedV1>, tx: SqlExecutor): Promise<void> {
    await this.purchases.recordCompletedOrder(tx, { orderId: payload.orderId, customerId: payload.customerId, productIds: payload.productIds });
  }
}
