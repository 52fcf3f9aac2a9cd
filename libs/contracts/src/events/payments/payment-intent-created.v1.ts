import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { MoneySchema } from '../../money';
import { TOPICS } from '../../topics';

export class PaymentIntentCreatedV1 {
  @IsUUID()
  paymentId!: string;

  @IsUUID()
  orderId!: string;

  /** The provider's PaymentIntent id (`pi_…`, or a local id with the simulated provider), not a UUID. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  paymentIntentId!: string;

  @ValidateNested()
  @Type(() => MoneySchema)
  amount!: MoneySchema;
}

export const paymentIntentCreatedV1 = defineEvent({
  type: 'payment.intent_created',
  version: 1,
  topic: TOPICS.payments,
  producer: 'payments',
  consumers: ['orders'],
  description: 'A PaymentIntent exists for the order; the customer can now read its client secret and pay. The client secret ' + 'itself never travels on a topic.',
  payload: PaymentIntentCreatedV1,
});
