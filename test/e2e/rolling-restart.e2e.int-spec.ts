import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { APP_NAMES, SERVICE_NAMES } from '@galley/config';
import { fromPgClient } from '@galley/messaging';
import { reconcilePayments } from '../../apps/payments/src/services/reconciliation';
import { adminPool, checkout, CheckoutOutcome, GalleyClient, RunningSystem, waitFor, withConcurrency } from '@galley/testing';

const ADMIN = { email: `admin-${randomUUID().slice(0, 8)}@galley.test`, password: 'rolling-admin-password-1' };
const GRACE_MS = 10_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A rolling restart under load: while customers keep checking out, every app in turn gets SIGTERM, must exit 0
 * within SHUTDOWN_GRACE_MS, and is started again on the same port. Clients retry connection errors with the same
 * Idempotency-Key. Afterwards nothing is lost, duplicated, oversold or charged twice, the outboxes are empty and
 * no consumer dead-lettered anything.
 */
describe('rolling restart under load', () => {
  const STOCK_PER_PRODUCT = 30;
  const CUSTOMERS = 80;
  let system: RunningSystem;
  let api: GalleyClient;
  let db: Pool;

  beforeAll(async () => {
    system = await RunningSystem.start({
      env: { SHUTDOWN_GRACE_MS: String(GRACE_MS) },
      appEnv: { users: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, inventory: { DEMO_CATALOG: 'false' } },
    });
    api = new GalleyClient(system.gatewayUrl);
    db = adminPool();
  });

  afterAll(async () => {
    await db?.end();
    await system?.stopAll();
  });

  it('loses nothing while each app is stopped with SIGTERM and started again', async () => {
    const adminToken = await api.login(ADMIN.email, ADMIN.password);
    const products = [
      (await api.newProduct(adminToken, { stock: STOCK_PER_PRODUCT, price: 1200 })).id,
      (await api.newProduct(adminToken, { stock: STOCK_PER_PRODUCT, price: 900 })).id,
    ];
    await waitFor(async () => (await db.query(`SELECT 1 FROM orders.catalog_products WHERE id = ANY($1::uuid[])`, [products])).rowCount === 2, {
      what: 'the products in orders',
    });
    const customers = await withConcurrency(Array.from({ length: CUSTOMERS }), 4, () => api.newCustomer());

    const batch = withConcurrency(customers, 6, async (customer, index) => {
      // A steady stream rather than one burst: the restarts happen while orders are being placed and paid.
      await pause(index * 150);
      return checkout(api, customer.token, [{ productId: products[index % 2], quantity: 1 }], { timeoutMs: 180_000 });
    });
    const exits: Record<string, { code: number | null; signal: string | null; ms: number }> = {};
    const restarts = (async () => {
      for (const app of APP_NAMES) {
        await pause(1000);
        const at = Date.now();
        const exit = await system.stop(app);
        exits[app] = { code: exit?.code ?? null, signal: exit?.signal ?? null, ms: Date.now() - at };
        await system.start(app);
      }
    })();
    const [outcomes] = (await Promise.all([batch, restarts])) as [CheckoutOutcome[], void];

    console.log(`rolling restart: ${APP_NAMES.map((app) => `${app} exit ${exits[app].code ?? exits[app].signal} in ${exits[app].ms} ms`).join(', ')}`);
    // Every app exited 0 on SIGTERM, within the grace period.
    for (const app of APP_NAMES) {
      expect({ app, ...exits[app], withinGrace: exits[app].ms < GRACE_MS }).toEqual({ app, code: 0, signal: null, ms: exits[app].ms, withinGrace: true });
    }

    // Every customer has exactly one order, and it is final.
    const ids = outcomes.map((outcome) => outcome.orderId);
    const { rows: perCustomer } = await db.query(`SELECT customer_id, count(*)::int AS n FROM orders.orders WHERE customer_id = ANY($1::uuid[]) GROUP BY customer_id`, [
      customers.map((customer) => customer.id),
    ]);
    expect(perCustomer).toHaveLength(CUSTOMERS);
    expect(perCustomer.every((row: { n: number }) => row.n === 1)).toBe(true);
    const statuses = outcomes.map((outcome) => outcome.status);
    expect(statuses.filter((status) => status === 'CONFIRMED')).toHaveLength(2 * STOCK_PER_PRODUCT);
    expect(statuses.filter((status) => status === 'REJECTED')).toHaveLength(CUSTOMERS - 2 * STOCK_PER_PRODUCT);

    // Stock: nothing oversold, nothing left reserved, one reservation per order.
    await waitFor(
      async () => {
        const { rows } = await db.query(`SELECT on_hand, reserved FROM inventory.stock_levels WHERE product_id = ANY($1::uuid[])`, [products]);
        return rows.length === 2 && rows.every((row: { on_hand: number; reserved: number }) => row.on_hand === 0 && row.reserved === 0);
      },
      { timeoutMs: 60_000, what: 'every sale recorded in inventory' },
    );
    const { rows: reservations } = await db.query(`SELECT order_id, count(*)::int AS n FROM inventory.reservations WHERE order_id = ANY($1::uuid[]) GROUP BY order_id`, [ids]);
    expect(reservations).toHaveLength(CUSTOMERS);
    expect(reservations.every((row: { n: number }) => row.n === 1)).toBe(true);

    // Payments: one per confirmed order, captured once, the ledger reconciles.
    const confirmed = outcomes.filter((outcome) => outcome.status === 'CONFIRMED').map((outcome) => outcome.orderId);
    const { rows: payments } = await db.query(`SELECT order_id, count(*)::int AS n FROM payments.payments WHERE order_id = ANY($1::uuid[]) GROUP BY order_id`, [ids]);
    expect(payments).toHaveLength(confirmed.length);
    expect(payments.every((row: { order_id: string; n: number }) => row.n === 1 && confirmed.includes(row.order_id))).toBe(true);
    expect(await reconcilePayments(fromPgClient(db), { orderIds: ids })).toEqual([]);

    // No step of any order happened twice.
    const { rows: history } = await db.query(
      `SELECT order_id, status, count(*)::int AS n FROM orders.order_status_history WHERE order_id = ANY($1::uuid[]) GROUP BY order_id, status HAVING count(*) > 1`,
      [ids],
    );
    expect(history).toEqual([]);

    // The outboxes drain, and no consumer gave up on a message.
    await waitFor(
      async () => {
        const counts = await Promise.all(
          SERVICE_NAMES.map(async (service) => (await db.query(`SELECT count(*)::int AS n FROM "${service}".outbox WHERE published_at IS NULL`)).rows[0].n as number),
        );
        return counts.every((n) => n === 0);
      },
      { timeoutMs: 30_000, what: 'every outbox drained' },
    );
    // Dead letters of this run's orders, products and customers (keyed by them): other suites share the
    // topics and dead-letter on purpose, so a total would move under them. Each service lists its newest 200.
    const ours = new Set<string>([...ids, ...products, ...customers.map((customer) => customer.id)]);
    const ourDeadLetters = (
      await Promise.all(
        SERVICE_NAMES.map(async (service) =>
          (await api.expect<{ items: { key: string | null; eventType: string | null }[] }>(200, 'GET', `/api/admin/dead-letters/${service}`, { token: adminToken })).items
            .filter((item) => item.key !== null && ours.has(item.key))
            .map((item) => ({ service, ...item })),
        ),
      )
    ).flat();
    expect(ourDeadLetters).toEqual([]);
  }, 300_000);
});
