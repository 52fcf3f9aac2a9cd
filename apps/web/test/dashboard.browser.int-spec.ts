import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { Pool } from 'pg';
import { adminPool, expectNoSeriousA11yViolations, GalleyClient, launchChromium, openPage, RunningSystem, screenshot, waitFor, WatchedPage } from '@galley/testing';

const SUITE = 'dashboard';
const ADMIN = { email: 'admin@galley.test', password: 'galley-admin-dev' };
/** The stem every dish of this suite is named with; leftovers of an earlier run are archived first. */
const STEM = 'Dashboard Dish';
/** A visitor without a session asks for one silently; the app expects the refusal. */
const SIGN_IN_REFUSALS = ['401 POST /api/auth/refresh'];
const TABLET = { width: 768, height: 1024 };
const STEP_TIMEOUT_MS = 20_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

type Money = { amount: number; currency: string };
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
    [system, browser] = await Promise.all([RunningSystem.start(), launchChromium()]);
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
    step += 1;
    await screenshot(watched.page, SUITE, `${String(step).padStart(2, '0')} ${name}`);
    await expectNoSeriousA11yViolations(watched.page);
    await expectNoHorizontalScrollOnTablet(watched.page);
    watched.expectNoErrors();
    expect(watched.refusedRequests.filter((line) => !SIGN_IN_REFUSALS.includes(line))).toEqual([]);
  }

  /** Any dashboard address shows the sign-in first and the screen asked for after it. */
  async function staffSignsIn(page: Page, path: string): Promise<void> {
    await page.goto(`${system.gatewayUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Staff sign in' }).waitFor();
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('refunds one line of a paid order from the order detail, and the API shows the refund', async () => {
    const soup = await dish(900);
    const pie = await dish(1250);
    const customer = await api.newCustomer();
    const orderId = await paidOrder(customer.token, [
      { productId: soup.id, quantity: 1 },
      { productId: pie.id, quantity: 1 },
    ]);
    const label = shortId(orderId);

    const staff = await open();
    const page = staff.page;
    await staffSignsIn(page, `/admin/orders/${orderId}`);
    await page.getByRole('heading', { level: 1, name: `Order ${label}` }).waitFor();
    const items = page.getByRole('table', { name: `Items of order ${label}` });
    await items.getByRole('row').filter({ hasText: soup.name }).waitFor();
    await items.getByRole('row').filter({ hasText: pie.name }).waitFor();
    await page.getByText('No refunds.').waitFor();
    await checkAdminPage(staff, 'order detail paid');

    await page.getByRole('button', { name: `Refund order ${label}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Refund' });
    await dialog.getByText('Still refundable: $21.50 of $21.50.').waitFor();
    await dialog.getByRole('radio', { name: 'Chosen items' }).click();
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
    await checkAdminPage(staff, 'order detail refunded');

    const order = await api.expect<{ refunds: { amount: Money; status: string; reason?: string }[] }>(200, 'GET', `/api/orders/${orderId}`, { token: customer.token });
    expect(order.refunds).toEqual([expect.objectContaining({ amount: { amount: 1250, currency: 'USD' }, status: 'succeeded' })]);
    const payment = await waitFor(
      async () => {
        const answer = await api.expect<{ refunds: { amount: Money; status: string }[] }>(200, 'GET', `/api/orders/${orderId}/payment`, { token: customer.token });
        return answer.refunds.length > 0 && answer.refunds.every((r) => r.status === 'succeeded') ? answer : undefined;
      },
      { what: 'the refund on the payment' },
    );
    expect(payment.refunds).toEqual([expect.objectContaining({ amount: { amount: 1250, currency: 'USD' }, status: 'succeeded' })]);
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
});
