import { OrderStatus } from './order-status';

/** The facts from inventory and payments that move an order, with the data the saga records from them. */
export type SagaFact =
  | { kind: 'stock-reserved'; reservationId: string; expiresAt: Date }
  | { kind: 'stock-rejected'; shortLines: { productId: string; requested: number; available: number }[] }
  | { kind: 'reservation-expired' }
  | { kind: 'payment-succeeded'; amount: number; paymentIntentId: string }
  | { kind: 'payment-failed'; reason: string }
  | { kind: 'payment-disputed'; reason: string }
  | { kind: 'refund-failed'; reason: string };

export type SagaDecision = { action: 'none'; why: string } | { action: 'move'; to: OrderStatus; reason: string; refundRequired?: boolean };

/** What the saga writes on the order from a fact, before it decides on a move (the move's events carry it). */
export type SagaRecord = { kind: 'reservation'; reservationId: string; expiresAt: Date } | { kind: 'payment'; paidAmount: number; paymentIntentId: string };

const PAID_OR_LATER: readonly OrderStatus[] = ['CONFIRMED', 'PREPARING', 'READY', 'COMPLETED'];

/**
 * What the saga records on an order in `status` from `fact`. A reservation belongs to a pending order only: one
 * that arrives after the order was cancelled or rejected is not the order's (inventory releases it on the
 * cancellation). Money taken is recorded whatever the status, since a refund must know it.
 */
export function sagaRecord(status: OrderStatus, fact: SagaFact): SagaRecord | undefined {
  switch (fact.kind) {
    case 'stock-reserved':
      return status === 'PENDING' ? { kind: 'reservation', reservationId: fact.reservationId, expiresAt: fact.expiresAt } : undefined;
    case 'payment-succeeded':
      return { kind: 'payment', paidAmount: fact.amount, paymentIntentId: fact.paymentIntentId };
    default:
      return undefined;
  }
}

/**
 * What the saga does with a fact for an order in `status`. Facts arrive at least once and, across topics, in any
 * order; a fact that was already applied or no longer matters is `none`, and a contradiction (money taken for an
 * order that will not be fulfilled) flags the order `NEEDS_ATTENTION`, asking payments for a refund where the money
 * must go back.
 */
export function sagaDecision(status: OrderStatus, fact: SagaFact): SagaDecision {
  switch (fact.kind) {
    case 'stock-reserved':
      return status === 'PENDING' ? { action: 'move', to: 'AWAITING_PAYMENT', reason: 'stock reserved' } : none(status, fact);
    case 'stock-rejected':
      return status === 'PENDING' ? { action: 'move', to: 'REJECTED', reason: `stock short: ${describeShortLines(fact.shortLines)}` } : none(status, fact);
    case 'reservation-expired':
      if (status === 'AWAITING_PAYMENT') return { action: 'move', to: 'CANCELLED', reason: 'reservation expired before payment' };
      // Payment reached orders first, but inventory released the stock before it saw the payment.
      if (PAID_OR_LATER.includes(status))
        return { action: 'move', to: 'NEEDS_ATTENTION', reason: 'paid, but the stock reservation expired before the sale was recorded; refunding', refundRequired: true };
      return none(status, fact);
    case 'payment-succeeded':
      if (status === 'AWAITING_PAYMENT') return { action: 'move', to: 'CONFIRMED', reason: 'payment succeeded' };
      if (status === 'CANCELLED' || status === 'REJECTED')
        return { action: 'move', to: 'NEEDS_ATTENTION', reason: `paid after the order was ${status.toLowerCase()}; refunding automatically`, refundRequired: true };
      return none(status, fact);
    case 'payment-failed':
      return status === 'AWAITING_PAYMENT' ? { action: 'move', to: 'CANCELLED', reason: `payment failed: ${fact.reason}` } : none(status, fact);
    case 'payment-disputed':
      return status === 'NEEDS_ATTENTION' || status === 'PENDING' ? none(status, fact) : { action: 'move', to: 'NEEDS_ATTENTION', reason: `payment disputed: ${fact.reason}` };
    case 'refund-failed':
      return status === 'NEEDS_ATTENTION' || status === 'PENDING' ? none(status, fact) : { action: 'move', to: 'NEEDS_ATTENTION', reason: `refund failed: ${fact.reason}` };
  }
}

function none(status: OrderStatus, fact: SagaFact): SagaDecision {
  return { action: 'none', why: `${fact.kind} changes nothing for an order in ${status}` };
}

export function describeShortLines(lines: readonly { productId: string; requested: number; available: number }[]): string {
  return lines.map((line) => `${line.productId} (requested ${line.requested}, available ${line.available})`).join(', ');
}
