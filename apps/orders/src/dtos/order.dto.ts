import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { Money } from '@galley/contracts';
import { Int, NestedList, PageQuery, Text, Uuid } from '@galley/platform';
import { MAX_LINE_QUANTITY } from '../domain/pricing';
import { listStatuses, ORDER_STATUSES, OrderStatus, statusesLeadingTo } from '../domain/order-status';
import { OrderDetails } from '../services/order-details';
import { STAFF_STATUSES, StaffStatus } from '../services/orders.service';
import { HistoryEntry, OrderRecord } from '../repositories/orders.repository';

export class OrderLineRequest {
  @Uuid() productId: string;
  @Int({ min: 1, max: MAX_LINE_QUANTITY }) quantity: number;

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', format: 'uuid' }, description: 'Ids of the chosen modifier options (size, extras, …)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  modifierOptionIds?: string[];
}

export class DeliveryAddressDto {
  @Text({ max: 200, example: '12 Harbour Street' }) line1: string;
  @Text({ max: 200, optional: true, allowEmpty: true, example: 'Flat 3' }) line2?: string;
  @Text({ max: 100, example: 'Bristol' }) city: string;
  @Text({ max: 20, example: 'BS1 4RN' }) postalCode: string;

  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as GB' })
  country: string;
}

export class FulfillmentRequest {
  @ApiProperty({ enum: ['pickup', 'delivery'] })
  @IsIn(['pickup', 'delivery'])
  type: 'pickup' | 'delivery';

  @ApiPropertyOptional({ type: DeliveryAddressDto, description: 'Required for delivery' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeliveryAddressDto)
  address?: DeliveryAddressDto;
}

export class PlaceOrderRequestDto {
  @NestedList(() => OrderLineRequest, { minItems: 1, maxItems: 100 }) lines: OrderLineRequest[];

  @ApiProperty({ type: FulfillmentRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => FulfillmentRequest)
  fulfillment: FulfillmentRequest;

  @Text({ max: 500, optional: true, allowEmpty: true }) note?: string;

  // Accepted and ignored (prices and totals are always computed on the server): not part of the documented contract.
  @ApiHideProperty()
  @IsOptional()
  @Allow()
  total?: unknown;
}

export class CancelOrderRequest {
  @Text({ max: 500, optional: true }) reason?: string;
}

export class StaffStatusRequest {
  @ApiProperty({
    enum: STAFF_STATUSES,
    description: `Moves follow the order state machine; CANCELLED from ${listStatuses(statusesLeadingTo('CANCELLED', 'staff'))} (only this settles a NEEDS_ATTENTION order)`,
  })
  @IsIn(STAFF_STATUSES)
  status: StaffStatus;

  @Text({ max: 500, optional: true }) reason?: string;
}

export class OrderListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;
}

/** Staff's list: also a search by the start of the order id (what a receipt or the board shows). */
export class AdminOrderListQuery extends OrderListQuery {
  @ApiPropertyOptional({ example: '3f2a9c', description: 'The first characters of the order id (hex digits and dashes, 1 to 36)' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-fA-F-]{1,36}$/, { message: 'q must be the start of an order id (hex digits and dashes)' })
  q?: string;
}

export class DashboardQuery {
  @ApiPropertyOptional({ example: '2026-03-02', description: "A day in the store's time zone (YYYY-MM-DD); today when omitted" })
  @IsOptional()
  @IsString()
  date?: string;
}

class MoneyResponse implements Money {
  @ApiProperty({ type: 'integer', example: 1250, description: 'Integer minor units' }) amount: number;
  @ApiProperty({ example: 'USD' }) currency: string;
}

class ModifierResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Size' }) group: string;
  @ApiProperty({ example: 'Large' }) name: string;
  @ApiProperty({ type: MoneyResponse }) priceDelta: MoneyResponse;
}

class OrderLineResponse {
  @ApiProperty({ type: 'integer', example: 1, description: "The line's id within the order (1, 2, …): what a refund of chosen lines names as lineId" })
  id: number;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty() name: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ type: [ModifierResponse] }) modifiers: ModifierResponse[];
  @ApiProperty({ type: MoneyResponse }) unitPrice: MoneyResponse;
  @ApiProperty({ type: MoneyResponse }) lineTotal: MoneyResponse;
}

export class HistoryEntryResponse {
  @ApiProperty({ description: 'Position in the history from 1; the SSE event id' }) sequence: number;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['saga', 'customer', 'staff'] }) actor: string;
  @ApiPropertyOptional({ description: 'The event that caused the change' }) causeEventType?: string;
}

class RefundResponse {
  @ApiProperty() id: string;
  @ApiProperty({ type: MoneyResponse }) amount: MoneyResponse;
  @ApiProperty({ example: 'succeeded' }) status: string;
  @ApiPropertyOptional() reason?: string;
}

class FulfillmentResponse {
  @ApiProperty({ enum: ['pickup', 'delivery'] }) type: string;
  @ApiPropertyOptional({ type: DeliveryAddressDto }) address?: DeliveryAddressDto;
}

export class OrderSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty({ type: MoneyResponse }) total: MoneyResponse;
  @ApiProperty({ type: FulfillmentResponse }) fulfillment: FulfillmentResponse;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class OrderResponse extends OrderSummaryResponse {
  @ApiProperty({ type: [OrderLineResponse] }) lines: OrderLineResponse[];
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional({ description: "The provider's PaymentIntent id once it exists" }) paymentIntentId?: string;
  @ApiProperty({ type: [HistoryEntryResponse] }) history: HistoryEntryResponse[];
  @ApiProperty({ type: [RefundResponse] }) refunds: RefundResponse[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-03-02T12:25:00.000Z',
    description:
      "The kitchen's estimate of when the order will be ready (from the queue ahead of it, each item's preparation time and the kitchen's " +
      'capacity); for a READY order, when it became ready; null once the order is completed, cancelled, rejected or needs attention. ' +
      'It moves as the kitchen moves tickets: the live stream sends `event: eta` with `{orderId, estimatedReadyAt}`.',
  })
  estimatedReadyAt: string | null;
}

export class OrderListResponse {
  @ApiProperty({ type: [OrderSummaryResponse] }) items: OrderSummaryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function mapOrderSummary(order: OrderRecord): OrderSummaryResponse {
  return {
    id: order.id,
    customerId: order.customerId,
    status: order.status,
    total: order.total,
    fulfillment: { type: order.fulfillmentType, ...(order.deliveryAddress ? { address: order.deliveryAddress } : {}) },
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

export function mapHistoryEntry(entry: HistoryEntry): HistoryEntryResponse {
  return {
    sequence: entry.sequence,
    status: entry.status,
    at: new Date(entry.at).toISOString(),
    reason: entry.reason,
    actor: entry.actor,
    ...(entry.causeEventType ? { causeEventType: entry.causeEventType } : {}),
  };
}

export function mapOrder(details: OrderDetails): OrderResponse {
  const { order } = details;
  return {
    ...mapOrderSummary(order),
    lines: details.lines.map((line) => ({
      id: line.lineNo,
      productId: line.productId,
      name: line.name,
      quantity: line.quantity,
      modifiers: line.modifiers.map((modifier) => ({ id: modifier.id, group: modifier.groupName, name: modifier.name, priceDelta: modifier.priceDelta })),
      unitPrice: line.unitPrice,
      lineTotal: line.lineTotal,
    })),
    ...(order.note ? { note: order.note } : {}),
    ...(order.paymentIntentId ? { paymentIntentId: order.paymentIntentId } : {}),
    history: details.history.map(mapHistoryEntry),
    refunds: details.refunds.map((refund) => ({ id: refund.refundId, amount: refund.amount, status: refund.status, ...(refund.reason ? { reason: refund.reason } : {}) })),
    estimatedReadyAt: details.estimatedReadyAt?.toISOString() ?? null,
  };
}

class TopItemResponse {
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ example: 'Margherita' }) name: string;
  @ApiProperty({ type: 'integer', example: 12 }) quantity: number;
}

class HourCountResponse {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 23, example: 12 }) hour: number;
  @ApiProperty({ type: 'integer', example: 4 }) orders: number;
}

export class DashboardSummaryResponse {
  @ApiProperty({ example: '2026-03-02' }) date: string;
  @ApiProperty({ example: 'Europe/Berlin', description: "The store's time zone the day and hours are in" }) timeZone: string;
  @ApiProperty({ type: 'integer', example: 42, description: 'Orders placed that day that were paid' }) orders: number;
  @ApiProperty({ type: MoneyResponse, description: 'What those orders paid, less refunds' }) revenue: MoneyResponse;
  @ApiProperty({ type: 'number', nullable: true, example: 754, description: 'Mean seconds from CONFIRMED to READY over those orders; null when none is ready yet' })
  averageConfirmedToReadySeconds: number | null;
  @ApiProperty({ type: [TopItemResponse], description: 'The five products sold most that day' }) topItems: TopItemResponse[];
  @ApiProperty({ type: [HourCountResponse], description: 'Every hour 0–23 of the store day with its orders' }) byHour: HourCountResponse[];
}
