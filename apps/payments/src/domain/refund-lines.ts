/** One priced line of an order as payments keeps it from `order.placed` (line ids are 1, 2, … in the order's order). */
export interface PricedLine {
  lineId: number;
  quantity: number;
  /** Minor units per item, modifiers included. */
  unitPrice: number;
}

/** A line (or part of it) staff chose to refund. */
export interface RefundLine {
  lineId: number;
  quantity: number;
}

export type LinesAmount = { ok: true; amount: number } | { ok: false; kind: 'invalid' | 'exceeds'; problem: string };

/**
 * What refunding these lines is worth: Σ unit price (modifiers included) × quantity, computed from the order's own
 * lines. A line may be refunded in parts across several refunds, never beyond the quantity ordered less what
 * earlier line refunds (done or under way) already gave back.
 */
export function amountForLines(lines: readonly PricedLine[], alreadyRefunded: ReadonlyMap<number, number>, chosen: readonly RefundLine[]): LinesAmount {
  if (chosen.length === 0) return { ok: false, kind: 'invalid', problem: 'lines must name at least one line' };
  const byId = new Map(lines.map((line) => [line.lineId, line]));
  const seen = new Set<number>();
  let amount = 0;
  for (const pick of chosen) {
    if (seen.has(pick.lineId)) return { ok: false, kind: 'invalid', problem: `line ${pick.lineId} is named twice` };
    seen.add(pick.lineId);
    const line = byId.get(pick.lineId);
    if (!line) return { ok: false, kind: 'invalid', problem: `the order has no line ${pick.lineId}` };
    const left = line.quantity - (alreadyRefunded.get(pick.lineId) ?? 0);
    if (pick.quantity > left) {
      return { ok: false, kind: 'exceeds', problem: `line ${pick.lineId}: ${pick.quantity} to refund but only ${left} of ${line.quantity} left to refund` };
    }
    amount += line.unitPrice * pick.quantity;
  }
  return { ok: true, amount };
}

/** Quantities per line already given back by earlier line refunds. */
export function refundedQuantities(refunds: readonly (readonly RefundLine[])[]): Map<number, number> {
  const totals = new Map<number, number>();
  for (const lines of refunds) for (const line of lines) totals.set(line.lineId, (totals.get(line.lineId) ?? 0) + line.quantity);
  return totals;
}

/** How much of one order line line refunds have given back, and how much more they still may. */
export interface LineRefundState {
  lineId: number;
  quantity: number;
  refundedQuantity: number;
  refundableQuantity: number;
}

/**
 * Per line: the items already given back by line refunds (done or under way) and those a line refund may still
 * take, which is what `amountForLines` accepts: the rest of the line, or none once nothing at all is refundable
 * (a refund of the whole amount leaves no line to offer).
 */
export function lineRefundStates(lines: readonly PricedLine[], alreadyRefunded: ReadonlyMap<number, number>, refundableAmount: number): LineRefundState[] {
  return lines.map((line) => {
    const refundedQuantity = Math.min(line.quantity, alreadyRefunded.get(line.lineId) ?? 0);
    return { lineId: line.lineId, quantity: line.quantity, refundedQuantity, refundableQuantity: refundableAmount > 0 ? line.quantity - refundedQuantity : 0 };
  });
}
