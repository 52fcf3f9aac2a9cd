import { AccountBalances, expectedBalances, LEDGER_ACCOUNTS } from './ledger';

/** One payment as the reconciliation sees it: its recorded amounts, its ledger and its order's state. */
export interface PaymentFacts {
  paymentId: string;
  orderId: string;
  currency: string;
  captured: number;
  /** Sum of succeeded refunds. */
  refunded: number;
  pendingRefunds: number;
  disputed: number;
  ledger: AccountBalances;
  /** The order status payments learned from order events; null when it never heard of the order. */
  orderStatus: string | null;
}

export interface UnbalancedTransaction {
  transactionId: string;
  paymentId: string;
  sum: number;
}

export interface StalePendingRefund {
  refundId: string;
  paymentId: string;
  orderId: string;
  amount: number;
  createdAt: Date;
}

export const DISCREPANCY_KINDS = ['ledger_mismatch', 'over_refunded', 'unrefunded_cancelled_order', 'unbalanced_transaction', 'refund_stuck_pending'] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

export interface Discrepancy {
  kind: DiscrepancyKind;
  paymentId: string;
  orderId?: string;
  message: string;
}

/** Orders that must not keep the customer's money. */
const CLOSED_WITHOUT_SALE = new Set(['CANCELLED', 'REJECTED']);

/** Every difference between the ledger, the payments and the orders' states; empty when all agree. */
export function findDiscrepancies(input: {
  payments: readonly PaymentFacts[];
  unbalancedTransactions: readonly UnbalancedTransaction[];
  stalePendingRefunds: readonly StalePendingRefund[];
}): Discrepancy[] {
  const found: Discrepancy[] = [];
  for (const payment of input.payments) {
    const at = { paymentId: payment.paymentId, orderId: payment.orderId };
    const expected = expectedBalances(payment);
    for (const account of LEDGER_ACCOUNTS) {
      if (payment.ledger[account] !== expected[account]) {
        found.push({
          kind: 'ledger_mismatch',
          ...at,
          message:
            `order ${payment.orderId}: ledger ${account} is ${payment.ledger[account]} ${payment.currency}, expected ${expected[account]} ` +
            `(captured ${payment.captured} - refunded ${payment.refunded} - disputed ${payment.disputed})`,
        });
      }
    }
    if (payment.refunded > payment.captured) {
      found.push({ kind: 'over_refunded', ...at, message: `order ${payment.orderId}: refunded ${payment.refunded} of ${payment.captured} ${payment.currency} captured` });
    }
    const kept = payment.captured - payment.refunded - payment.disputed - payment.pendingRefunds;
    if (payment.orderStatus !== null && CLOSED_WITHOUT_SALE.has(payment.orderStatus) && kept > 0) {
      found.push({
        kind: 'unrefunded_cancelled_order',
        ...at,
        message: `order ${payment.orderId} is ${payment.orderStatus} but ${kept} ${payment.currency} captured for it was not refunded`,
      });
    }
  }
  for (const tx of input.unbalancedTransactions) {
    found.push({ kind: 'unbalanced_transaction', paymentId: tx.paymentId, message: `ledger transaction ${tx.transactionId} sums to ${tx.sum}, not 0` });
  }
  for (const refund of input.stalePendingRefunds) {
    found.push({
      kind: 'refund_stuck_pending',
      paymentId: refund.paymentId,
      orderId: refund.orderId,
      message: `order ${refund.orderId}: refund ${refund.refundId} of ${refund.amount} pending since ${refund.createdAt.toISOString()}`,
    });
  }
  return found;
}
