import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { Pool } from 'pg';
import Stripe from 'stripe';
import { adminPool, expectNoSeriousA11yViolations, GalleyClient, launchChromium, openPage, RunningSystem, screenshot, waitFor, WatchedPage } from '@galley/testing';

const SUITE = 'dashboard';
const ADMIN = { email: 'admin@galley.test', password: 'galley-admin-dev' };
/** The stem every dish of this suite is named with; leftovers of an earlier run are archived first. */
const STEM = 'Dashboard Dish';
/** A visitor without a session asks for one silently; the app expects the refusal. */
const SIGN_IN_REFUSALS = ['401 POST /api/auth/refresh'];
const TABLET = { width: 768, height: 1024 };
const STEP_TIMEOUT_MS = 20_000;
/** Signs the dispute this suite sends through the webhook path as Stripe would. */
const WEBHOOK_SECRET = `whsec_${randomUUID().replace(/-/g, '')}`;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

type Money = { amount: number; currency: string };
type PaymentLine = { lineId: number; quantity: number; refundedQuantity: number; refundableQuantity: number };
type Interval = { open: string; close: string };
type StoreSettings = { name: string; description: string; timeZone: string; openingHours: Record<string, Interval[]>; kitchenCapacity: number | null };

/** The dashboard's order label: the order id's first six hex digits. */
function shortId(orderId: string): string {
  return orderId.replace(/-/g, '').slice(0, 6).toUpperCase();
}

function capitalized(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/**
 * The staff dashboard's editing screens in Chromium against the whole system: a per-line refund,
 * a stock adjustment, a price change and opening hours, each checked afterwards through the API.
 */
describe('The staff dashboard in Chromium', () => {
  let system: RunningSystem;
  let browser: Browser;
  let api: GalleyClient;
  let admin: string;
  let db: Pool;
  let storeBefore: StoreSettings | undefined;
  const opened: WatchedPage[] = [];
  let step = 0;

  beforeAll(async () => {
    [system, browser] = await Promise.all([RunningSystem.start({ appEnv: { payments: { STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET } } }), launchChromium()]);
    api = new GalleyClient(system.gatewayUrl);
    admin = await api.login(ADMIN.email, ADMIN.password);
    db = adminPool();
    storeBefore = await api.expect<StoreSettings>(200, 'GET', '/api/admin/store', { token: admin });
    // The test database outlives a run: archive this suite's dishes of earlier runs.
    const leftovers = await api.expect<{ items: { id: string; name: string }[] }>(200, 'GET', `/api/products?q=${encodeURIComponent(STEM)}&limit=100`);
    for (const item of leftovers.items.filter((p) => p.name.startsWith(STEM))) {
      await api.call('DELETE', `/api/admin/products/${item.id}`, { token: admin });
    }
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((watched) => watched.close()));
  });

  afterAll(async () => {
    try {
      if (storeBefore && api && admin) {
        // Never leave the shared test store paused for the suites after this one.
        await api.call('DELETE', '/api/admin/store/pause', { token: admin });
        const { name, description, timeZone, openingHours, kitchenCapacity } = storeBefore;
        await api.expect(200, 'PUT', '/api/admin/store', { token: admin, body: { name, description, timeZone, openingHours, kitchenCapacity } });
      }
    } finally {
      await db?.end();
      await browser?.close();
      await system?.stopAll();
    }
  });

  async function open(): Promise<WatchedPage> {
    const watched = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    watched.page.setDefaultTimeout(STEP_TIMEOUT_MS);
    opened.push(watched);
    return watched;
  }

  /** A dish with stock, once orders' read-model has it (it arrives as an event). */
  async function dish(price: number, stock = 20): Promise<{ id: string; name: string }> {
    const name = `${STEM} ${randomUUID().slice(0, 6)}`;
    const { id } = await api.newProduct(admin, { name, price, stock });
    await waitFor(async () => (await db.query(`SELECT 1 FROM orders.catalog_products WHERE id = $1`, [id])).rowCount === 1, { what: `${name} in orders' read-model` });
    return { id, name };
  }

  /** Placed and paid through the API, as a customer's phone would; resolves once CONFIRMED. */
  async function paidOrder(customerToken: string, lines: { productId: string; quantity: number }[]): Promise<string> {
    const placed = await api.placeOrder(customerToken, lines, randomUUID());
    expect(placed.status).toBe(201);
    const orderId = placed.body.id as string;
    await api.waitForPayment(customerToken, orderId);
    await api.expect(202, 'POST', '/api/payments/dev/simulate', { token: customerToken, body: { orderId, outcome: 'succeeded' } });
    await api.waitForStatus(customerToken, orderId, 'CONFIRMED');
    return orderId;
  }

  /** No sideways scrolling on a 768 px tablet (the dashboard's narrowest), then back. */
  async function expectNoHorizontalScrollOnTablet(page: Page): Promise<void> {
    const previous = page.viewportSize();
    await page.setViewportSize(TABLET);
    try {
      await page.waitForFunction('window.innerWidth === 768');
      const widths = (await page.evaluate('({ scroll: document.documentElement.scrollWidth, window: window.innerWidth })')) as { scroll: number; window: number };
      expect(widths.scroll).toBeLessThanOrEqual(widths.window);
    } finally {
      if (previous) await page.setViewportSize(previous);
    }
  }

  async function checkAdminPage(watched: WatchedPage, name: string): Promise<void> {
    await checkPage(watched, name);
    await expectNoHorizontalScrollOnTablet(watched.page);
  }

  /** Screenshot, axe, no errors, and no refused request but those expected. */
  async function checkPage(watched: WatchedPage, name: string, allowedRefusals: string[] = SIGN_IN_REFUSALS): Promise<void> {
    step += 1;
    await screenshot(watched.page, SUITE, `${String(step).padStart(2, '0')} ${name}`);
    await expectNoSeriousA11yViolations(watched.page);
    watched.expectNoErrors();
    expect(watched.refusedRequests.filter((line) => !allowedRefusals.includes(line))).toEqual([]);
  }

  /** Any dashboard address shows the sign-in first and the screen asked for after it. */
  async function staffSignsIn(page: Page, path: string): Promise<void> {
    await page.goto(`${system.gatewayUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Staff sign in' }).waitFor();
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('refunds one of two items of a line from the order detail; the API and the dialog then offer only the one left', async () => {
    const soup = await dish(900);
    const pie = await dish(1250);
    const customer = await api.newCustomer();
    const orderId = await paidOrder(customer.token, [
      { productId: soup.id, quantity: 1 },
      { productId: pie.id, quantity: 2 },
    ]);
    const label = shortId(orderId);

    const staff = await open();
    const page = staff.page;
    await staffSignsIn(page, `/admin/orders/${orderId}`);
    await page.getByRole('heading', { level: 1, name: `Order ${label}` }).waitFor();
    const items = page.getByRole('table', { name: `Items of order ${label}` });
    await items.getByRole('row').filter({ hasText: soup.name }).waitFor();
    const pieRow = items.getByRole('row').filter({ hasText: pie.name });
    await pieRow.waitFor();
    await page.getByText('No refunds.').waitFor();
    await checkAdminPage(staff, 'order detail paid');

    await page.getByRole('button', { name: `Refund order ${label}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Refund' });
    await dialog.getByText('Still refundable: $34.00 of $34.00.').waitFor();
    await dialog.getByRole('radio', { name: 'Chosen items' }).click();
    await dialog.getByText('2 of 2 refundable', { exact: false }).waitFor();
    await dialog.getByRole('spinbutton', { name: `Quantity of ${pie.name} to refund` }).fill('1');
    // The amount is worked out from the chosen line's price.
    await dialog.getByText('Amount to refund: $12.50').waitFor();
    await dialog.getByLabel('Reason').fill('pie arrived cold');
    await checkAdminPage(staff, 'refund dialog one line');
    await dialog.getByRole('button', { name: 'Refund $12.50' }).click();
    await dialog.waitFor({ state: 'detached' });

    const refund = page.getByRole('list', { name: 'Refunds' }).getByRole('listitem');
    await refund.getByText('$12.50').waitFor();
    expect(await refund.count()).toBe(1);
    await refund.getByText('pie arrived cold', { exact: false }).waitFor();
    // A refund's outcome arrives by webhook: the detail follows it until it has succeeded.
    await refund.getByText('Refunded', { exact: true }).waitFor();
    // The items table says how many of each line were refunded (columns: item, qty, refunded, …).
    await waitFor(async () => (await pieRow.getByRole('cell').nth(2).textContent()) === '1', { what: 'one pie shown refunded' });
    await checkAdminPage(staff, 'order detail refunded');

    const order = await api.expect<{ refunds: { amount: Money; status: string; reason?: string }[] }>(200, 'GET', `/api/orders/${orderId}`, { token: customer.token });
    expect(order.refunds).toEqual([expect.objectContaining({ amount: { amount: 1250, currency: 'USD' }, status: 'succeeded' })]);
    const payment = await waitFor(
      async () => {
        const answer = await api.expect<{ refunds: { amount: Money; status: string }[]; lines: PaymentLine[] }>(200, 'GET', `/api/orders/${orderId}/payment`, {
          token: customer.token,
        });
        return answer.refunds.length > 0 && answer.refunds.every((r) => r.status === 'succeeded') ? answer : undefined;
      },
      { what: 'the refund on the payment' },
    );
    expect(payment.refunds).toEqual([expect.objectContaining({ amount: { amount: 1250, currency: 'USD' }, status: 'succeeded' })]);
    expect(payment.lines).toEqual([
      { lineId: 1, quantity: 1, refundedQuantity: 0, refundableQuantity: 1 },
      { lineId: 2, quantity: 2, refundedQuantity: 1, refundableQuantity: 1 },
    ]);

    // Refunding again: the pie line offers at most the one left, and a second pie cannot be asked for.
    await page.getByRole('button', { name: `Refund order ${label}` }).click();
    await dialog.getByText('Still refundable: $21.50 of $34.00.').waitFor();
    await dialog.getByRole('radio', { name: 'Chosen items' }).click();
    await dialog.getByText('1 of 2 refundable (1 refunded)', { exact: false }).waitFor();
    const pieQuantity = dialog.getByRole('spinbutton', { name: `Quantity of ${pie.name} to refund` });
    expect(await pieQuantity.getAttribute('max')).toBe('1');
    await pieQuantity.fill('2');
    await waitFor(async () => (await pieQuantity.inputValue()) === '1', { what: 'the quantity held at the one left' });
    await dialog.getByText('Amount to refund: $12.50').waitFor();
    await checkAdminPage(staff, 'refund dialog one left');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('adjusts a product’s stock by +7 with a reason, shown in its movements and on hand', async () => {
    const flour = await dish(500, 10);
    const before = await api.expect<{ onHand: number }>(200, 'GET', `/api/admin/inventory/${flour.id}`, { token: admin });

    const staff = await open();
    const page = staff.page;
    await staffSignsIn(page, '/admin');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Stock' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stock' }).waitFor();
    await page.getByRole('button', { name: `Manage ${flour.name}` }).click();
    const panel = page.getByRole('region', { name: flour.name });
    await panel.getByRole('heading', { level: 2, name: flour.name }).waitFor();
    await panel.getByLabel('Units (+ adds, − removes)').fill('+7');
    await panel.getByLabel('Reason', { exact: true }).fill('delivery received');
    await panel.getByRole('button', { name: 'Save adjustment' }).click();
    await panel.getByText(`Added 7 of ${flour.name}.`).waitFor();

    const movements = panel.getByRole('list', { name: `Stock movements of ${flour.name}` });
    const added = movements.getByRole('listitem').filter({ hasText: 'delivery received' });
    await added.getByText('+7', { exact: true }).waitFor();
    await added.getByText(`${before.onHand + 7} after`, { exact: false }).waitFor();
    await panel.getByText(`${before.onHand + 7} on hand`, { exact: false }).waitFor();
    await checkAdminPage(staff, 'stock adjusted');

    const after = await api.expect<{ onHand: number }>(200, 'GET', `/api/admin/inventory/${flour.id}`, { token: admin });
    expect(after.onHand).toBe(before.onHand + 7);
  });

  it('changes a product’s price in the menu editor, and the catalog serves the new price', async () => {
    const tart = await dish(900);

    const staff = await open();
    const page = staff.page;
    await staffSignsIn(page, '/admin');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Menu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Menu' }).waitFor();
    await page.getByRole('link', { name: `Edit ${tart.name}` }).click();
    await page.getByRole('heading', { level: 1, name: `Edit ${tart.name}` }).waitFor();
    const price = page.getByLabel('Price (USD)');
    await waitFor(async () => /^9(\.00)?$/.test(await price.inputValue()), { what: 'the current price in the editor' });
    await price.fill('12.75');
    await page.getByRole('button', { name: 'Save product' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    await checkAdminPage(staff, 'product price saved');

    const product = await api.expect<{ price: Money }>(200, 'GET', `/api/products/${tart.id}`);
    expect(product.price).toEqual({ amount: 1275, currency: 'USD' });
  });

  it('changes one weekday’s opening hours in Store settings, and the public store shows them', async () => {
    // A day that is neither today nor tomorrow anywhere, so no order of this run meets the change.
    const day = WEEKDAYS[(new Date().getUTCDay() + 3) % 7]!;
    const dayName = capitalized(day);
    const staff = await open();
    const page = staff.page;
    await staffSignsIn(page, '/admin');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Store settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Store settings' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Opening hours' }).waitFor();
    // Always open has one interval a day; a day without hours gets one first.
    if (storeBefore!.openingHours[day]!.length === 0) await page.getByRole('button', { name: `Add hours on ${dayName}` }).click();
    await page.getByLabel(`${dayName} opens`).first().fill('10:30');
    await page.getByLabel(`${dayName} closes`).first().fill('22:15');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved. Customers see the new settings now.').waitFor();
    await checkAdminPage(staff, 'store hours saved');

    const store = await api.expect<{ openingHours: Record<string, Interval[]> }>(200, 'GET', '/api/store');
    expect(store.openingHours[day]![0]).toEqual({ open: '10:30', close: '22:15' });
    for (const other of WEEKDAYS.filter((d) => d !== day)) expect(store.openingHours[other]).toEqual(storeBefore!.openingHours[other]);
  });

  it('moves a category up in the menu editor with the keyboard, and the public listing follows', async () => {
    const stem = `Dashboard Category ${randomUUID().slice(0, 6)}`;
    const starters = await api.expect<{ id: string; name: string }>(201, 'POST', '/api/admin/categories', { token: admin, body: { name: `${stem} Starters` } });
    const desserts = await api.expect<{ id: string; name: string }>(201, 'POST', '/api/admin/categories', { token: admin, body: { name: `${stem} Desserts` } });
    const listedIds = async () => (await api.expect<{ items: { id: string }[] }>(200, 'GET', '/api/categories')).items.map((c) => c.id);
    // A new category comes last: desserts right after starters.
    const before = await listedIds();
    expect(before.indexOf(desserts.id)).toBe(before.indexOf(starters.id) + 1);

    const staff = await open();
    const page = staff.page;
    await staffSignsIn(page, '/admin/catalog');
    await page.getByRole('heading', { level: 1, name: 'Menu' }).waitFor();
    const order = page.getByRole('list', { name: 'Category order' });
    await order.getByRole('listitem').filter({ hasText: desserts.name }).waitFor();
    const up = page.getByRole('button', { name: `Move ${desserts.name} up` });
    await up.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `${desserts.name} moved up to position ${before.indexOf(starters.id) + 1} of ${before.length}.` }).waitFor();
    const shown = (await order.getByRole('listitem').allTextContents()).map((text) => text.trim());
    expect(shown.findIndex((text) => text.startsWith(desserts.name))).toBe(shown.findIndex((text) => text.startsWith(starters.name)) - 1);
    await checkAdminPage(staff, 'category moved up');

    const after = await listedIds();
    expect(after.indexOf(desserts.id)).toBe(after.indexOf(starters.id) - 1);
    expect(after.filter((id) => id !== desserts.id && id !== starters.id)).toEqual(before.filter((id) => id !== desserts.id && id !== starters.id));
  });

  it('pauses orders from Store settings: an open checkout is refused, says when ordering resumes, and takes orders once resumed', async () => {
    const stew = await dish(800);
    const shopper = await open();
    const shop = shopper.page;
    await shop.goto(`${system.gatewayUrl}/product/${stew.id}`);
    await shop.getByRole('button', { name: /^Add to cart/ }).click();
    await shop.getByRole('link', { name: 'Cart, 1 item' }).click();
    await shop.getByRole('button', { name: 'Go to checkout', disabled: false }).click();
    await shop.getByRole('button', { name: 'As a guest', pressed: true }).waitFor();
    await shop.getByRole('button', { name: 'Continue as guest' }).click();
    await shop.getByRole('heading', { name: 'Ordering as' }).waitFor();
    const placeOrder = shop.getByRole('button', { name: /^Place order/ });
    await shop.getByRole('button', { name: /^Place order/, disabled: false }).waitFor();

    const staff = await open();
    const page = staff.page;
    await staffSignsIn(page, '/admin/store');
    await page.getByRole('heading', { level: 1, name: 'Store settings' }).waitFor();
    await page.getByRole('button', { name: 'Pause orders for 20 minutes' }).click();
    await page.getByText(/^Paused: no new orders until \d{1,2}:\d{2}/).waitFor();
    const paused = await api.expect<{ pausedUntil: string | null }>(200, 'GET', '/api/store');
    const minutesLeft = (Date.parse(paused.pausedUntil ?? '') - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(19);
    expect(minutesLeft).toBeLessThanOrEqual(20);
    await checkAdminPage(staff, 'store paused');

    // The checkout was opened before the pause: pressing the button is refused in words, and the page then says when ordering resumes.
    await placeOrder.click();
    await shop.getByText(/paused new orders; orders are taken again from/).waitFor();
    const notice = shop.getByRole('alert').filter({ hasText: 'We are not taking orders right now.' });
    await notice.getByText(/^Ordering resumes (today|tomorrow) at \d{1,2}:\d{2}\s?[AP]M\. You can keep your cart and order then\.$/).waitFor();
    await shop.getByRole('button', { name: /^Place order/, disabled: true }).waitFor();
    await checkPage(shopper, 'checkout while paused', [...SIGN_IN_REFUSALS, '422 POST /api/orders']);
    const customer = await api.newCustomer();
    const refused = await api.placeOrder(customer.token, [{ productId: stew.id, quantity: 1 }], randomUUID());
    expect(refused.status).toBe(422);

    await page.getByRole('button', { name: 'Take orders again now' }).click();
    await page.getByText('Taking orders again.').waitFor();
    const resumed = await api.expect<{ pausedUntil: string | null; acceptingOrders: boolean }>(200, 'GET', '/api/store');
    expect(resumed.pausedUntil === null || Date.parse(resumed.pausedUntil) <= Date.now()).toBe(true);
    await shop.reload();
    await shop.getByRole('button', { name: /^Place order/, disabled: false }).waitFor();
    expect(await shop.getByRole('alert').filter({ hasText: 'We are not taking orders right now.' }).count()).toBe(0);
  });

  it('resolves a disputed order from the Needs attention inbox, with the result shown and the order settled in the API', async () => {
    const steak = await dish(1500);
    const customer = await api.newCustomer();
    const orderId = await paidOrder(customer.token, [{ productId: steak.id, quantity: 1 }]);
    const label = shortId(orderId);
    // The bank disputes the charge: Stripe's charge.dispute.created, signed and sent through the webhook path.
    const { paymentIntentId } = await api.expect<{ paymentIntentId: string }>(200, 'GET', `/api/orders/${orderId}/payment`, { token: customer.token });
    const payload = JSON.stringify({
      id: `evt_${randomUUID().replace(/-/g, '')}`,
      object: 'event',
      type: 'charge.dispute.created',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: { object: { id: `dp_${randomUUID().replace(/-/g, '')}`, object: 'dispute', amount: 1500, currency: 'usd', payment_intent: paymentIntentId, reason: 'fraudulent', status: 'needs_response' } },
    });
    const delivered = await fetch(`${system.gatewayUrl}/api/webhooks/stripe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) },
      body: payload,
    });
    expect(delivered.status).toBe(200);
    await api.waitForStatus(customer.token, orderId, 'NEEDS_ATTENTION');

    const staff = await open();
    const page = staff.page;
    await staffSignsIn(page, '/admin/attention');
    await page.getByRole('heading', { level: 1, name: 'Needs attention' }).waitFor();
    const flagged = page.getByRole('article', { name: `Order ${label}` });
    await flagged.getByText(/disputed/).waitFor();
    await checkAdminPage(staff, 'needs attention disputed');

    await flagged.getByRole('button', { name: `Mark resolved order ${label}` }).click();
    await page.getByRole('status', { name: 'Last result' }).getByText(`Order ${label} is now completed.`).waitFor();
    await flagged.waitFor({ state: 'detached' });
    await checkAdminPage(staff, 'needs attention resolved');

    const settled = await api.expect<{ status: string; history: { status: string; reason: string }[] }>(200, 'GET', `/api/admin/orders/${orderId}`, { token: admin });
    expect(settled.status).toBe('COMPLETED');
    expect(settled.history.at(-1)).toMatchObject({ status: 'COMPLETED', reason: 'resolved by staff' });
    const inbox = await api.expect<{ items: { id: string }[] }>(200, 'GET', '/api/admin/orders?status=NEEDS_ATTENTION&limit=100', { token: admin });
    expect(inbox.items.map((item) => item.id)).not.toContain(orderId);
  });
});
