import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';
import { ORDER_STATUSES_V1, OrderStatusV1 } from './order-needs-attention.v1';

export class OrderStatusChangedV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  customerId!: string;

  /** Position of this change in the order's history, from 1 (`PENDING`): the SSE event id. */
  @IsInt()
  @Min(1)
  sequence!: number;

  @IsIn(ORDER_STATUSES_V1)
  status!: OrderStatusV1;

  /** Absent for the first entry (`PENDING`). */
  @IsOptional()
  @IsIn(ORDER_STATUSES_V1)
  previousStatus?: OrderStatusV1;

  /** Why, as recorded in the history (e.g. `payment succeeded`, `stock short: …`). */
  @IsString()
  @MaxLength(500)
  reason!: string;

  @IsISO8601({ strict: true })
  at!: string;

  /**
   * The kitchen's estimate of when the order will be ready, as of this change (absent from older producers; null
   * once the order is finished). Consumers read it tolerantly.
   */
  @IsOptional()
  @IsISO8601({ strict: true })
  estimatedReadyAt?: string | null;
}

export const orderStatusChangedV1 = defineEvent({
  type: 'order.status_changed',
  version: 1,
  topic: TOPICS.orders,
  producer: 'orders',
  consumers: ['gateway'],
  description:
    "Every entry of an order's status history, `PENDING` included, with its sequence number. The gateway streams " +
    'these to customers and the order board (SSE); the per-step events (`order.confirmed`, …) carry what services ' +
    'react to.',
  payload: OrderStatusChangedV1,
});
