import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { TOPICS } from '@galley/contracts';
import { fromPgClient, listDeadLetters } from '@galley/messaging';
import { FINAL_CHECKOUT_STATUSES, waitForOutboxesDrained } from '@galley/testing';
import { reconcilePayments } from '../../apps/payments/src/services/reconciliation';

export interface InvariantResult {
  name: string;
  held: boolean;
  /** What was checked and what was found, in a line or a few. */
  detail: string;
}

export interface ChecksInput {
  db: Pool;
  kafka: Kafka;
  orderIds: string[];
  customerIds: string[];
  productIds: string[];
  /** Broken promises the clients saw while the faults ran. */
  clientViolations: string[];
}

/**
 * Waits (up to `finalWithinMs`) until every accepted order is final, and says how long that took after recovery.
 * Reads the orders database, not the clients: a client that gave up does not end its order.
 */
export async function waitUntilOrdersFinal(
  db: Pool,
  orderIds: string[],
  finalWithinMs: number,
): Promise<{ held: boolean; millis: number; pending: { id: string; status: string }[] }> {
  const started = Date.now();
  for (;;) {
    const { rows } = await db.query<{ id: string; status: string }>(`SELECT id, status FROM orders.orders WHERE id = ANY($1::uuid[])`, [orderIds]);
    const found = new Map(rows.map((row) => [row.id, row.status]));
    const pending = orderIds.map((id) => ({ id, status: found.get(id) ?? 'MISSING' })).filter((order) => !(FINAL_CHECKOUT_STATUSES as readonly string[]).includes(order.status));
    const millis = Date.now() - started;
    if (pending.length === 0) return { held: true, millis, pending };
    if (millis > finalWithinMs) return { held: false, millis, pending };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Every invariant a chaos run promises, checked from the databases and the broker once the orders are final. */
export async function checkInvariants(input: ChecksInput): Promise<InvariantResult[]> {
  const { db, orderIds, customerIds, productIds } = input;
  const results: InvariantResult[] = [];
  const add = (name: string, held: boolean, detail: string) => results.push({ name, held, detail });

  // Nothing lost and nothing made twice: the customers' orders are exactly the accepted ones.
  const { rows: theirs } = await db.query<{ id: string; status: string }>(`SELECT id, status FROM orders.orders WHERE customer_id = ANY($1::uuid[])`, [customerIds]);
  const accepted = new Set(orderIds);
  const extra = theirs.filter((order) => !accepted.has(order.id));
  const missing = orderIds.filter((id) => !theirs.some((order) => order.id === id));
  const byStatus = countBy(theirs.map((order) => order.status));
  add(
    'every accepted order exists, and no other',
    missing.length === 0 && extra.length === 0,
    `${orderIds.length} accepted, ${theirs.length} in the orders database (${formatCounts(byStatus)}); missing ${missing.length}, unasked-for ${extra.length}`,
  );
  add(
    'clients saw every promise kept',
    input.clientViolations.length === 0,
    input.clientViolations.length === 0 ? 'no 4xx to a valid request, one order per Idempotency-Key, every webhook answered 200' : input.clientViolations.slice(0, 10).join('; '),
  );

  // Stock: per product, sold + reserved ≤ received, and what was sold is what the confirmed orders hold.
  const { rows: stock } = await db.query<{ product_id: string; received: number; removed: number; sold: number; on_hand: number; reserved: number; confirmed: number }>(
    `SELECT s.product_id,
            COALESCE((SELECT sum(delta) FROM inventory.stock_movements m WHERE m.product_id = s.product_id AND kind = 'adjustment' AND delta > 0), 0)::int AS received,
            COALESCE((SELECT -sum(delta) FROM inventory.stock_movements m WHERE m.product_id = s.product_id AND kind = 'adjustment' AND delta < 0), 0)::int AS removed,
            COALESCE((SELECT -sum(delta) FROM inventory.stock_movements m WHERE m.product_id = s.product_id AND kind = 'sale'), 0)::int AS sold,
            s.on_hand, s.reserved,
            COALESCE((SELECT sum(l.quantity) FROM orders.order_lines l JOIN orders.orders o ON o.id = l.order_id
                      WHERE l.product_id = s.product_id AND o.id = ANY($2::uuid[]) AND o.status IN ('CONFIRMED', 'PREPARING', 'READY', 'COMPLETED')), 0)::int AS confirmed
       FROM inventory.stock_levels s WHERE s.product_id = ANY($1::uuid[]) ORDER BY s.product_id`,
    [productIds, orderIds],
  );
  const oversold = stock.filter((row) => row.sold + row.reserved > row.received - row.removed || row.on_hand !== row.received - row.removed - row.sold);
  add(
    'no unit oversold (sold + reserved ≤ received, per product)',
    stock.length === productIds.length && oversold.length === 0,
    stock.map((row) => `received ${row.received}, sold ${row.sold}, reserved ${row.reserved}, on hand ${row.on_hand}`).join('; '),
  );
  const mismatched = stock.filter((row) => row.sold !== row.confirmed || row.reserved !== 0);
  add(
    'units sold = units in confirmed orders, nothing left reserved',
    mismatched.length === 0,
    mismatched.length === 0
      ? `${stock.reduce((sum, row) => sum + row.sold, 0)} units sold, all in confirmed orders`
      : mismatched.map((row) => `${row.product_id}: sold ${row.sold}, confirmed ${row.confirmed}, reserved ${row.reserved}`).join('; '),
  );

  // Effects applied once: one sale per order and product, one reservation per order, each status entered once.
  const { rows: doubleSales } = await db.query(
    `SELECT order_id, product_id, count(*)::int AS n FROM inventory.stock_movements WHERE kind = 'sale' AND order_id = ANY($1::uuid[]) GROUP BY order_id, product_id HAVING count(*) > 1`,
    [orderIds],
  );
  const { rows: history } = await db.query(
    `SELECT order_id, status, count(*)::int AS n FROM orders.order_status_history WHERE order_id = ANY($1::uuid[]) GROUP BY order_id, status HAVING count(*) > 1`,
    [orderIds],
  );
  const { rows: reservations } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inventory.reservations WHERE order_id = ANY($1::uuid[])`, [orderIds]);
  add(
    'no effect applied twice',
    doubleSales.length === 0 && history.length === 0 && reservations[0].n === orderIds.length,
    `sales twice for an order: ${doubleSales.length}; a status entered twice: ${history.length}; reservations ${reservations[0].n} for ${orderIds.length} orders`,
  );

  // Payments: one intent per order that reached payment, one capture per paid order, a balanced ledger.
  const { rows: payments } = await db.query<{ order_id: string; intents: number; captures: number; succeeded: number }>(
    `SELECT p.order_id, count(DISTINCT p.id)::int AS intents,
            count(DISTINCT e.transaction_id) FILTER (WHERE e.kind = 'capture')::int AS captures,
            count(DISTINCT p.id) FILTER (WHERE p.status = 'succeeded')::int AS succeeded
       FROM payments.payments p LEFT JOIN payments.ledger_entries e ON e.payment_id = p.id
      WHERE p.order_id = ANY($1::uuid[]) GROUP BY p.order_id`,
    [orderIds],
  );
  const confirmedIds = new Set(theirs.filter((order) => ['CONFIRMED', 'PREPARING', 'READY', 'COMPLETED'].includes(order.status)).map((order) => order.id));
  const wrongCaptures = payments.filter((row) => row.intents !== 1 || row.captures !== (confirmedIds.has(row.order_id) ? 1 : 0) || row.succeeded !== row.captures);
  const unpaid = [...confirmedIds].filter((id) => !payments.some((row) => row.order_id === id));
  add(
    'one capture per paid order',
    wrongCaptures.length === 0 && unpaid.length === 0,
    `${payments.length} payments for ${confirmedIds.size} confirmed orders; wrong intent or capture count: ${wrongCaptures.length}; confirmed without a payment: ${unpaid.length}`,
  );
  const discrepancies = await reconcilePayments(fromPgClient(db), { orderIds });
  add('the payments ledger balances (reconciliation)', discrepancies.length === 0, discrepancies.length === 0 ? 'no discrepancy' : JSON.stringify(discrepancies.slice(0, 5)));

  // The outboxes drain: every announced change reaches the broker (the last orders' final events a moment after them).
  const { pending, millis } = await waitForOutboxesDrained(db, { timeoutMs: 30_000 });
  add(
    'every outbox drained',
    pending.length === 0,
    pending.length === 0 ? `no unpublished event (${millis} ms after the orders were final)` : `unpublished after 30 s: ${pending.join(', ')}`,
  );

  const letters = (await Promise.all(Object.values(TOPICS).map(async (topic) => (await listDeadLetters(input.kafka, topic)).map((letter) => ({ ...letter, topic }))))).flat();
  add(
    'dead-letter topics empty',
    letters.length === 0,
    letters.length === 0
      ? 'no dead letter on any *.events.dlq topic'
      : letters
          .slice(0, 10)
          .map((letter) => `${letter.topic}: ${letter.eventType ?? '?'} ${letter.eventId ?? ''} for ${letter.consumerGroup ?? '?'}: ${letter.reason ?? '?'}`)
          .join('; '),
  );
  return results;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

export function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
}
