export interface RequestedLine {
  productId: string;
  quantity: number;
}

/** What can be sold of a product now; undefined when it is unknown, archived or off sale. */
export type AvailableStock = ReadonlyMap<string, number>;

export interface ShortLine {
  productId: string;
  requested: number;
  available: number;
}

export type ReservationDecision = { kind: 'reserve'; lines: RequestedLine[] } | { kind: 'reject'; shortLines: ShortLine[] };

/** One line per product (an order may name a product twice), in product id order: the lock order. */
export function mergeLines(lines: readonly RequestedLine[]): RequestedLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.productId, (totals.get(line.productId) ?? 0) + line.quantity);
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([productId, quantity]) => ({ productId, quantity }));
}

/**
 * All or nothing: reserve every line when each has enough available stock, otherwise reject with
 * every short line (an unknown, archived or off-sale product is short with 0 available).
 */
export function decideReservation(lines: readonly RequestedLine[], available: AvailableStock): ReservationDecision {
  const merged = mergeLines(lines);
  const shortLines = merged
    .map((line) => ({ productId: line.productId, requested: line.quantity, available: Math.max(0, available.get(line.productId) ?? 0) }))
    .filter((line) => line.available < line.requested);
  return shortLines.length > 0 ? { kind: 'reject', shortLines } : { kind: 'reserve', lines: merged };
}
