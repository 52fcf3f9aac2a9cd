import { Injectable } from '@nestjs/common';
import { EventEnvelope, orderNeedsAttentionV1, OrderNeedsAttentionV1 } from '@galley/contracts';
import { EventHandler, SqlExecutor } from '@galley/messaging';
import { ConsumesEvent } from '@galley/platform';
import { OrderPaymentsService } from '../services/order-payments.service';

/** order.needs_attention → with refundRequired, the late payment is refunded automatically. */
@Injectable()
@ConsumesEvent()
export class OrderNeedsAttentionConsumer implements EventHandler<OrderNeedsAttentionV1> {
  readonly contract = orderNeedsAttentionV1;

  constructor(private readonly payments: OrderPaymentsService) {}

  async handle(payload: OrderNeedsAttentionV1, envelope: EventEnvelope<OrderNeedsAttentionV1>, tx: SqlExecutor): Promise<void> {
    await this.payments.orderNeedsAttention(tx, payload, envelope.id);
  }
}
