import { Pool } from 'pg';

/** The services with an outbox of their own (the gateway has no database). */
export const OUTBOX_SERVICES = ['users', 'inventory', 'orders', 'payments', 'reviews'] as const;

/**
 * Waits until no service's outbox holds an unpublished event, polling every 500 ms for up to
 * `timeoutMs`. Where other runs share the database, `since` and `topics` keep to this run's rows
 * (a system with another topic prefix leaves rows only its own relay publishes).
 */
export async function waitForOutboxesDrained(
  db: Pool,
  options: { timeoutMs?: number; since?: Date; topics?: readonly string[]; services?: readonly string[] } = {},
): Promise<{ drained: boolean; millis: number; pending: string[] }> {
  const started = Date.now();
  let pending: string[] = [];
  do {
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    pending = [];
    for (const service of options.services ?? OUTBOX_SERVICES) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${service}".outbox WHERE published_at IS NULL AND created_at >= $1 AND ($2::text[] IS NULL OR topic = ANY($2))`,
        [options.since ?? new Date(0), options.topics ?? null],
      );
      if (rows[0].n > 0) pending.push(`${service} ${rows[0].n}`);
    }
  } while (pending.length > 0 && Date.now() - started < (options.timeoutMs ?? 30_000));
  return { drained: pending.length === 0, millis: Date.now() - started, pending };
}

/**
 * Stock that contradicts itself, per product: negative or over-reserved levels, an on-hand count
 * other than the sum of its movements (adjustments, sales, returns), or a reserved count other than
 * the units of its held reservations.
 */
export async function stockProblems(db: Pool, productIds: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ product_id: string; on_hand: number; reserved: number; moved: number; held: number }>(
    `SELECT s.product_id, s.on_hand, s.reserved,
            COALESCE((SELECT sum(m.delta) FROM inventory.stock_movements m WHERE m.product_id = s.product_id), 0)::int AS moved,
            COALESCE((SELECT sum(l.quantity) FROM inventory.reservation_lines l JOIN inventory.reservations r ON r.id = l.reservation_id
                       WHERE l.product_id = s.product_id AND r.status = 'held'), 0)::int AS held
       FROM inventory.stock_levels s WHERE s.product_id = ANY($1::uuid[]) ORDER BY s.product_id`,
    [productIds],
  );
  return rows
    .filter((row) => row.on_hand < 0 || row.reserved < 0 || row.reserved > row.on_hand || row.on_hand !== row.moved || row.reserved !== row.held)
    .map((row) => `product ${row.product_id}: on hand ${row.on_hand} (movements add up to ${row.moved}), reserved ${row.reserved} (held reservations ${row.held})`);
}

/** Payments of these orders captured more than once, or captured without having succeeded, or more than one payment for an order. */
export async function captureProblems(db: Pool, orderIds: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ order_id: string; payments: number; captures: number; status: string }>(
    `SELECT p.order_id, count(DISTINCT p.id)::int AS payments, min(p.status) AS status,
            count(DISTINCT e.transaction_id) FILTER (WHERE e.kind = 'capture')::int AS captures
       FROM payments.payments p LEFT JOIN payments.ledger_entries e ON e.payment_id = p.id
      WHERE p.order_id = ANY($1::uuid[]) GROUP BY p.order_id`,
    [orderIds],
  );
  return rows
    .filter((row) => row.payments !== 1 || row.captures > 1 || (row.captures === 1 && row.status !== 'succeeded'))
    .map((row) => `order ${row.order_id}: ${row.payments} payments, ${row.captures} captures, status ${row.status}`);
}
