import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { adminPool, GalleyClient, RunningSystem, StripeStandIn, waitFor } from '@galley/testing';

const ADMIN = { email: `admin-${randomUUID().slice(0, 8)}@galley.test`, password: 'stripe-admin-password-1' };
const WEBHOOK_SECRET = `whsec_${randomUUID().replace(/-/g, '')}`;

/**
 * Payments with the official Stripe SDK, pointed at a local stand-in of the Stripe API, and webhooks signed with the
 * SDK's helper and delivered to the gateway the way Stripe delivers them: duplicated, out of order, late, forged.
 */
describe('checkout through the gateway with Stripe', () => {
  let stripe: StripeStandIn;
  let system: RunningSystem;
  let api: GalleyClient;
  let admin: string;
  let db: Pool;
  let webhookUrl: string;

  beforeAll(async () => {
    stripe = await StripeStandIn.start();
    system = await RunningSystem.start({
      appEnv: {
        users: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
        inventory: { DEMO_CATALOG: 'false' },
        payments: { ...stripe.env, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET },
      },
    });
    api = new GalleyClient(system.gatewayUrl);
    admin = await api.login(ADMIN.email, ADMIN.password);
    db = adminPool();
    webhookUrl = `${system.gatewayUrl}/api/webhooks/stripe`;
  });

  afterAll(async () => {
    await db?.end();
    await system?.stopAll();
    await stripe?.close();
  });

  /** An order of a fresh product, waiting for payment, and its PaymentIntent at the stand-in. */
  async function awaitingPayment(price = 1800): Promise<{ customer: string; orderId: string; intentId: string }> {
    const { id: productId } = await api.newProduct(admin, { stock: 5, price });
    await waitFor(async () => (await db.query(`SELECT 1 FROM orders.catalog_products WHERE id = $1`, [productId])).rowCount === 1, { what: 'the product in orders' });
    const customer = (await api.newCustomer()).token;
    const placed = await api.placeOrder(customer, [{ productId, quantity: 1 }]);
    const orderId = placed.body.id as string;
    const payment = await api.waitForPayment(customer, orderId);
    return { customer, orderId, intentId: payment.paymentIntentId };
  }

  it('creates one PaymentIntent per order with an idempotency key and hands out its client secret', async () => {
    const { customer, orderId, intentId } = await awaitingPayment(2100);
    const intents = stripe.intentsFor(orderId);
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({ id: intentId, amount: 2100, currency: 'usd', metadata: { orderId } });
    const creates = stripe.requests.filter((request) => request.operation === 'create_intent' && request.idempotencyKey?.includes(orderId));
    expect(creates.length).toBeGreaterThanOrEqual(1);
    expect(new Set(creates.map((request) => request.idempotencyKey)).size).toBe(1);
    const payment = await api.expect<{ clientSecret: string }>(200, 'GET', `/api/orders/${orderId}/payment`, { token: customer });
    expect(payment.clientSecret).toBe(intents[0].client_secret);
  });

  it('confirms once for a duplicated success, and a late failure changes nothing', async () => {
    const { customer, orderId, intentId } = await awaitingPayment();
    const failedEarlier = stripe.fail(intentId);
    const succeeded = stripe.succeed(intentId);
    expect((await stripe.deliver(succeeded, webhookUrl, WEBHOOK_SECRET)).status).toBe(200);
    expect((await stripe.deliver(succeeded, webhookUrl, WEBHOOK_SECRET)).status).toBe(200);
    await api.waitForStatus(customer, orderId, 'CONFIRMED');
    // The failure of an earlier attempt arrives last.
    expect((await stripe.deliver(failedEarlier, webhookUrl, WEBHOOK_SECRET)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const order = await api.order(customer, orderId);
    expect(order.status).toBe('CONFIRMED');
    expect(order.history.filter((entry) => entry.status === 'CONFIRMED')).toHaveLength(1);
  });

  it('refuses a forged, tampered or unsigned webhook with a 400 and changes nothing', async () => {
    const { customer, orderId, intentId } = await awaitingPayment();
    const succeeded = stripe.succeed(intentId);
    expect((await stripe.deliver(succeeded, webhookUrl, 'whsec_not_the_secret')).status).toBe(400);
    expect((await stripe.deliver(succeeded, webhookUrl, WEBHOOK_SECRET, { signature: null })).status).toBe(400);
    const tampered = JSON.stringify({ ...succeeded, data: { object: { ...(succeeded.data as { object: object }).object, amount_received: 1 } } });
    expect((await stripe.deliver(succeeded, webhookUrl, WEBHOOK_SECRET, { body: tampered })).status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await api.order(customer, orderId)).status).toBe('AWAITING_PAYMENT');
    const { rowCount } = await db.query(`SELECT 1 FROM payments.webhook_events WHERE event_id = $1`, [succeeded.id]);
    expect(rowCount).toBe(0);
  });

  it('cancels on a declined card and releases the stock', async () => {
    const { customer, orderId, intentId } = await awaitingPayment();
    expect((await stripe.deliver(stripe.fail(intentId), webhookUrl, WEBHOOK_SECRET)).status).toBe(200);
    const cancelled = await api.waitForStatus(customer, orderId, 'CANCELLED');
    expect(cancelled.history.at(-1)?.reason).toContain('payment failed');
  });

  it('shows a refund made in the Stripe dashboard on the order', async () => {
    const { customer, orderId, intentId } = await awaitingPayment(1600);
    await stripe.deliver(stripe.succeed(intentId), webhookUrl, WEBHOOK_SECRET);
    await api.waitForStatus(customer, orderId, 'CONFIRMED');
    const refunded = stripe.refundInDashboard(intentId, 600);
    await stripe.deliver(refunded, webhookUrl, WEBHOOK_SECRET);
    await stripe.deliver(refunded, webhookUrl, WEBHOOK_SECRET);
    const refunds = await waitFor(
      async () => {
        const order = await api.order(customer, orderId);
        return order.refunds.length > 0 ? order.refunds : undefined;
      },
      { what: 'the dashboard refund on the order' },
    );
    expect(refunds).toEqual([expect.objectContaining({ amount: { amount: 600, currency: 'USD' }, status: 'succeeded' })]);
  });

  it('flags a disputed order NEEDS_ATTENTION for staff', async () => {
    const { customer, orderId, intentId } = await awaitingPayment();
    await stripe.deliver(stripe.succeed(intentId), webhookUrl, WEBHOOK_SECRET);
    await api.waitForStatus(customer, orderId, 'CONFIRMED');
    await stripe.deliver(stripe.dispute(intentId), webhookUrl, WEBHOOK_SECRET);
    const flagged = await api.waitForStatus(customer, orderId, 'NEEDS_ATTENTION');
    expect(flagged.history.at(-1)?.reason).toContain('disputed');
    const board = await api.expect<{ items: { id: string }[] }>(200, 'GET', '/api/admin/orders?status=NEEDS_ATTENTION&limit=100', { token: admin });
    expect(board.items.map((item) => item.id)).toContain(orderId);
  });

  it('refunds through Stripe when a paid order is cancelled', async () => {
    const { customer, orderId, intentId } = await awaitingPayment(1300);
    await stripe.deliver(stripe.succeed(intentId), webhookUrl, WEBHOOK_SECRET);
    await api.waitForStatus(customer, orderId, 'CONFIRMED');
    await api.expect(200, 'POST', `/api/orders/${orderId}/cancel`, { token: customer, body: {} });
    await waitFor(async () => stripe.refundsOf(intentId).length === 1, { what: 'the refund at Stripe' });
    expect(stripe.refundsOf(intentId)[0]).toMatchObject({ amount: 1300 });
    await waitFor(async () => (await api.order(customer, orderId)).refunds.length === 1, { what: 'the refund on the order' });
  });
});
