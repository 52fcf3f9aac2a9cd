import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { MoneySchema } from '../../money';
import { TOPICS } from '../../topics';

export class PaymentDisputedV1 {
  @IsUUID()
  paymentId!: string;

  @IsUUID()
  orderId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  paymentIntentId!: string;

  /** The provider's dispute id (`dp_…`), not a UUID. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  disputeId!: string;

  @ValidateNested()
  @Type(() => MoneySchema)
  amount!: MoneySchema;

  /** The provider's dispute reason, e.g. `fraudulent`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export const paymentDisputedV1 = defineEvent({
  type: 'payment.disputed',
  version: 1,
  topic: TOPICS.payments,
  producer: 'payments',
  consumers: ['orders'],
  description: 'The customer disputed the charge with their bank. Orders flags the order `NEEDS_ATTENTION` for staff.',
  payload: PaymentDisputedV1,
});
