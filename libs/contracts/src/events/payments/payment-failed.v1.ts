import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineEvent } from '../../contract';
import { TOPICS } from '../../topics';

export class PaymentFailedV1 {
  @IsUUID()
  paymentId!: string;

  @IsUUID()
  orderId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  paymentIntentId!: string;

  /** The provider's failure code or message, e.g. `card_declined`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export const paymentFailedV1 = defineEvent({
  type: 'payment.failed',
  version: 1,
  topic: TOPICS.payments,
  producer: 'payments',
  consumers: ['orders'],
  description: 'The provider reported the payment as failed. Orders cancels the order, which makes inventory release the ' + 'reservation (the compensating steps of the saga).',
  payload: PaymentFailedV1,
});
