import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { orderNeedsAttentionV1, OrderNeedsAttentionV1 } from '@galley/contracts';
import { EventContext, HandlesEvent } from '@galley/platform';
import { OrderPaymentsService } from '../services/order-payments.service';

/** order.needs_attention → with refundRequired, the late payment is refunded automatically. */
@Controller()
export class OrderNeedsAttentionConsumer {
  constructor(private readonly payments: OrderPaymentsService) {}

  @HandlesEvent(orderNeedsAttentionV1)
  async handle(@Payload() payload: OrderNeedsAttentionV1, @Ctx() { tx, envelope }: EventContext<OrderNeedsAttentionV1>): Promise<void> {
    await this.payments.orderNeedsAttention(tx, payload, envelope.id);
  }
}
