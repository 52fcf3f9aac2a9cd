import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { queryRows } from '@galley/platform';
import { AccountBalances, LedgerEntryDraft } from '../domain/ledger';

/** Queries on `payments.ledger_entries` (append-only); no rules. */
export class LedgerRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Books the entries as one ledger transaction; false when this movement was booked before (the
   * unique movement key), so a repeated observation never books money twice.
   */
  async post(paymentId: string, entries: readonly LedgerEntryDraft[]): Promise<boolean> {
    const transactionId = randomUUID();
    const rows = await queryRows(
      this.manager,
      `INSERT INTO payments.ledger_entries (transaction_id, payment_id, account, amount, currency, kind, reference)
       SELECT $1, $2, * FROM unnest($3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[])
       ON CONFLICT (kind, reference, account) DO NOTHING RETURNING id`,
      [
        transactionId,
        paymentId,
        entries.map((e) => e.account),
        entries.map((e) => e.amount),
        entries.map((e) => e.currency),
        entries.map((e) => e.kind),
        entries.map((e) => e.reference),
      ],
    );
    if (rows.length !== 0 && rows.length !== entries.length) {
      // Half a movement already booked can only come from a corrupted ledger: refuse rather than guess.
      throw new Error(`ledger movement ${entries[0]?.kind} ${entries[0]?.reference} was partly booked before`);
    }
    return rows.length === entries.length;
  }

  /** Each account's balance for one payment (0 for accounts without entries). */
  async balances(paymentId: string): Promise<AccountBalances> {
    const rows = await queryRows<{ account: keyof AccountBalances; sum: number }>(
      this.manager,
      `SELECT account, sum(amount)::bigint AS sum FROM payments.ledger_entries WHERE payment_id = $1 GROUP BY account`,
      [paymentId],
    );
    const balances = { provider_balance: 0, customer_payments: 0, refunds: 0, disputes: 0 };
    for (const row of rows) balances[row.account] = row.sum;
    return balances;
  }
}
