export interface StockLevel {
  productId: string;
  onHand: number;
  reserved: number;
  /** Low at or below this many available units; null: never shown as low. */
  lowStockThreshold: number | null;
}

/** What can still be sold. */
export function availableOf(level: Pick<StockLevel, 'onHand' | 'reserved'>): number {
  return level.onHand - level.reserved;
}

/** Whether staff should see the product as low on stock: available at or below its threshold (none: never). */
export function isLowOnStock(level: Pick<StockLevel, 'onHand' | 'reserved' | 'lowStockThreshold'>): boolean {
  return level.lowStockThreshold !== null && availableOf(level) <= level.lowStockThreshold;
}

/** The most units one product can have on hand (the column is a 32-bit integer). */
export const MAX_ON_HAND = 1_000_000_000;

export type AdjustmentResult = { ok: true; onHand: number } | { ok: false; reason: string };

/** An adjustment may not take `onHand` below zero, nor below what is reserved for orders. */
export function applyAdjustment(level: Pick<StockLevel, 'onHand' | 'reserved'>, delta: number): AdjustmentResult {
  const onHand = level.onHand + delta;
  if (onHand < 0) return { ok: false, reason: `onHand would become ${onHand}; it cannot go below 0` };
  if (onHand > MAX_ON_HAND) return { ok: false, reason: `onHand would become ${onHand}, above the limit of ${MAX_ON_HAND}` };
  if (onHand < level.reserved) return { ok: false, reason: `onHand would become ${onHand}, below the ${level.reserved} reserved for orders` };
  return { ok: true, onHand };
}
