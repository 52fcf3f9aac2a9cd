import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { fromPgClient } from '@galley/messaging';
import { reconcilePayments } from '../../apps/payments/src/services/reconciliation';
import { adminPool, checkout, createServiceTopics, CheckoutOutcome, GalleyClient, RunningSystem, waitFor, withConcurrency } from '@galley/testing';

// A broker of this test's own, so killing it disturbs no other test.
const BROKER = { name: 'crash', port: 29192, controllerPort: 29193 };
const ADMIN = { email: `admin-${randomUUID().slice(0, 8)}@galley.test`, password: 'crash-admin-password-1' };

function broker(command: 'start' | 'kill' | 'stop'): void {
  const args = command === 'start' ? [String(BROKER.port), String(BROKER.controllerPort)] : [];
  const result = spawnSync(process.execPath, ['scripts/broker.mjs', command, BROKER.name, ...args], { cwd: process.cwd(), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`broker ${command} failed: ${result.stderr}${result.stdout}`);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * kill -9 in the middle of a batch of checkouts: the orders service, the payments service and the broker, one after
 * another, while customers keep paying (their clients retry with the same Idempotency-Key, as real ones do).
 * Afterwards every order is final, none is lost or duplicated, nothing is charged twice or oversold, and the
 * payments ledger reconciles.
 */
describe('checkout when processes crash', () => {
  const STOCK = 20;
  const CUSTOMERS = 30;
  let system: RunningSystem;
  let api: GalleyClient;
  let db: Pool;

  beforeAll(async () => {
    broker('start');
    await createServiceTopics('', { brokers: [`127.0.0.1:${BROKER.port}`] });
    system = await RunningSystem.start({
      kafkaBrokers: [`127.0.0.1:${BROKER.port}`],
      appEnv: { users: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, inventory: { DEMO_CATALOG: 'false' } },
    });
    api = new GalleyClient(system.gatewayUrl);
    db = adminPool();
  });

  afterAll(async () => {
    await db?.end();
    await system?.stopAll();
    broker('stop');
  });

  it('finishes every order exactly once through kill -9 of orders, payments and the broker', async () => {
    const adminToken = await api.login(ADMIN.email, ADMIN.password);
    const { id: productId } = await api.newProduct(adminToken, { stock: STOCK, price: 1500 });
    await waitFor(async () => (await db.query(`SELECT 1 FROM orders.catalog_products WHERE id = $1`, [productId])).rowCount === 1, { what: 'the product in orders' });
    const customers = await withConcurrency(Array.from({ length: CUSTOMERS }), 4, () => api.newCustomer());

    const batch = withConcurrency(customers, 10, (customer) => checkout(api, customer.token, [{ productId, quantity: 1 }], { timeoutMs: 240_000 }));
    const chaos = (async () => {
      await pause(1500);
      await system.kill('orders');
      await pause(1000);
      await system.start('orders');
      await pause(1500);
      await system.kill('payments');
      await pause(1000);
      await system.start('payments');
      await pause(1500);
      broker('kill');
      await pause(2000);
      broker('start');
    })();
    // Progress for whoever reads the log of a slow run.
    const progress = setInterval(() => {
      void db
        .query(`SELECT status, count(*)::int AS n FROM orders.orders WHERE customer_id = ANY($1::uuid[]) GROUP BY status`, [customers.map((c) => c.id)])
        .then(({ rows }) => console.log(`crash test: ${rows.map((row: { status: string; n: number }) => `${row.status}=${row.n}`).join(' ')}`))
        .catch(() => undefined);
    }, 10_000);
    const [outcomes] = (await Promise.all([batch, chaos]).finally(() => clearInterval(progress))) as [CheckoutOutcome[], void];

    // Every customer has exactly one order, and it is final.
    const ids = outcomes.map((outcome) => outcome.orderId);
    const { rows: orders } = await db.query(`SELECT customer_id, count(*)::int AS n FROM orders.orders WHERE customer_id = ANY($1::uuid[]) GROUP BY customer_id`, [
      customers.map((customer) => customer.id),
    ]);
    expect(orders).toHaveLength(CUSTOMERS);
    expect(orders.every((row: { n: number }) => row.n === 1)).toBe(true);
    const statuses = outcomes.map((outcome) => outcome.status);
    expect(statuses.filter((status) => status === 'CONFIRMED')).toHaveLength(STOCK);
    expect(statuses.filter((status) => status === 'REJECTED')).toHaveLength(CUSTOMERS - STOCK);

    // Stock: everything sold once, nothing reserved or oversold, one reservation per order.
    await waitFor(
      async () => {
        const { rows } = await db.query(`SELECT on_hand, reserved FROM inventory.stock_levels WHERE product_id = $1`, [productId]);
        return rows[0].on_hand === 0 && rows[0].reserved === 0;
      },
      { timeoutMs: 60_000, what: 'every sale recorded in inventory' },
    );
    const { rows: reservations } = await db.query(`SELECT status, count(*)::int AS n FROM inventory.reservations WHERE order_id = ANY($1::uuid[]) GROUP BY status`, [ids]);
    expect(Object.fromEntries(reservations.map((row: { status: string; n: number }) => [row.status, row.n]))).toEqual({ committed: STOCK, rejected: CUSTOMERS - STOCK });

    // Payments: one intent per confirmed order, each captured once, ledger balanced.
    const confirmed = outcomes.filter((outcome) => outcome.status === 'CONFIRMED').map((outcome) => outcome.orderId);
    const { rows: payments } = await db.query(`SELECT order_id, count(*)::int AS n FROM payments.payments WHERE order_id = ANY($1::uuid[]) GROUP BY order_id`, [ids]);
    expect(payments).toHaveLength(STOCK);
    expect(payments.every((row: { order_id: string; n: number }) => row.n === 1 && confirmed.includes(row.order_id))).toBe(true);
    expect(await reconcilePayments(fromPgClient(db), { orderIds: ids })).toEqual([]);

    // The order history has each step once: no event had a second effect.
    const { rows: history } = await db.query(
      `SELECT order_id, status, count(*)::int AS n FROM orders.order_status_history WHERE order_id = ANY($1::uuid[]) GROUP BY order_id, status HAVING count(*) > 1`,
      [ids],
    );
    expect(history).toEqual([]);
  }, 420_000);
});
