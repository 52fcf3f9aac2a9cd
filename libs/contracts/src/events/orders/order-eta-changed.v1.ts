import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class OrderEtaChangedV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  customerId!: string;

  /** The new estimate of when the order will be ready. */
  @IsISO8601({ strict: true })
  estimatedReadyAt!: string;

  /** When the estimate was made (the kitchen move that changed it). */
  @IsISO8601({ strict: true })
  at!: string;
}

export const orderEtaChangedV1 = defineEvent({
  type: 'order.eta_changed',
  version: 1,
  topic: TOPICS.orders,
  producer: 'orders',
  consumers: ['gateway'],
  description:
    "The kitchen's estimate of when an order will be ready moved because another ticket moved (started, finished, " +
    'cancelled). The order whose own status changed carries its estimate in `order.status_changed` instead. The ' +
    "gateway pushes it to the customer's live stream as `event: eta`.",
  payload: OrderEtaChangedV1,
});
