import type { Money } from '../../shared/format/money';
import type { AdminOrder, OrderLine, PaymentLine } from '../api/admin-client';

type Refund = AdminOrder['refunds'][number];
/** Payments' word on each line (what line refunds gave back and may still give), by line id. */
export type PaymentLines = readonly Pick<PaymentLine, 'lineId' | 'refundedQuantity' | 'refundableQuantity'>[] | undefined;

/** Refunds that took or will take money back (a failed one gave nothing back). */
export function countsAgainstTotal(refund: Pick<Refund, 'status'>): boolean {
  return refund.status !== 'failed' && refund.status !== 'canceled' && refund.status !== 'cancelled';
}

/** What can still be refunded: the total less every refund that succeeded or is on its way. */
export function refundable(order: Pick<AdminOrder, 'total' | 'refunds'>): Money {
  const taken = order.refunds.filter(countsAgainstTotal).reduce((sum, r) => sum + r.amount.amount, 0);
  return { amount: Math.max(0, order.total.amount - taken), currency: order.total.currency };
}

/** Items of a line a line refund may still give back: payments' count when it has one, else the whole line. */
export function refundableQuantity(line: Pick<OrderLine, 'id' | 'quantity'>, paymentLines?: PaymentLines): number {
  const known = paymentLines?.find((p) => p.lineId === line.id);
  return Math.max(0, Math.min(line.quantity, known ? known.refundableQuantity : line.quantity));
}

/** Items of a line line refunds already gave back (0 when payments does not say). */
export function refundedQuantity(line: Pick<OrderLine, 'id'>, paymentLines?: PaymentLines): number {
  return paymentLines?.find((p) => p.lineId === line.id)?.refundedQuantity ?? 0;
}

/** Chosen quantity per line index. */
export type LineChoice = Readonly<Record<number, number>>;

/**
 * The amount for the chosen lines (unit price includes the modifiers), capped at what is still
 * refundable; prefilled in the refund form, the server computes the same from `lines`.
 */
export function amountForLines(order: Pick<AdminOrder, 'lines' | 'total' | 'refunds'>, chosen: LineChoice, paymentLines?: PaymentLines): Money {
  let amount = 0;
  order.lines.forEach((line, index) => {
    const quantity = Math.min(chosen[index] ?? 0, refundableQuantity(line, paymentLines));
    amount += Math.max(0, quantity) * line.unitPrice.amount;
  });
  const left = refundable(order);
  return { amount: Math.min(amount, left.amount), currency: order.total.currency };
}

/** The `lines` body of a per-line refund (the server prices it), or null when nothing is chosen. */
export function refundLinesBody(order: Pick<AdminOrder, 'lines'>, chosen: LineChoice): { lineId: number; quantity: number }[] | null {
  const out: { lineId: number; quantity: number }[] = [];
  for (const [key, quantity] of Object.entries(chosen)) {
    if (!quantity) continue;
    const line = order.lines[Number(key)];
    if (!line) continue;
    out.push({ lineId: line.id, quantity });
  }
  return out.length ? out : null;
}

/** Why the refund form cannot be sent, or null. */
export function refundProblem(input: { mode: 'all' | 'lines'; amount: Money; reason: string; remaining: Money }): string | null {
  if (input.remaining.amount <= 0) return 'Nothing is left to refund on this order.';
  if (input.mode === 'lines' && input.amount.amount <= 0) return 'Choose at least one item to refund.';
  if (input.reason.trim().length === 0) return 'Give a reason for the refund.';
  return null;
}
