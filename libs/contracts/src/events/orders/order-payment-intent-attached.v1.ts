import { IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class OrderPaymentIntentAttachedV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  customerId!: string;

  /** The provider's PaymentIntent id (as in `payment.intent_created`), not a UUID. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  paymentIntentId!: string;

  /** When orders recorded it. */
  @IsISO8601({ strict: true })
  at!: string;
}

export const orderPaymentIntentAttachedV1 = defineEvent({
  type: 'order.payment_intent_attached',
  version: 1,
  topic: TOPICS.orders,
  producer: 'orders',
  consumers: ['gateway'],
  description:
    'The order now carries its PaymentIntent (orders recorded `payment.intent_created`), so `GET /api/orders/:id/payment` ' +
    "answers with the client secret. The gateway pushes it to the customer's live stream as `event: payment` (to streams " +
    'opened with `?include=payment`), so a storefront asks for the payment once instead of polling for it. No client secret.',
  payload: OrderPaymentIntentAttachedV1,
});
