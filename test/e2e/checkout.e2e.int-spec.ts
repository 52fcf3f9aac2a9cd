import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { adminPool, GalleyClient, RunningSystem, waitFor } from '@galley/testing';

const ADMIN = { email: `admin-${randomUUID().slice(0, 8)}@galley.test`, password: 'checkout-admin-password-1' };

/**
 * The checkout saga end to end: all six apps as processes on the real Postgres and Kafka, driven only through the
 * gateway, with the simulated payment provider (its signed events go through the real webhook path).
 */
describe('checkout through the gateway (simulated payments)', () => {
  let system: RunningSystem;
  let api: GalleyClient;
  let admin: string;
  let db: Pool;

  beforeAll(async () => {
    system = await RunningSystem.start({
      appEnv: {
        users: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
        // Short reservations so that expiry can be seen; the sweeper runs often.
        inventory: { RESERVATION_TTL_SECONDS: '6', RESERVATION_SWEEP_INTERVAL_MS: '300', DEMO_CATALOG: 'false' },
      },
    });
    api = new GalleyClient(system.gatewayUrl);
    admin = await api.login(ADMIN.email, ADMIN.password);
    db = adminPool();
  });

  afterAll(async () => {
    await db?.end();
    await system?.stopAll();
  });

  /** A product with stock, once orders' read-model has it (it arrives as an event). */
  async function product(stock: number, price = 1250): Promise<string> {
    const { id } = await api.newProduct(admin, { stock, price });
    await waitFor(async () => (await db.query(`SELECT 1 FROM orders.catalog_products WHERE id = $1`, [id])).rowCount === 1, { what: `product ${id} in orders' read-model` });
    return id;
  }

  async function level(productId: string): Promise<{ onHand: number; reserved: number; available: number }> {
    return api.expect(200, 'GET', `/api/admin/inventory/${productId}`, { token: admin });
  }

  async function paidOrder(customer: string, productId: string, quantity = 1): Promise<string> {
    const placed = await api.placeOrder(customer, [{ productId, quantity }]);
    expect(placed.status).toBe(201);
    const orderId = placed.body.id as string;
    await api.waitForPayment(customer, orderId);
    await api.expect(202, 'POST', '/api/payments/dev/simulate', { token: customer, body: { orderId, outcome: 'succeeded' } });
    await api.waitForStatus(customer, orderId, 'CONFIRMED');
    return orderId;
  }

  it('takes an order from PENDING to COMPLETED, streaming every step live and again after a reconnect', async () => {
    const productId = await product(5);
    const customer = await api.newCustomer();
    const placed = await api.placeOrder(customer.token, [{ productId, quantity: 2 }]);
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ status: 'PENDING', total: { amount: 2500, currency: 'USD' } });
    const orderId = placed.body.id as string;

    const live = await api.stream(`/api/orders/${orderId}/stream`, { token: customer.token, tokenInQuery: true });
    expect(live.status).toBe(200);
    expect(live.response.headers.get('content-type')).toContain('text/event-stream');

    const payment = await api.waitForPayment(customer.token, orderId);
    expect(payment).toMatchObject({ status: expect.any(String), amount: { amount: 2500, currency: 'USD' } });
    expect(payment.clientSecret).toEqual(expect.any(String));
    expect((await level(productId)).reserved).toBe(2);

    await api.expect(202, 'POST', '/api/payments/dev/simulate', { token: customer.token, body: { orderId, outcome: 'succeeded' } });
    await api.waitForStatus(customer.token, orderId, 'CONFIRMED');
    // The reservation became a sale.
    await waitFor(
      async () => {
        const stock = await level(productId);
        return stock.onHand === 3 && stock.reserved === 0;
      },
      { what: 'the sale in inventory' },
    );

    for (const status of ['PREPARING', 'READY', 'COMPLETED']) {
      await api.expect(200, 'POST', `/api/admin/orders/${orderId}/status`, { token: admin, body: { status } });
    }
    const statuses = ['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'PREPARING', 'READY', 'COMPLETED'];
    const onlyStatus = (events: typeof live.events) => events.filter((event) => event.event === 'status');
    // The last estimate comes with COMPLETED: null, the order is finished.
    await live.waitFor((events) => onlyStatus(events).length >= statuses.length && events.at(-1)?.event === 'eta' && JSON.parse(events.at(-1)!.data).estimatedReadyAt === null);
    live.close();
    const statusEvents = onlyStatus(live.events);
    expect(statusEvents.map((event) => JSON.parse(event.data).status)).toEqual(statuses);
    expect(statusEvents.map((event) => event.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(JSON.parse(statusEvents[2].data)).toMatchObject({ reason: 'payment succeeded', at: expect.any(String) });
    // The kitchen's estimate: the current one after the replay, then with each kitchen step; never with an id.
    const etas = live.events.filter((event) => event.event === 'eta');
    expect(live.events.every((event) => event.event === 'status' || event.event === 'eta')).toBe(true);
    expect(etas.every((event) => !event.id || statusEvents.some((status) => status.id === event.id))).toBe(true);
    expect(JSON.parse(etas[0].data)).toEqual({ orderId, estimatedReadyAt: expect.any(String) });
    expect(placed.body.estimatedReadyAt).toEqual(expect.any(String));

    // A client that saw up to event 3 reconnects and gets exactly what followed.
    const resumed = await api.stream(`/api/orders/${orderId}/stream`, { token: customer.token, lastEventId: '3' });
    await resumed.waitFor((events) => events.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    resumed.close();
    expect(onlyStatus(resumed.events).map((event) => JSON.parse(event.data).status)).toEqual(['PREPARING', 'READY', 'COMPLETED']);
  });

  it("refuses another customer's stream and an anonymous one", async () => {
    const productId = await product(1);
    const owner = await api.newCustomer();
    const placed = await api.placeOrder(owner.token, [{ productId, quantity: 1 }]);
    const stranger = await api.newCustomer();
    const refused = await api.stream(`/api/orders/${placed.body.id}/stream`, { token: stranger.token });
    expect(refused.status).toBe(404);
    const anonymous = await api.stream(`/api/orders/${placed.body.id}/stream`);
    expect(anonymous.status).toBe(401);
  });

  it('cancels the order and releases the stock when the payment fails', async () => {
    const productId = await product(3);
    const customer = await api.newCustomer();
    const placed = await api.placeOrder(customer.token, [{ productId, quantity: 3 }]);
    const orderId = placed.body.id as string;
    await api.waitForPayment(customer.token, orderId);
    expect((await level(productId)).available).toBe(0);
    await api.expect(202, 'POST', '/api/payments/dev/simulate', { token: customer.token, body: { orderId, outcome: 'failed' } });
    const cancelled = await api.waitForStatus(customer.token, orderId, 'CANCELLED');
    expect(cancelled.history.at(-1)?.reason).toContain('payment failed');
    await waitFor(async () => (await level(productId)).available === 3, { what: 'stock released' });
  });

  it('rejects an order for more than is in stock, naming the short line, and reserves nothing', async () => {
    const productId = await product(1);
    const customer = await api.newCustomer();
    const placed = await api.placeOrder(customer.token, [{ productId, quantity: 2 }]);
    const rejected = await api.waitForStatus(customer.token, placed.body.id as string, 'REJECTED');
    expect(rejected.history.at(-1)?.reason).toContain(`${productId} (requested 2, available 1)`);
    expect(await level(productId)).toMatchObject({ onHand: 1, reserved: 0 });
  });

  it('refunds a paid order the customer cancels, and returns its stock', async () => {
    const productId = await product(2, 900);
    const customer = await api.newCustomer();
    const orderId = await paidOrder(customer.token, productId);
    await waitFor(async () => (await level(productId)).onHand === 1, { what: 'the sale' });
    const cancelled = await api.expect<{ status: string }>(200, 'POST', `/api/orders/${orderId}/cancel`, { token: customer.token, body: {} });
    expect(cancelled.status).toBe('CANCELLED');
    const refunded = await waitFor(
      async () => {
        const order = await api.order(customer.token, orderId);
        return order.refunds.length > 0 ? order.refunds : undefined;
      },
      { what: 'the refund on the order' },
    );
    expect(refunded).toEqual([expect.objectContaining({ amount: { amount: 900, currency: 'USD' }, status: 'succeeded' })]);
    const payment = await api.expect<{ refunds: unknown[] }>(200, 'GET', `/api/orders/${orderId}/payment`, { token: customer.token });
    expect(payment.refunds).toHaveLength(1);
    await waitFor(async () => (await level(productId)).onHand === 2, { what: 'the sold unit back on hand' });
  });

  it('cancels an unpaid order when its reservation expires, and refunds a payment that lands afterwards', async () => {
    const productId = await product(1);
    const customer = await api.newCustomer();
    const placed = await api.placeOrder(customer.token, [{ productId, quantity: 1 }]);
    const orderId = placed.body.id as string;
    await api.waitForPayment(customer.token, orderId);
    const cancelled = await api.waitForStatus(customer.token, orderId, 'CANCELLED', 30_000);
    expect(cancelled.history.at(-1)?.reason).toBe('reservation expired before payment');
    expect((await level(productId)).available).toBe(1);
    // The customer's bank confirms the payment late.
    await api.expect(202, 'POST', '/api/payments/dev/simulate', { token: customer.token, body: { orderId, outcome: 'succeeded' } });
    const flagged = await api.waitForStatus(customer.token, orderId, 'NEEDS_ATTENTION');
    expect(flagged.history.at(-1)?.reason).toContain('refunding automatically');
    await waitFor(async () => (await api.order(customer.token, orderId)).refunds.length === 1, { what: 'the automatic refund' });
    const board = await api.expect<{ items: { id: string }[] }>(200, 'GET', '/api/admin/orders?status=NEEDS_ATTENTION&limit=100', { token: admin });
    expect(board.items.map((item) => item.id)).toContain(orderId);
  });

  it('lets staff refund part of a paid order, never more than was captured', async () => {
    const productId = await product(1, 2000);
    const customer = await api.newCustomer();
    const orderId = await paidOrder(customer.token, productId);
    const partial = await api.call('POST', `/api/admin/orders/${orderId}/refund`, { token: admin, body: { amount: 500, reason: 'cold fries' } });
    expect([201, 202]).toContain(partial.status);
    const tooMuch = await api.call('POST', `/api/admin/orders/${orderId}/refund`, { token: admin, body: { amount: 1600, reason: 'too much' } });
    expect(tooMuch.status).toBe(409);
    await waitFor(async () => (await api.order(customer.token, orderId)).refunds.length === 1, { what: 'the partial refund on the order' });
    expect((await api.order(customer.token, orderId)).status).toBe('CONFIRMED');
  });

  it('streams every order change to the staff board', async () => {
    const productId = await product(1);
    const board = await api.stream('/api/admin/orders/stream', { token: admin });
    expect(board.status).toBe(200);
    const customer = await api.newCustomer();
    const placed = await api.placeOrder(customer.token, [{ productId, quantity: 1 }]);
    const orderId = placed.body.id as string;
    const seen = await board.waitFor((events) => events.some((event) => JSON.parse(event.data).orderId === orderId && JSON.parse(event.data).status === 'AWAITING_PAYMENT'));
    board.close();
    expect(seen[0].event).toBe('ready');
    const pending = seen.find((event) => event.event === 'status' && JSON.parse(event.data).orderId === orderId && JSON.parse(event.data).status === 'PENDING')!;
    expect(pending.id).toMatch(/^[0-9a-f]+:\d+$/);

    // A board that saw up to PENDING reconnects and gets what followed (at least this order's AWAITING_PAYMENT), then `ready`.
    const resumed = await api.stream('/api/admin/orders/stream', { token: admin, lastEventId: pending.id });
    const caughtUp = await resumed.waitFor((events) => events.some((event) => event.event === 'ready'));
    resumed.close();
    const replayed = caughtUp.slice(
      0,
      caughtUp.findIndex((event) => event.event === 'ready'),
    );
    const position = (id: string | undefined) => Number(id?.split(':')[1]);
    const positions = replayed.map((event) => position(event.id));
    expect(positions[0]).toBe(position(pending.id) + 1);
    expect(positions).toEqual(positions.map((_, index) => positions[0] + index));
    expect(replayed.some((event) => JSON.parse(event.data).orderId === orderId && JSON.parse(event.data).status === 'AWAITING_PAYMENT')).toBe(true);
    expect(replayed.some((event) => JSON.parse(event.data).orderId === orderId && JSON.parse(event.data).status === 'PENDING')).toBe(false);

    // An id this gateway never gave out (say, from before a restart) gets a resync.
    const stale = await api.stream('/api/admin/orders/stream', { token: admin, lastEventId: '00000000:1' });
    const [first] = await stale.waitFor((events) => events.length >= 1);
    stale.close();
    expect(first.event).toBe('resync');
    expect(JSON.parse(first.data)).toMatchObject({ refetch: '/api/admin/orders' });
    const customerBoard = await api.stream('/api/admin/orders/stream', { token: customer.token });
    expect(customerBoard.status).toBe(403);
  });
});
