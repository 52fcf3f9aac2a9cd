import { expectedBalances, isBalanced, ledgerEntriesFor, LedgerKind } from './ledger';

describe(ledgerEntriesFor.name, () => {
  it.each<[LedgerKind, string, number, number]>([
    ['capture', 'customer_payments', 1200, -1200],
    ['refund', 'refunds', -1200, 1200],
    ['refund_reversal', 'refunds', 1200, -1200],
    ['dispute', 'disputes', -1200, 1200],
  ])('books a %s against %s (balance %i, counter %i)', (kind, counter, balance, counterAmount) => {
    const sut = ledgerEntriesFor({ kind, amount: 1200, currency: 'USD', reference: 'ref_1' });
    expect(sut).toEqual([
      { account: 'provider_balance', amount: balance, currency: 'USD', kind, reference: 'ref_1' },
      { account: counter, amount: counterAmount, currency: 'USD', kind, reference: 'ref_1' },
    ]);
    expect(isBalanced(sut)).toBe(true);
  });

  it.each([0, -5, 1.5])('refuses to book %p', (amount) => {
    expect(() => ledgerEntriesFor({ kind: 'capture', amount, currency: 'USD', reference: 'ch_1' })).toThrow('positive integer');
  });
});

describe(isBalanced.name, () => {
  it.each<[string, { amount: number; currency: string }[], boolean]>([
    ['no entries', [], true],
    [
      'a matching pair',
      [
        { amount: 5, currency: 'USD' },
        { amount: -5, currency: 'USD' },
      ],
      true,
    ],
    ['an unmatched entry', [{ amount: 5, currency: 'USD' }], false],
    [
      'a pair in two currencies',
      [
        { amount: 5, currency: 'USD' },
        { amount: -5, currency: 'EUR' },
      ],
      false,
    ],
    [
      'pairs per currency',
      [
        { amount: 5, currency: 'USD' },
        { amount: -5, currency: 'USD' },
        { amount: 2, currency: 'EUR' },
        { amount: -2, currency: 'EUR' },
      ],
      true,
    ],
  ])('says %s is %p', (_case, entries, expected) => {
    expect(isBalanced(entries)).toBe(expected);
  });
});

describe(expectedBalances.name, () => {
  it('keeps what was captured, less refunds and disputes, at the provider', () => {
    expect(expectedBalances({ captured: 1000, refunded: 300, disputed: 200 })).toEqual({
      provider_balance: 500,
      customer_payments: -1000,
      refunds: 300,
      disputes: 200,
    });
  });
});
