import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { Pool } from 'pg';
import {
  adminPool,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  GalleyClient,
  launchChromium,
  openPage,
  RunningSystem,
  screenshot,
  waitFor,
  WatchedPage,
} from '@galley/testing';

const SUITE = 'kitchen';
const ADMIN = { email: 'admin@galley.test', password: 'galley-admin-dev' };
const CUSTOMER_PASSWORD = 'a-long-enough-password';
/** A visitor without a session asks for one silently; the app expects the refusal. */
const ANONYMOUS_REFUSALS = ['401 POST /api/auth/refresh'];
/** A failed sign-in attempt and the first silent refresh. */
const SIGN_IN_REFUSALS = [...ANONYMOUS_REFUSALS, '401 POST /api/auth/login'];
const TABLET = { width: 768, height: 1024 };
const STEP_TIMEOUT_MS = 20_000;
/** Preparation time of the slow dish ahead of the customer's order. */
const ROAST_MINUTES = 120;

type StoreSettings = { name: string; description: string; timeZone: string; openingHours: Record<string, { open: string; close: string }[]>; kitchenCapacity: number | null };

/** The board's ticket label: the order id's first six hex digits. */
function shortId(orderId: string): string {
  return orderId.replace(/-/g, '').slice(0, 6).toUpperCase();
}

/**
 * The staff side in Chromium against the whole system: the kitchen board fed live by the admin
 * order stream, taps that move a ticket while the customer's tracking page follows, and the
 * dashboard refusing a customer.
 */
describe('The kitchen board in Chromium', () => {
  let system: RunningSystem;
  let browser: Browser;
  let api: GalleyClient;
  let admin: string;
  let db: Pool;
  const opened: WatchedPage[] = [];
  let step = 0;

  beforeAll(async () => {
    [system, browser] = await Promise.all([RunningSystem.start(), launchChromium()]);
    api = new GalleyClient(system.gatewayUrl);
    admin = await api.login(ADMIN.email, ADMIN.password);
    db = adminPool();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((watched) => watched.close()));
  });

  afterAll(async () => {
    await db?.end();
    await browser?.close();
    await system?.stopAll();
  });

  async function open(viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
    const watched = await openPage(browser, { viewport });
    watched.page.setDefaultTimeout(STEP_TIMEOUT_MS);
    opened.push(watched);
    return watched;
  }

  /** A dish with stock, once orders' read-model has it (it arrives as an event). */
  async function dish(options: { stock?: number; modifierGroups?: unknown[] } = {}): Promise<{ id: string; name: string; categoryId: string }> {
    const name = `Board Dish ${randomUUID().slice(0, 6)}`;
    const { id, categoryId } = await api.newProduct(admin, { name, price: 900, stock: options.stock ?? 50, modifierGroups: options.modifierGroups });
    await waitFor(async () => (await db.query(`SELECT 1 FROM orders.catalog_products WHERE id = $1`, [id])).rowCount === 1, { what: `${name} in orders' read-model` });
    return { id, name, categoryId };
  }

  /** Placed and paid through the API, as a customer's phone would; resolves once CONFIRMED. */
  async function paidOrder(customerToken: string, lines: { productId: string; quantity: number; modifierOptionIds?: string[] }[]): Promise<string> {
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

  async function checkAdminPage(watched: WatchedPage, name: string, allowedRefusals: string[] = SIGN_IN_REFUSALS): Promise<void> {
    step += 1;
    await screenshot(watched.page, SUITE, `${String(step).padStart(2, '0')} ${name}`);
    await expectNoSeriousA11yViolations(watched.page);
    await expectNoHorizontalScrollOnTablet(watched.page);
    watched.expectNoErrors();
    expect(watched.refusedRequests.filter((line) => !allowedRefusals.includes(line))).toEqual([]);
  }

  async function checkStorefrontPage(watched: WatchedPage, name: string, allowedRefusals: string[] = ANONYMOUS_REFUSALS): Promise<void> {
    step += 1;
    await screenshot(watched.page, SUITE, `${String(step).padStart(2, '0')} ${name}`);
    await expectNoSeriousA11yViolations(watched.page);
    await expectNoHorizontalScroll(watched.page);
    watched.expectNoErrors();
    expect(watched.refusedRequests.filter((line) => !allowedRefusals.includes(line))).toEqual([]);
  }

  async function staffSignsIn(page: Page, who: { email: string; password: string }): Promise<void> {
    await page.goto(`${system.gatewayUrl}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Staff sign in' }).waitFor();
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function progressHeading(page: Page, label: string): Promise<void> {
    await page.getByRole('heading', { level: 2, name: label, exact: true }).waitFor();
  }

  it('shows a paid order on the board live with the sound armed, and moves it to COMPLETED by taps while the customer follows live', async () => {
    const soup = await dish({
      modifierGroups: [
        {
          name: 'Bread',
          minSelect: 1,
          maxSelect: 1,
          options: [
            { name: 'Sourdough', priceDelta: { amount: 0, currency: 'USD' } },
            { name: 'Rye', priceDelta: { amount: 0, currency: 'USD' } },
          ],
        },
      ],
    });
    const product = await api.expect<{ modifierGroups: { options: { id: string; name: string }[] }[] }>(200, 'GET', `/api/products/${soup.id}`);
    const rye = product.modifierGroups[0]!.options.find((o) => o.name === 'Rye')!.id;
    // A slow dish for an order ahead in the queue: once it leaves the kitchen, the customer's estimate moves by two hours.
    const roast = await dish();
    await api.expect(200, 'PATCH', `/api/admin/products/${roast.id}`, { token: admin, body: { preparationMinutes: ROAST_MINUTES } });
    await waitFor(async () => (await db.query(`SELECT 1 FROM orders.catalog_products WHERE id = $1 AND preparation_minutes = $2`, [roast.id, ROAST_MINUTES])).rowCount === 1, {
      what: "the roast's preparation time in orders' read-model",
    });

    const staff = await open();
    const board = staff.page;
    await staffSignsIn(board, ADMIN);
    await board.getByRole('heading', { level: 1, name: 'Kitchen board' }).waitFor();
    await board.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await board.getByRole('button', { name: 'Turn on sound' }).click();
    await board.getByRole('button', { name: 'Sound on', pressed: true }).waitFor();
    await checkAdminPage(staff, 'board live, sound armed');

    // Other orders of the day may already be waiting (and ringing): this order must ring once more.
    const ringing = board.getByText(/^Ringing for \d+ new orders?$/);
    const ringsSoFar = async () => ((await ringing.count()) === 0 ? 0 : Number(await ringing.getAttribute('data-rings')));
    const ringsBefore = await ringsSoFar();

    // Someone else's roast is paid first, so it is ahead in the kitchen's queue.
    const aheadId = await paidOrder((await api.newCustomer()).token, [{ productId: roast.id, quantity: 1 }]);
    const aheadLabel = shortId(aheadId);

    // A customer orders and pays from their phone (the API).
    const customer = await api.newCustomer();
    const orderId = await paidOrder(customer.token, [{ productId: soup.id, quantity: 2, modifierOptionIds: [rye] }]);
    const label = shortId(orderId);

    // It appears in "New" without a reload, with its items and the bell ringing.
    const newColumn = board.getByRole('region', { name: /^New/ });
    const ticket = newColumn.getByRole('article', { name: `Order ${label}` });
    await ticket.waitFor({ timeout: 5_000 });
    await ticket.getByRole('list', { name: `Items of order ${label}` }).getByText(soup.name).waitFor();
    await ticket.getByText('Bread: Rye').waitFor();
    await ticket.getByRole('button', { name: `Acknowledge order ${label}` }).waitFor();
    await waitFor(async () => (await ringsSoFar()) > ringsBefore, { what: 'the bell to ring for the new order', timeoutMs: 5_000 });
    await checkAdminPage(staff, 'new ticket ringing');

    // The customer's tracking page, in another browser, by the order's tracking link.
    const link = await api.expect<{ token: string }>(201, 'POST', '/api/auth/order-links', { token: customer.token, body: { orderId } });
    const phone = await open({ width: 390, height: 844 });
    await phone.page.goto(`${system.gatewayUrl}/track/${orderId}#t=${encodeURIComponent(link.token)}`);
    await progressHeading(phone.page, 'Paid and confirmed');
    await phone.page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await checkStorefrontPage(phone, 'customer tracking confirmed');

    // The kitchen cooks one ticket at a time for this step, so the roast ahead counts in the customer's estimate.
    const settings = await api.expect<StoreSettings>(200, 'GET', '/api/admin/store', { token: admin });
    const putStore = (kitchenCapacity: number | null) =>
      api.expect(200, 'PUT', '/api/admin/store', {
        token: admin,
        body: { name: settings.name, description: settings.description, timeZone: settings.timeZone, openingHours: settings.openingHours, kitchenCapacity },
      });
    await putStore(1);
    try {
      const readAround = phone.page.getByRole('status', { name: 'Estimated ready time' });
      // The page read its estimate before the capacity changed: a reload shows the one-at-a-time estimate.
      await phone.page.reload();
      await phone.page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
      await readAround.getByText(/^Ready around \d{1,2}:\d{2}/).waitFor();
      const shownBefore = await readAround.textContent();
      const estimateBefore = Date.parse((await api.expect<{ estimatedReadyAt: string }>(200, 'GET', `/api/orders/${orderId}`, { token: customer.token })).estimatedReadyAt);

      // Staff take the roast through the kitchen by taps; when it is ready the customer's time moves up, live.
      await newColumn.getByRole('article', { name: `Order ${aheadLabel}` }).getByRole('button', { name: `Start preparing order ${aheadLabel}` }).click();
      const roastCooking = board.getByRole('region', { name: /^Preparing/ }).getByRole('article', { name: `Order ${aheadLabel}` });
      await roastCooking.getByRole('button', { name: `Mark ready order ${aheadLabel}` }).click();
      await board.getByRole('region', { name: /^Ready/ }).getByRole('article', { name: `Order ${aheadLabel}` }).waitFor();
      // Starting the roast may already nudge the estimate; the roast's whole time leaves it only once it is ready.
      const estimateAfter = await waitFor(
        async () => {
          const at = Date.parse((await api.expect<{ estimatedReadyAt: string }>(200, 'GET', `/api/orders/${orderId}`, { token: customer.token })).estimatedReadyAt);
          return estimateBefore - at > (ROAST_MINUTES - 10) * 60_000 ? at : undefined;
        },
        { what: "the order's estimate to drop by the roast's time", timeoutMs: 10_000 },
      );
      // The page follows live to that estimate (its <time> carries the instant shown), and says so in words.
      const shownAt = readAround.locator('time');
      await waitFor(async () => (Math.abs(Date.parse((await shownAt.getAttribute('datetime')) ?? '') - estimateAfter) < 60_000 ? true : undefined), {
        what: "the customer's ready time to move to the new estimate",
        timeoutMs: 10_000,
      });
      expect(await readAround.textContent()).not.toBe(shownBefore);
      await readAround.getByText(/^Ready around \d{1,2}:\d{2}/).waitFor();
      await checkStorefrontPage(phone, 'customer estimate moved');
    } finally {
      await putStore(settings.kitchenCapacity);
    }

    // One tap per step; each is sent after its undo window.
    await ticket.getByRole('button', { name: `Start preparing order ${label}` }).click();
    await board.getByRole('button', { name: `Acknowledge order ${label}` }).waitFor({ state: 'detached' });
    const preparing = board.getByRole('region', { name: /^Preparing/ }).getByRole('article', { name: `Order ${label}` });
    await preparing.waitFor();
    await progressHeading(phone.page, 'Preparing');
    expect((await api.order(customer.token, orderId)).status).toBe('PREPARING');
    await checkAdminPage(staff, 'ticket preparing');

    await preparing.getByRole('button', { name: `Mark ready order ${label}` }).click();
    const ready = board.getByRole('region', { name: /^Ready/ }).getByRole('article', { name: `Order ${label}` });
    await ready.waitFor();
    await progressHeading(phone.page, 'Ready');
    await checkStorefrontPage(phone, 'customer tracking ready');

    await ready.getByRole('button', { name: `Complete order ${label}` }).click();
    await board.getByRole('region', { name: /^Completed/ }).getByRole('article', { name: `Order ${label}` }).waitFor();
    await progressHeading(phone.page, 'Completed');
    await checkAdminPage(staff, 'ticket completed');
    await checkStorefrontPage(phone, 'customer tracking completed');

    const final = await api.expect<{ status: string; history: { status: string }[] }>(200, 'GET', `/api/admin/orders/${orderId}`, { token: admin });
    expect(final.history.map((h) => h.status)).toEqual(expect.arrayContaining(['CONFIRMED', 'PREPARING', 'READY', 'COMPLETED']));
    expect(final.status).toBe('COMPLETED');
  });

  it('shows the board as stale while the gateway is down, then catches up with what it missed', async () => {
    const bread = await dish();
    const customer = await api.newCustomer();
    const orderId = await paidOrder(customer.token, [{ productId: bread.id, quantity: 1 }]);
    const label = shortId(orderId);
    const staff = await open();
    const board = staff.page;
    await staffSignsIn(board, ADMIN);
    await board.getByRole('region', { name: /^New/ }).getByRole('article', { name: `Order ${label}` }).waitFor();
    await board.getByRole('status').filter({ hasText: 'Live' }).waitFor();

    await system.stop('gateway');
    try {
      await board.getByRole('status').filter({ hasText: /^Reconnecting — last update/ }).waitFor();
      await screenshot(board, SUITE, 'board reconnecting');
      // The kitchen moves on meanwhile (another screen, straight at the orders service).
      await new GalleyClient(system.serviceUrl('orders'), { validateResponses: false }).expect(200, 'POST', `/api/admin/orders/${orderId}/status`, { token: admin, body: { status: 'PREPARING' } });
    } finally {
      await system.start('gateway');
    }

    await board.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: 30_000 });
    await board.getByRole('region', { name: /^Preparing/ }).getByRole('article', { name: `Order ${label}` }).waitFor();
    // The outage itself shows as refused connections; nothing else may go wrong.
    const outage = /ERR_CONNECTION_REFUSED|ERR_SOCKET_NOT_CONNECTED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_NETWORK_CHANGED/;
    staff.errors.splice(0, staff.errors.length, ...staff.errors.filter((line) => !outage.test(line)));
    await checkAdminPage(staff, 'board caught up', [...SIGN_IN_REFUSALS, '503 GET /api/admin/orders/stream']);
  });

  it('shows a customer who signs in at /admin a staff-only page and no admin data', async () => {
    const customer = await api.newCustomer();
    const watched = await open();
    const adminAnswers: string[] = [];
    watched.page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (pathname.startsWith('/api/admin') && response.status() < 400) adminAnswers.push(`${response.status()} ${pathname}`);
    });

    await staffSignsIn(watched.page, { email: customer.email, password: CUSTOMER_PASSWORD });
    await watched.page.getByRole('heading', { level: 1, name: 'This area is for staff' }).waitFor();
    expect(await watched.page.getByRole('heading', { name: 'Kitchen board' }).count()).toBe(0);
    expect(await watched.page.getByRole('navigation', { name: 'Dashboard' }).count()).toBe(0);
    // The refusals a customer may meet: admin requests refused are fine, any admin answer is not.
    await checkAdminPage(watched, 'customer at admin', [...SIGN_IN_REFUSALS, ...watched.refusedRequests.filter((line) => /^403 \S+ \/api\/admin/.test(line))]);
    expect(adminAnswers).toEqual([]);

    // The API refuses the same token everywhere under /api/admin.
    for (const path of ['/api/admin/orders', '/api/admin/inventory', '/api/admin/store']) {
      expect((await api.call('GET', path, { token: customer.token })).status).toBe(403);
    }
  });

  it('greys a dish out on an open storefront when staff switch it off', async () => {
    const dishOff = await dish();
    const categories = await api.expect<{ items: { id: string; slug: string }[] }>(200, 'GET', '/api/categories');
    const slug = categories.items.find((c) => c.id === dishOff.categoryId)!.slug;
    const shopper = await open({ width: 390, height: 844 });
    await shopper.page.goto(`${system.gatewayUrl}/menu/${slug}`);
    await shopper.page.getByRole('button', { name: `Add ${dishOff.name}`, disabled: false }).waitFor();

    await api.expect(200, 'PATCH', `/api/admin/products/${dishOff.id}`, { token: admin, body: { onSale: false } });
    await shopper.page.getByRole('button', { name: `Add ${dishOff.name}`, disabled: true }).waitFor({ timeout: 5_000 });
    await shopper.page.getByRole('article', { name: dishOff.name }).getByText('Sold out', { exact: true }).waitFor();
    await checkStorefrontPage(shopper, 'switched off live');
  });
});
