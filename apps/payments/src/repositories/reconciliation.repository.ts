import { PaymentFacts, StalePendingRefund, UnbalancedTransaction } from '../domain/reconciliation';
import { SqlExecutor } from '@galley/messaging';
import { queryRows } from '@galley/platform';

/**
 * The facts reconciliation compares, read in one snapshot. Takes any SqlExecutor (a TypeORM
 * manager or a plain `pg` client) so the CLI and tests can run it without the Nest app. A plain
 * client has pg's own type parsers (int8 and numeric as strings), hence the `::float8` casts here.
 * `orderIds` narrows it to some orders (tests share a database with other runs).
 */
export class ReconciliationRepository {
  constructor(private readonly sql: SqlExecutor) {}

  async payments(orderIds?: readonly string[]): Promise<PaymentFacts[]> {
    const rows = await queryRows<Omit<PaymentFacts, 'ledger'> & { providerBalance: number; customerPayments: number; refundsAccount: number; disputesAccount: number }>(
      this.sql,
      `SELECT p.id AS payment_id, p.order_id, p.currency, p.captured_amount::float8 AS captured,
                p.disputed_amount::float8 AS disputed, o.status AS order_status,
                COALESCE(r.refunded, 0)::float8 AS refunded, COALESCE(r.pending, 0)::float8 AS pending_refunds,
                COALESCE(l.provider_balance, 0)::float8 AS provider_balance, COALESCE(l.customer_payments, 0)::float8 AS customer_payments,
                COALESCE(l.refunds, 0)::float8 AS refunds_account, COALESCE(l.disputes, 0)::float8 AS disputes_account
           FROM payments.payments p
           LEFT JOIN payments.orders o ON o.order_id = p.order_id
           LEFT JOIN LATERAL (
             SELECT sum(amount) FILTER (WHERE status = 'succeeded') AS refunded, sum(amount) FILTER (WHERE status = 'pending') AS pending
               FROM payments.refunds WHERE payment_id = p.id
           ) r ON true
           LEFT JOIN LATERAL (
             SELECT sum(amount) FILTER (WHERE account = 'provider_balance') AS provider_balance,
                    sum(amount) FILTER (WHERE account = 'customer_payments') AS customer_payments,
                    sum(amount) FILTER (WHERE account = 'refunds') AS refunds,
                    sum(amount) FILTER (WHERE account = 'disputes') AS disputes
               FROM payments.ledger_entries WHERE payment_id = p.id
           ) l ON true
          WHERE $1::uuid[] IS NULL OR p.order_id = ANY($1::uuid[])
          ORDER BY p.created_at, p.id`,
      [orderIds ?? null],
    );
    return rows.map(({ providerBalance, customerPayments, refundsAccount, disputesAccount, ...facts }) => ({
      ...facts,
      ledger: { provider_balance: providerBalance, customer_payments: customerPayments, refunds: refundsAccount, disputes: disputesAccount },
    }));
  }

  async unbalancedTransactions(orderIds?: readonly string[]): Promise<UnbalancedTransaction[]> {
    return queryRows<UnbalancedTransaction>(
      this.sql,
      `SELECT e.transaction_id, min(e.payment_id::text) AS payment_id, sum(e.amount)::float8 AS sum
           FROM payments.ledger_entries e JOIN payments.payments p ON p.id = e.payment_id
          WHERE $1::uuid[] IS NULL OR p.order_id = ANY($1::uuid[])
          GROUP BY e.transaction_id, e.currency HAVING sum(e.amount) <> 0
          ORDER BY 1`,
      [orderIds ?? null],
    );
  }

  async stalePendingRefunds(olderThan: Date, orderIds?: readonly string[]): Promise<StalePendingRefund[]> {
    return queryRows<StalePendingRefund>(
      this.sql,
      `SELECT r.id AS refund_id, r.payment_id, p.order_id, r.amount::float8 AS amount, r.created_at
           FROM payments.refunds r JOIN payments.payments p ON p.id = r.payment_id
          WHERE r.status = 'pending' AND r.created_at < $1 AND ($2::uuid[] IS NULL OR p.order_id = ANY($2::uuid[]))
          ORDER BY r.created_at`,
      [olderThan, orderIds ?? null],
    );
  }
}
