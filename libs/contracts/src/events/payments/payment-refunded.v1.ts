import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { MoneySchema } from '../../money';
import { TOPICS } from '../../topics';

export class PaymentRefundedV1 {
  @IsUUID()
  paymentId!: string;

  @IsUUID()
  orderId!: string;

  /** The provider's refund id (`re_…`), not a UUID. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  refundId!: string;

  /** This refund. */
  @ValidateNested()
  @Type(() => MoneySchema)
  amount!: MoneySchema;

  /** Every refund of the payment so far, this one included. */
  @ValidateNested()
  @Type(() => MoneySchema)
  totalRefunded!: MoneySchema;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export const paymentRefundedV1 = defineEvent({
  type: 'payment.refunded',
  version: 1,
  topic: TOPICS.payments,
  producer: 'payments',
  consumers: ['orders'],
  description:
    'Money went back to the customer, in full or in part: after a cancellation of a paid order, an admin refund or ' +
    "one made in the provider's dashboard. Orders adds it to the order's refunds.",
  payload: PaymentRefundedV1,
});
