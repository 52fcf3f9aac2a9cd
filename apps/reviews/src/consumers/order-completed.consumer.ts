import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { orderCompletedV1, OrderCompletedV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { VerifiedPurchasesService } from '../services/verified-purchases.service';

/** order.completed → its customer becomes a verified purchaser of each of its products. */
@Controller()
export class OrderCompletedConsumer {
  constructor(private readonly purchases: VerifiedPurchasesService) {}

  @HandlesEvent(orderCompletedV1)
  async handle(@Payload() payload: OrderCompletedV1, @Ctx() { tx }: EventContext<OrderCompletedV1>): Promise<void> {
    await this.purchases.recordCompletedOrder(tx, { orderId: payload.orderId, customerId: payload.customerId, productIds: payload.productIds });
  }
}
