import { SqlExecutor } from '@galley/messaging';
import { Discrepancy, findDiscrepancies } from '../domain/reconciliation';
import { ReconciliationRepository } from '../repositories/reconciliation.repository';

export interface ReconcileOptions {
  /** Only these orders (tests share the database with other runs); every payment when omitted. */
  orderIds?: readonly string[];
  /** A refund pending longer than this is reported (default one hour). */
  pendingGraceMs?: number;
  now?: Date;
}

/**
 * Compares the ledger, the payments and refunds, and the order states payments learned from
 * events; returns every difference (empty when they agree). Takes any SqlExecutor with read
 * access to the payments schema, e.g. `fromPgClient(pool)` in tests and the CLI.
 */
export async function reconcilePayments(sql: SqlExecutor, options: ReconcileOptions = {}): Promise<Discrepancy[]> {
  const repository = new ReconciliationRepository(sql);
  const now = options.now ?? new Date();
  // One after the other: the executor may be a single connection holding a snapshot.
  const payments = await repository.payments(options.orderIds);
  const unbalancedTransactions = await repository.unbalancedTransactions(options.orderIds);
  const stalePendingRefunds = await repository.stalePendingRefunds(new Date(now.getTime() - (options.pendingGraceMs ?? 3_600_000)), options.orderIds);
  return findDiscrepancies({ payments, unbalancedTransactions, stalePendingRefunds });
}
