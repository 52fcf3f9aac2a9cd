import { stockChangedV1 } from '@galley/contracts';
import { OutboxWriter } from '@galley/messaging';
import { availableOf, StockLevel } from '../domain/stock-level';
import { InventoryTransaction } from '../repositories/inventory-store';

/** Announces the levels after a change (one stock.changed per product) in the caller's transaction. */
export async function announceLevels(outbox: OutboxWriter, tx: InventoryTransaction, levels: readonly StockLevel[]): Promise<void> {
  await outbox.appendAll(
    tx.sql,
    stockChangedV1,
    levels.map((level) => ({
      aggregateId: level.productId,
      payload: { productId: level.productId, onHand: level.onHand, reserved: level.reserved, available: availableOf(level) },
    })),
  );
}
