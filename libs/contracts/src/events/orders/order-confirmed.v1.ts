import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { MoneySchema } from '../../money';
import { TOPICS } from '../../topics';

export class OrderConfirmedV1 {
  @IsUUID()
  orderId!: string;

  @IsUUID()
  customerId!: string;

  /** The provider's PaymentIntent id (`pi_…`), not a UUID. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  paymentIntentId!: string;

  @ValidateNested()
  @Type(() => MoneySchema)
  total!: MoneySchema;
}

export const orderConfirmedV1 = defineEvent({
  type: 'order.confirmed',
  version: 1,
  topic: TOPICS.orders,
  producer: 'orders',
  consumers: ['payments'],
  description:
    'The order was paid and moved to `CONFIRMED`; staff can start preparing it. Payments keeps it in its order ' +
    'read-model for reconciliation (inventory commits the stock on `payment.succeeded`).',
  payload: OrderConfirmedV1,
});
