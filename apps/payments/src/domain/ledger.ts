/**
 * Double-entry bookkeeping of the money that moves through the provider. Every movement is one
 * ledger transaction of two entries whose signed amounts (debit positive, credit negative) sum to
 * zero; `provider_balance` is what the provider holds for the shop.
 */
export const LEDGER_ACCOUNTS = ['provider_balance', 'customer_payments', 'refunds', 'disputes'] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

export const LEDGER_KINDS = ['capture', 'refund', 'refund_reversal', 'dispute'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface Movement {
  kind: LedgerKind;
  /** Positive minor units. */
  amount: number;
  currency: string;
  /** The provider object the money moved with: charge or intent, refund, dispute id. */
  reference: string;
}

export interface LedgerEntryDraft {
  account: LedgerAccount;
  amount: number;
  currency: string;
  kind: LedgerKind;
  reference: string;
}

const COUNTER_ACCOUNT: Readonly<Record<LedgerKind, { account: LedgerAccount; balanceSign: 1 | -1 }>> = {
  // The customer paid: the provider holds more for us.
  capture: { account: 'customer_payments', balanceSign: 1 },
  // Money went back to the customer out of the balance.
  refund: { account: 'refunds', balanceSign: -1 },
  // A refund that had succeeded failed later: the provider put the money back.
  refund_reversal: { account: 'refunds', balanceSign: 1 },
  // The bank pulled the disputed amount out of the balance.
  dispute: { account: 'disputes', balanceSign: -1 },
};

/** The two entries of one movement. */
export function ledgerEntriesFor(movement: Movement): [LedgerEntryDraft, LedgerEntryDraft] {
  if (!Number.isSafeInteger(movement.amount) || movement.amount <= 0) {
    throw new Error(`a ${movement.kind} moves a positive integer amount, not ${movement.amount}`);
  }
  const { account, balanceSign } = COUNTER_ACCOUNT[movement.kind];
  const balance = balanceSign * movement.amount;
  const common = { currency: movement.currency, kind: movement.kind, reference: movement.reference };
  return [
    { account: 'provider_balance', amount: balance, ...common },
    { account, amount: -balance, ...common },
  ];
}

/** True when the entries sum to zero in every currency. */
export function isBalanced(entries: readonly { amount: number; currency: string }[]): boolean {
  const sums = new Map<string, number>();
  for (const entry of entries) sums.set(entry.currency, (sums.get(entry.currency) ?? 0) + entry.amount);
  return [...sums.values()].every((sum) => sum === 0);
}

export type AccountBalances = Readonly<Record<LedgerAccount, number>>;

/** What each account must hold for one payment, given what was captured, refunded and disputed. */
export function expectedBalances(payment: { captured: number; refunded: number; disputed: number }): AccountBalances {
  return {
    provider_balance: payment.captured - payment.refunded - payment.disputed,
    customer_payments: -payment.captured,
    refunds: payment.refunded,
    disputes: payment.disputed,
  };
}
