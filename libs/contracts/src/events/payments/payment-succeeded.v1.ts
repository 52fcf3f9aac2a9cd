import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { MoneySchema } from '../../money';
import { TOPICS } from '../../topics';

export class PaymentSucceededV1 {
  @IsUUID()
  paymentId!: string;

  @IsUUID()
  orderId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  paymentIntentId!: string;

  @ValidateNested()
  @Type(() => MoneySchema)
  amount!: MoneySchema;
}

export const paymentSucceededV1 = defineEvent({
  type: 'payment.succeeded',
  version: 1,
  topic: TOPICS.payments,
  producer: 'payments',
  consumers: ['orders', 'inventory'],
  description:
    'The provider confirmed the payment (verified webhook, each provider event applied once). Orders moves the ' +
    'order to `CONFIRMED`; inventory turns the reservation into a sale.',
  payload: PaymentSucceededV1,
});
