import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@galley/messaging';
import { InventoryError, InventoryErrorCode } from '../domain/inventory-error';
import { applyAdjustment, StockLevel } from '../domain/stock-level';
import { InventoryStore, InventoryTransaction } from '../repositories/inventory-store';
import { MovementRecord } from '../repositories/stock.repository';
import { announceLevels } from './stock-events';

export interface StockAdjustment {
  delta: number;
  reason: string;
  actorId: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Stock levels as staff see them, and adjustments with their audit log. */
@Injectable()
export class StockService {
  constructor(
    private readonly store: InventoryStore,
    private readonly outbox: OutboxWriter,
  ) {}

  async list(query: { limit: number; cursor?: string }): Promise<Page<StockLevel>> {
    if (query.cursor !== undefined && !UUID.test(query.cursor)) throw invalidCursor();
    const rows = await this.store.read.stock.list({ after: query.cursor, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].productId : null };
  }

  async get(productId: string): Promise<StockLevel> {
    return (await this.store.read.stock.find(productId)) ?? productNotFound();
  }

  /** Applies `delta` to `onHand` (409 below 0 or below what is reserved), logs it, announces it. */
  adjust(productId: string, change: StockAdjustment): Promise<StockLevel> {
    return this.store.transaction((tx) => this.adjustIn(tx, productId, change));
  }

  /** An adjustment inside the caller's transaction (`actorId` null: the system, e.g. the demo menu). */
  async adjustIn(tx: InventoryTransaction, productId: string, change: StockAdjustment): Promise<StockLevel> {
    const [level] = await tx.stock.lockMany([productId]);
    if (!level) productNotFound();
    const result = applyAdjustment(level, change.delta);
    if (!result.ok) throw new InventoryError(InventoryErrorCode.InsufficientStock, result.reason);
    const updated = await tx.stock.setOnHand(productId, result.onHand);
    await tx.stock.addMovements([
      { productId, kind: 'adjustment', delta: change.delta, reason: change.reason, actorId: change.actorId, orderId: null, onHandAfter: updated.onHand },
    ]);
    await announceLevels(this.outbox, tx, [updated]);
    return updated;
  }

  /** The level at or below which the product shows as low on stock (null: never). */
  async setThreshold(productId: string, lowStockThreshold: number | null): Promise<StockLevel> {
    return (await this.store.read.stock.setThreshold(productId, lowStockThreshold)) ?? productNotFound();
  }

  async movements(productId: string, query: { limit: number; cursor?: string }): Promise<Page<MovementRecord>> {
    await this.get(productId);
    if (query.cursor !== undefined && !/^[1-9][0-9]{0,17}$/.test(query.cursor)) throw invalidCursor();
    const rows = await this.store.read.stock.movements(productId, { before: query.cursor, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalidCursor(): InventoryError {
  return new InventoryError(InventoryErrorCode.InvalidCursor, 'cursor is not a cursor this list returned');
}

function productNotFound(): never {
  throw new InventoryError(InventoryErrorCode.ProductNotFound, 'No such product');
}
