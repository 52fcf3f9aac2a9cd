import { ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class OrderCompletedV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  customerId!: string;

  /** The distinct products of the order's lines. */
  @IsArray()
  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  productIds!: string[];
}

export const orderCompletedV1 = defineEvent({
  type: 'order.completed',
  version: 1,
  topic: TOPICS.orders,
  producer: 'orders',
  consumers: ['reviews'],
  description:
    'The order was handed over (picked up or delivered). Reviews records the customer as a verified purchaser of ' + 'each product, which is what allows them to review it.',
  payload: OrderCompletedV1,
});
