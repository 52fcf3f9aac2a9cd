import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class OrderReadyV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  customerId!: string;

  @IsIn(['pickup', 'delivery'])
  fulfillmentType!: 'pickup' | 'delivery';
}

export const orderReadyV1 = defineEvent({
  type: 'order.ready',
  version: 1,
  topic: TOPICS.orders,
  producer: 'orders',
  consumers: [],
  description: 'Staff marked the order `READY` for pickup or delivery. Read by the gateway for live order status; no service ' + 'reacts to it.',
  payload: OrderReadyV1,
});
