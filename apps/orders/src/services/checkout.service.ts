import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { orderPlacedV1 } from '@galley/contracts';
import { OutboxWriter } from '@galley/messaging';
import { ORDERS_CONFIG, OrdersConfig } from '../config/orders-config';
import { ACTIVE_STATUSES } from '../domain/order-status';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';
import { workMinutesOf } from '../domain/kitchen-eta';
import { offSaleProblems, priceOrder, RequestedLine } from '../domain/pricing';
import { decideOrdering } from '../domain/store-hours';
import { OrdersStore } from '../repositories/orders-store';
import { DeliveryAddress, OrderLineRecord, OrderRecord } from '../repositories/orders.repository';
import { estimateFrom, kitchenSnapshot, QUEUE_ESTIMATED_STATUSES, snapshotOf } from './kitchen-eta';
import { detailsOf, OrderDetails } from './order-details';
import { OrderStatusWriter } from './order-status-writer';
import { StoreSettingsService } from './store-settings.service';

export interface PlaceOrderRequest {
  lines: RequestedLine[];
  fulfillment: { type: 'pickup' | 'delivery'; address?: DeliveryAddress };
  note?: string;
}

export interface PlacedOrder {
  order: OrderRecord;
  /** The order as its answer shows it, from what the placement wrote (a replay reads it back). */
  details: OrderDetails;
  /** True when an earlier request with the same Idempotency-Key made this order. */
  replayed: boolean;
}

// Serialises the capacity check of concurrent checkouts (only taken when a capacity is set).
const CAPACITY_LOCK_KEY = 0x6f726465; // 'orde'

/**
 * Placing an order: idempotency key, opening hours and capacity, server-side pricing, then the order, its first
 * history entry and `order.placed` in one transaction. Stock is not awaited: inventory answers with an event.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly store: OrdersStore,
    private readonly outbox: OutboxWriter,
    private readonly statuses: OrderStatusWriter,
    private readonly settings: StoreSettingsService,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  async place(customerId: string, request: PlaceOrderRequest, idempotencyKey?: string, now = new Date()): Promise<PlacedOrder> {
    if (request.fulfillment.type === 'delivery' && !request.fulfillment.address)
      throw new OrdersError(OrdersErrorCode.InvalidInput, 'fulfillment.address is required for delivery');
    if (request.fulfillment.type === 'pickup' && request.fulfillment.address)
      throw new OrdersError(OrdersErrorCode.InvalidInput, 'fulfillment.address is only for delivery orders');
    const orderId = randomUUID();
    return this.store.transaction(async (tx) => {
      if (idempotencyKey !== undefined) {
        const hash = requestHash(request);
        const holder = await tx.idempotency.claim(customerId, idempotencyKey, hash, orderId, this.config.IDEMPOTENCY_KEY_TTL_SECONDS);
        if (holder) {
          if (holder.requestHash !== hash) throw new OrdersError(OrdersErrorCode.IdempotencyKeyReused, 'this Idempotency-Key was used for a different order request');
          const original = await tx.orders.view(holder.orderId, QUEUE_ESTIMATED_STATUSES);
          if (original) return { order: original.order, details: detailsOf(original, now), replayed: true };
        }
      }
      const settings = await this.settings.current(tx, now);
      if (settings.kitchenCapacity !== null) await tx.sql.query('SELECT pg_advisory_xact_lock($1)', [CAPACITY_LOCK_KEY]);
      const active = settings.kitchenCapacity === null ? 0 : await tx.orders.countActive(ACTIVE_STATUSES);
      const ordering = decideOrdering(settings, now, active, settings.pausedUntil);
      if (!ordering.accepted) throw new OrdersError(OrdersErrorCode.StoreNotTakingOrders, ordering.reason, ordering.retryAt);

      const catalog = await tx.catalog.findMany([...new Set(request.lines.map((line) => line.productId))]);
      const offSale = offSaleProblems(request.lines, catalog);
      if (offSale.length > 0) throw new OrdersError(OrdersErrorCode.ProductOffSale, offSale.join('; '));
      const priced = priceOrder(request.lines, catalog, this.config.GALLEY_CURRENCY);
      if (!priced.ok) throw new OrdersError(OrdersErrorCode.InvalidInput, priced.problems.join('; '));

      const order: OrderRecord = {
        id: orderId,
        customerId,
        status: 'PENDING',
        total: priced.total,
        fulfillmentType: request.fulfillment.type,
        deliveryAddress: request.fulfillment.address ?? null,
        note: request.note ?? null,
        reservationId: null,
        reservationExpiresAt: null,
        paymentIntentId: null,
        paidAmount: 0,
        refundedAmount: 0,
        historyLength: 1,
        createdAt: now,
        updatedAt: now,
      };
      const lines: OrderLineRecord[] = priced.lines.map((line, index) => ({ ...line, lineNo: index + 1 }));
      await tx.orders.insert(order, lines);
      const placed = await this.statuses.recordPlaced(tx, order, customerId);
      await this.outbox.append(tx.sql, orderPlacedV1, {
        aggregateId: order.id,
        payload: {
          orderId: order.id,
          customerId,
          lines: priced.lines.map((line) => ({
            productId: line.productId,
            quantity: line.quantity,
            modifierOptionIds: line.modifiers.map((modifier) => modifier.id),
            unitPrice: line.unitPrice,
          })),
          total: priced.total,
          fulfillmentType: order.fulfillmentType,
        },
      });
      // The answer needs no read after the commit: the order is what was just written, and a PENDING order is not in
      // the kitchen's queue, so without a capacity its estimate is its own work from now (with one, the queue's end).
      const kitchen = settings.kitchenCapacity === null ? snapshotOf([], null, now) : await kitchenSnapshot(tx, now);
      const workMinutes = workMinutesOf(lines.map((line) => ({ quantity: line.quantity, preparationMinutes: catalog.get(line.productId)?.preparationMinutes ?? null })));
      const history = [placed];
      const estimatedReadyAt = estimateFrom(order, history, now, { kitchen, workMinutes });
      return { order, details: { order, lines, history, refunds: [], estimatedReadyAt }, replayed: false };
    });
  }
}

/** The same order request always hashes the same, whatever the key order of its JSON. */
export function requestHash(request: PlaceOrderRequest): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
