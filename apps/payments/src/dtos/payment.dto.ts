import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Int, NestedList, Text, Uuid } from '@galley/platform';
import { LineRefundState } from '../domain/refund-lines';
import { PaymentStatus, REFUND_STATUSES, RefundStatus, PAYMENT_STATUSES } from '../domain/payment-status';
import { PaymentRecord } from '../repositories/payments.repository';
import { RefundRecord } from '../repositories/refunds.repository';

export class MoneyResponse {
  @ApiProperty({ type: 'integer', example: 2450, description: 'Integer minor units' }) amount: number;
  @ApiProperty({ example: 'USD' }) currency: string;
}

export class RefundResponse {
  @ApiProperty({ description: "The provider's refund id (re_…) once known, else Galley's refund id" }) id: string;
  @ApiProperty({ type: MoneyResponse }) amount: MoneyResponse;
  @ApiProperty({ enum: REFUND_STATUSES }) status: RefundStatus;
  @ApiPropertyOptional({ description: 'Why the refund was made' }) reason?: string;
  @ApiPropertyOptional({ description: 'Why the provider refused it (status failed)' }) failureReason?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PaymentLineResponse {
  @ApiProperty({ type: 'integer', example: 1, description: "The order line's id (`lines[].id` of the order)" }) lineId: number;
  @ApiProperty({ type: 'integer', example: 2, description: 'Items ordered on the line' }) quantity: number;
  @ApiProperty({ type: 'integer', example: 1, description: 'Items given back by line refunds that succeeded or are under way' }) refundedQuantity: number;
  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Items a line refund may still give back: the rest of the line, or 0 once nothing of the payment is refundable',
  })
  refundableQuantity: number;
}

export class PaymentResponse {
  @ApiProperty({ example: 'pi_3PQ…', description: "The provider's PaymentIntent id" }) paymentIntentId: string;
  @ApiProperty({ example: 'pi_3PQ…_secret_…', description: 'Confirms the payment in the browser (Stripe.js)' }) clientSecret: string;
  @ApiProperty({ enum: PAYMENT_STATUSES }) status: PaymentStatus;
  @ApiProperty({ type: MoneyResponse }) amount: MoneyResponse;
  @ApiProperty({ type: [RefundResponse] }) refunds: RefundResponse[];
  @ApiProperty({ type: [PaymentLineResponse], description: "Per order line, what line refunds gave back and may still give; empty when payments does not know the order's lines" })
  lines: PaymentLineResponse[];
}

export class RefundLineRequest {
  @Int({ min: 1, max: 1000, example: 1, description: "The order line's id (`lines[].id` of the order)" }) lineId: number;

  @Int({ min: 1, max: 1000, example: 1, description: "How many of the line's items to refund" }) quantity: number;
}

export class RefundRequestBody {
  @NestedList(() => RefundLineRequest, {
    optional: true,
    minItems: 1,
    maxItems: 100,
    description:
      "Refund chosen lines instead of an amount: the amount is computed from the order's own priced lines (unit price with modifiers × " +
      'quantity), never more than is left refundable nor more of a line than was ordered less earlier line refunds. Not with amount.',
  })
  lines?: RefundLineRequest[];

  @ApiPropertyOptional({
    oneOf: [
      { type: 'integer', minimum: 1, example: 500 },
      { type: 'object', required: ['amount', 'currency'], properties: { amount: { type: 'integer', minimum: 1 }, currency: { type: 'string', example: 'USD' } } },
    ],
    description: 'Integer minor units of the store currency, or {amount, currency}; omitted (and no lines) refunds everything still refundable',
  })
  @IsOptional()
  amount?: unknown;

  @Text({ max: 500, example: 'customer complaint' }) reason: string;
}

export class SimulateRequest {
  @Uuid() orderId: string;

  @ApiProperty({ enum: ['succeeded', 'failed'] })
  @IsIn(['succeeded', 'failed'])
  outcome: 'succeeded' | 'failed';
}

export class SimulateResponse {
  @ApiProperty({ example: 'evt_sim_…' }) eventId: string;
  @ApiProperty({ example: 'applied', description: 'What the simulated webhook did' }) outcome: string;
}

export class WebhookResponse {
  @ApiProperty() received: boolean;
  @ApiProperty({ description: 'True when this event id was processed before (no second effect)' }) duplicate: boolean;
}

export function mapRefund(refund: RefundRecord): RefundResponse {
  return {
    id: refund.providerRefundId ?? refund.id,
    amount: { amount: refund.amount, currency: refund.currency },
    status: refund.status,
    ...(refund.reason ? { reason: refund.reason } : {}),
    ...(refund.failureReason ? { failureReason: refund.failureReason } : {}),
    createdAt: refund.createdAt.toISOString(),
  };
}

export function mapPayment(payment: PaymentRecord, refunds: readonly RefundRecord[], lines: readonly LineRefundState[]): PaymentResponse {
  return {
    paymentIntentId: payment.intentId,
    clientSecret: payment.clientSecret,
    status: payment.status,
    amount: { amount: payment.amount, currency: payment.currency },
    refunds: refunds.map(mapRefund),
    lines: lines.map(({ lineId, quantity, refundedQuantity, refundableQuantity }) => ({ lineId, quantity, refundedQuantity, refundableQuantity })),
  };
}
