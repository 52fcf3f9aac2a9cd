import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export const ORDER_STATUSES_V1 = ['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'PREPARING', 'READY', 'COMPLETED', 'CANCELLED', 'REJECTED', 'NEEDS_ATTENTION'] as const;
export type OrderStatusV1 = (typeof ORDER_STATUSES_V1)[number];

export class OrderNeedsAttentionV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  customerId!: string;

  /** The status the order was in when the problem was found. */
  @IsIn(ORDER_STATUSES_V1)
  previousStatus!: OrderStatusV1;

  /** What staff have to look at, e.g. `payment disputed` or `paid after the reservation expired`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  /**
   * True when money was taken for an order that can no longer be fulfilled (a payment that landed after the
   * order was cancelled): payments refunds it in full. Absent means false.
   */
  @IsOptional()
  @IsBoolean()
  refundRequired?: boolean;
}

export const orderNeedsAttentionV1 = defineEvent({
  type: 'order.needs_attention',
  version: 1,
  topic: TOPICS.orders,
  producer: 'orders',
  consumers: ['payments'],
  description:
    'The saga reached a state it cannot resolve on its own (a dispute, a payment for an order that can no longer ' +
    'be fulfilled) and the order is `NEEDS_ATTENTION` until staff act. Payments refunds a late payment when ' +
    '`refundRequired`.',
  payload: OrderNeedsAttentionV1,
});
