import { expectedBalances } from './ledger';
import { DiscrepancyKind, findDiscrepancies, PaymentFacts } from './reconciliation';

function payment(overrides: Partial<PaymentFacts> = {}): PaymentFacts {
  const amounts = { captured: 1000, refunded: 0, disputed: 0, ...overrides };
  return {
    paymentId: 'p1',
    orderId: 'o1',
    currency: 'USD',
    pendingRefunds: 0,
    orderStatus: 'CONFIRMED',
    ledger: expectedBalances(amounts),
    ...amounts,
    ...overrides,
  };
}

const kinds = (payments: PaymentFacts[]): DiscrepancyKind[] => findDiscrepancies({ payments, unbalancedTransactions: [], stalePendingRefunds: [] }).map((d) => d.kind);

describe(findDiscrepancies.name, () => {
  it.each<[string, Partial<PaymentFacts>, DiscrepancyKind[]]>([
    ['a captured payment of a confirmed order', {}, []],
    ['a partly refunded payment', { refunded: 400 }, []],
    ['a fully refunded cancelled order', { refunded: 1000, orderStatus: 'CANCELLED' }, []],
    ['a cancelled order whose refund is under way', { pendingRefunds: 1000, orderStatus: 'CANCELLED' }, []],
    ['an uncaptured payment of a rejected order', { captured: 0, orderStatus: 'REJECTED' }, []],
    ['a disputed payment', { disputed: 1000 }, []],
    ['a captured payment of a cancelled order', { orderStatus: 'CANCELLED' }, ['unrefunded_cancelled_order']],
    ['a half refunded rejected order', { refunded: 500, orderStatus: 'REJECTED' }, ['unrefunded_cancelled_order']],
    ['a ledger missing the capture', { ledger: expectedBalances({ captured: 0, refunded: 0, disputed: 0 }) }, ['ledger_mismatch', 'ledger_mismatch']],
    ['a ledger missing a refund', { refunded: 300, ledger: expectedBalances({ captured: 1000, refunded: 0, disputed: 0 }) }, ['ledger_mismatch', 'ledger_mismatch']],
    ['refunds above the capture', { refunded: 1200 }, ['over_refunded']],
  ])('reports %s as %j', (_case, overrides, expected) => {
    expect(kinds([payment(overrides)])).toEqual(expected);
  });

  it('reports unbalanced transactions and refunds stuck pending', () => {
    const sut = findDiscrepancies({
      payments: [],
      unbalancedTransactions: [{ transactionId: 't1', paymentId: 'p1', sum: 7 }],
      stalePendingRefunds: [{ refundId: 'r1', paymentId: 'p1', orderId: 'o1', amount: 5, createdAt: new Date('2026-01-01T00:00:00Z') }],
    });
    expect(sut.map((d) => [d.kind, d.message])).toEqual([
      ['unbalanced_transaction', 'ledger transaction t1 sums to 7, not 0'],
      ['refund_stuck_pending', 'order o1: refund r1 of 5 pending since 2026-01-01T00:00:00.000Z'],
    ]);
  });
});
