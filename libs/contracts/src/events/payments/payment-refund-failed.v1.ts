import { IsNotEmpty, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineEvent } from '../../contract';
import { MoneySchema } from '../../money';
import { TOPICS } from '../../topics';

export class PaymentRefundFailedV1 {
  @IsUUID()
  paymentId!: string;

  @IsUUID()
  orderId!: string;

  /** The refund that was asked for. */
  @ValidateNested()
  @Type(() => MoneySchema)
  amount!: MoneySchema;

  /** The provider's failure code or message. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export const paymentRefundFailedV1 = defineEvent({
  type: 'payment.refund_failed',
  version: 1,
  topic: TOPICS.payments,
  producer: 'payments',
  consumers: ['orders'],
  description: 'A refund the platform asked for was refused or failed at the provider. Orders flags the order ' + '`NEEDS_ATTENTION` so that staff settle it by hand.',
  payload: PaymentRefundFailedV1,
});
