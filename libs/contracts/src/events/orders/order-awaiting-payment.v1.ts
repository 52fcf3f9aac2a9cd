import { Type } from 'class-transformer';
import { IsISO8601, IsUUID, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { MoneySchema } from '../../money';
import { TOPICS } from '../../topics';

export class OrderAwaitingPaymentV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  customerId!: string;

  @IsUUID()
  reservationId!: string;

  /** The server-priced total the customer must pay. */
  @ValidateNested()
  @Type(() => MoneySchema)
  total!: MoneySchema;

  /** Stock is held until then; a payment that lands later may find the order cancelled. */
  @IsISO8601({ strict: true })
  reservationExpiresAt!: string;
}

export const orderAwaitingPaymentV1 = defineEvent({
  type: 'order.awaiting_payment',
  version: 1,
  topic: TOPICS.orders,
  producer: 'orders',
  consumers: ['payments'],
  description:
    'Stock is reserved for the order, which now waits for the customer to pay. Payments creates the PaymentIntent ' + '(idempotency key derived from the order id) for `total`.',
  payload: OrderAwaitingPaymentV1,
});
