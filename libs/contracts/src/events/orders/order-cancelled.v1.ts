import { IsBoolean, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export const ORDER_CANCELLED_BY_V1 = ['customer', 'admin', 'system'] as const;
export type OrderCancelledByV1 = (typeof ORDER_CANCELLED_BY_V1)[number];

export class OrderCancelledV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  customerId!: string;

  /** Why, as recorded in the order's history (e.g. `payment failed: card_declined`, `reservation expired`). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  /** True when money was already taken: payments refunds the full amount still held. */
  @IsBoolean()
  refundRequired!: boolean;

  @IsIn(ORDER_CANCELLED_BY_V1)
  cancelledBy!: OrderCancelledByV1;
}

export const orderCancelledV1 = defineEvent({
  type: 'order.cancelled',
  version: 1,
  topic: TOPICS.orders,
  producer: 'orders',
  consumers: ['inventory', 'payments'],
  description:
    'The order was cancelled by the customer or staff (until `PREPARING`), or by the saga after a failed payment or ' +
    'an expired reservation. Inventory releases its reservation or returns the sold stock; payments refunds when ' +
    '`refundRequired` and otherwise cancels an open PaymentIntent.',
  payload: OrderCancelledV1,
});
