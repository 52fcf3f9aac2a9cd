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

const SUITE = 'storefront';
const ADMIN = { email: 'admin@galley.test', password: 'galley-admin-dev' };
/** The stem every dish of this suite is named with; leftovers of an earlier run are archived first. */
const STEM = 'Saffron Risotto';
/** What a customer types: two typos in two words. */
const TYPO_QUERY = 'safron risoto';
/**
 * Refusals the app expects and handles: a visitor without a session asks for one silently, and
 * the pay step polls for the order's PaymentIntent, which appears a moment after the order.
 */
const EXPECTED_REFUSALS = [/^401 POST \/api\/auth\/refresh$/, /^404 GET \/api\/orders\/[0-9a-f-]{36}\/payment$/];
const STEP_TIMEOUT_MS = 20_000;

type ProductItem = { id: string; name: string };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The storefront's journeys in Chromium against the whole system (six apps, real Postgres and
 * Kafka): everything set up through the public API, everything checked the way a customer sees it.
 */
describe('The storefront in Chromium', () => {
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
    // The test database outlives a run: dishes of earlier runs would crowd the suggestions.
    const leftovers = await api.expect<{ items: ProductItem[] }>(200, 'GET', `/api/products?q=${encodeURIComponent(STEM)}&limit=100`);
    for (const item of leftovers.items.filter((p) => p.name.startsWith(STEM))) {
      await api.call('DELETE', `/api/admin/products/${item.id}`, { token: admin });
    }
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((watched) => watched.close()));
  });

  afterAll(async () => {
    await db?.end();
    await browser?.close();
    await system?.stopAll();
  });

  async function open(): Promise<WatchedPage> {
    const watched = await openPage(browser);
    watched.page.setDefaultTimeout(STEP_TIMEOUT_MS);
    opened.push(watched);
    return watched;
  }

  /** A dish on sale with stock, once orders' read-model has it (it arrives as an event). */
  async function dish(options: { stock: number; price?: number; modifierGroups?: unknown[] }): Promise<{ id: string; name: string; categoryId: string }> {
    const name = `${STEM} ${randomUUID().slice(0, 4)}`;
    const { id, categoryId } = await api.newProduct(admin, { name, price: options.price ?? 1400, stock: options.stock, modifierGroups: options.modifierGroups });
    await waitFor(async () => (await db.query(`SELECT 1 FROM orders.catalog_products WHERE id = $1`, [id])).rowCount === 1, { what: `${name} in orders' read-model` });
    return { id, name, categoryId };
  }

  async function categorySlug(categoryId: string): Promise<string> {
    const categories = await api.expect<{ items: { id: string; slug: string }[] }>(200, 'GET', '/api/categories');
    return categories.items.find((c) => c.id === categoryId)!.slug;
  }

  /**
   * What every page must pass: a screenshot, no serious or critical axe violation, no sideways
   * scrolling at 360 px, no console or page error, and no refused request but the expected ones.
   */
  async function checkPage(watched: WatchedPage, name: string): Promise<void> {
    step += 1;
    await screenshot(watched.page, SUITE, `${String(step).padStart(2, '0')} ${name}`);
    await expectNoSeriousA11yViolations(watched.page);
    await expectNoHorizontalScroll(watched.page);
    watched.expectNoErrors();
    expect(watched.refusedRequests.filter((line) => !EXPECTED_REFUSALS.some((allowed) => allowed.test(line)))).toEqual([]);
  }

  async function staffMoves(orderId: string, status: 'PREPARING' | 'READY' | 'COMPLETED'): Promise<void> {
    await api.expect(200, 'POST', `/api/admin/orders/${orderId}/status`, { token: admin, body: { status } });
  }

  async function signInAtCheckout(page: Page, customer: { email: string }): Promise<void> {
    await page.getByRole('button', { name: 'I have an account' }).click();
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(customer.email);
    await form.getByLabel('Password').fill('a-long-enough-password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Ordering as' }).waitFor();
  }

  async function progressHeading(page: Page, label: string): Promise<void> {
    await page.getByRole('heading', { level: 2, name: label, exact: true }).waitFor();
  }

  it('finds a dish with a typo, enforces its min-2 choices, keeps the cart over a reload, pays with the test payment, follows the order live to COMPLETED', async () => {
    const risotto = await dish({
      stock: 30,
      modifierGroups: [
        {
          name: 'Toppings',
          minSelect: 2,
          maxSelect: 3,
          options: [
            { name: 'Parmesan', priceDelta: { amount: 0, currency: 'USD' } },
            { name: 'Porcini', priceDelta: { amount: 250, currency: 'USD' } },
            { name: 'Lemon zest', priceDelta: { amount: 0, currency: 'USD' } },
            { name: 'Truffle oil', priceDelta: { amount: 300, currency: 'USD' } },
          ],
        },
      ],
    });
    const customer = await api.newCustomer();
    const watched = await open();
    const { page } = watched;

    // Menu: the landing page.
    await page.goto(`${system.gatewayUrl}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkPage(watched, 'landing');

    // Search as you type, with a typo in each word.
    const search = page.getByRole('searchbox', { name: 'Search the menu' });
    await search.fill(TYPO_QUERY);
    const suggestion = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: new RegExp(`^${escapeRegExp(risotto.name)}`) });
    await suggestion.waitFor();
    await expect(page.getByRole('combobox', { name: 'Search the menu' }).getAttribute('aria-expanded')).resolves.toBe('true');
    await checkPage(watched, 'search suggestions');
    await suggestion.click();

    // Product: the Toppings group needs 2 to 3 choices.
    await page.getByRole('heading', { level: 1, name: risotto.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/product/${risotto.id}`);
    const addToCart = page.getByRole('button', { name: /^Add to cart/ });
    expect(await addToCart.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /^Parmesan/ }).check();
    expect(await addToCart.isDisabled()).toBe(true);
    await expect(page.getByText('Choose at least 2', { exact: true }).isVisible()).resolves.toBe(true);
    await checkPage(watched, 'product one choice blocked');
    await page.getByRole('checkbox', { name: /^Porcini/ }).check();
    await page.getByRole('button', { name: /^Add to cart/, disabled: false }).waitFor();
    // 14.00 + 2.50 for the porcini.
    expect(await addToCart.textContent()).toContain('$16.50');
    await page.getByRole('checkbox', { name: /^Lemon zest/ }).check();
    // Three is the most: the fourth option cannot be taken.
    expect(await page.getByRole('checkbox', { name: /^Truffle oil/ }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /^Lemon zest/ }).uncheck();
    await checkPage(watched, 'product two choices allowed');
    await addToCart.click();
    await page.getByText(`Added ${risotto.name} to your cart.`).waitFor();
    await page.getByRole('link', { name: 'Cart, 1 item' }).waitFor();

    // Cart, and again after a reload (localStorage).
    await page.getByRole('link', { name: 'Cart, 1 item' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your cart' }).waitFor();
    const cartLine = page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem').filter({ hasText: risotto.name });
    await cartLine.getByText('Parmesan, Porcini').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your cart' }).waitFor();
    await cartLine.getByText('Parmesan, Porcini').waitFor();
    expect(await cartLine.getByText('$16.50').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Go to checkout', disabled: false }).waitFor();
    await checkPage(watched, 'cart after reload');

    // Checkout: sign in, place the order.
    await page.getByRole('button', { name: 'Go to checkout' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    await signInAtCheckout(page, customer);
    await checkPage(watched, 'checkout signed in');
    await page.getByRole('button', { name: /^Place order/, disabled: false }).click();

    // Pay with the test payment.
    await page.getByRole('heading', { level: 1, name: 'Order placed' }).waitFor();
    const orderId = new URL(page.url()).searchParams.get('order')!;
    expect(orderId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Total to pay: $16.50' }).waitFor();
    const pay = page.getByRole('button', { name: 'Pay (test — succeeds)' });
    await pay.waitFor();
    await checkPage(watched, 'pay step');
    await pay.click();

    // Tracking: CONFIRMED, then live as staff move the order.
    await page.waitForURL(`**/track/${orderId}`);
    await progressHeading(page, 'Paid and confirmed');
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await checkPage(watched, 'tracking confirmed');
    await staffMoves(orderId, 'PREPARING');
    await progressHeading(page, 'Preparing');
    await staffMoves(orderId, 'READY');
    await progressHeading(page, 'Ready');
    await checkPage(watched, 'tracking ready');
    await staffMoves(orderId, 'COMPLETED');
    await progressHeading(page, 'Completed');
    await page.getByRole('list', { name: 'Order progress' }).getByText('Completed (current)').waitFor();
    await checkPage(watched, 'tracking completed');
    const placed = await api.order(customer.token, orderId);
    expect(placed).toMatchObject({ status: 'COMPLETED', total: { amount: 1650, currency: 'USD' } });
    completed = { orderId, customer, dish: risotto };
  });

  /** The order the first journey completed: its buyer reviews the dish from the tracking page. */
  let completed: { orderId: string; customer: { email: string }; dish: { id: string; name: string } } | undefined;

  it('lets the buyer of a completed order review the dish from the tracking page', async () => {
    expect(completed).toBeDefined();
    const { orderId, customer, dish: risotto } = completed!;
    const watched = await open();
    const { page } = watched;
    await page.goto(`${system.gatewayUrl}/account`);
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(customer.email);
    await form.getByLabel('Password').fill('a-long-enough-password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: /, account$/ }).waitFor();
    await page.goto(`${system.gatewayUrl}/track/${orderId}`);
    await progressHeading(page, 'Completed');

    await page.getByRole('button', { name: `Write a review of ${risotto.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Review ${risotto.name}` });
    await dialog.getByRole('radio', { name: '5 stars' }).click();
    await dialog.getByLabel('Your review').fill('Creamy, the porcini were perfect and it was still hot when we got home.');
    await checkPage(watched, 'review dialog');
    await dialog.getByRole('button', { name: 'Post review' }).click();
    await page.getByText('Thanks for your review').waitFor();
    await checkPage(watched, 'reviewed');
    const reviews = await api.expect<{ items: { rating: number; body: string }[] }>(200, 'GET', `/api/products/${risotto.id}/reviews`);
    expect(reviews.items).toEqual([expect.objectContaining({ rating: 5, body: expect.stringContaining('porcini') })]);
  });

  it('makes one order when the order button is double-clicked', async () => {
    const risotto = await dish({ stock: 30 });
    const customer = await api.newCustomer();
    const watched = await open();
    const { page } = watched;

    await page.goto(`${system.gatewayUrl}/product/${risotto.id}`);
    await page.getByRole('heading', { level: 1, name: risotto.name }).waitFor();
    await page.getByRole('button', { name: /^Add to cart/ }).click();
    await page.getByRole('link', { name: 'Cart, 1 item' }).waitFor();
    await page.goto(`${system.gatewayUrl}/checkout`);
    await signInAtCheckout(page, customer);
    const placeOrder = page.getByRole('button', { name: /^Place order/, disabled: false });
    await placeOrder.waitFor();
    await placeOrder.dblclick();
    await page.getByRole('heading', { level: 1, name: 'Order placed' }).waitFor();
    await checkPage(watched, 'double click placed');

    const orders = await api.expect<{ items: { id: string }[] }>(200, 'GET', '/api/orders', { token: customer.token });
    expect(orders.items).toHaveLength(1);
    expect(orders.items[0]!.id).toBe(new URL(page.url()).searchParams.get('order'));
  });

  it('disables a dish on an open menu, without a reload, when its stock runs out', async () => {
    const risotto = await dish({ stock: 3 });
    const slug = await categorySlug(risotto.categoryId);
    const watched = await open();
    const { page } = watched;

    await page.goto(`${system.gatewayUrl}/menu/${slug}`);
    await page.getByRole('button', { name: `Add ${risotto.name}`, disabled: false }).waitFor();
    await checkPage(watched, 'menu in stock');
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });

    await api.expect(201, 'POST', `/api/admin/inventory/${risotto.id}/adjustments`, { token: admin, body: { delta: -3, reason: 'dropped the tray' } });
    await page.getByRole('button', { name: `Add ${risotto.name}`, disabled: true }).waitFor({ timeout: 5_000 });
    await page.getByRole('article', { name: risotto.name }).getByText('Sold out', { exact: true }).waitFor();
    expect(navigations).toBe(0);
    await checkPage(watched, 'menu sold out live');
  });

  it('finds a dish in the search box through a one-letter typo, a joined name, missing accents and its first letters', async () => {
    // Names no other suite uses, so the catalog's leftovers cannot crowd them; earlier runs' copies are archived first.
    const names = ['Xochipilli Tamal', 'Pâté Quinzelle'];
    for (const name of names) {
      const earlier = await api.expect<{ items: ProductItem[] }>(200, 'GET', `/api/products?q=${encodeURIComponent(name)}&limit=100`);
      for (const item of earlier.items.filter((p) => p.name === name)) await api.call('DELETE', `/api/admin/products/${item.id}`, { token: admin });
      await api.newProduct(admin, { name, stock: 5 });
    }
    const watched = await open();
    const { page } = watched;
    await page.goto(`${system.gatewayUrl}/`);
    const search = page.getByRole('searchbox', { name: 'Search the menu' });
    const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
    for (const [typed, dishName] of [
      ['xochipilli tamol', 'Xochipilli Tamal'], // one letter wrong in a five-letter word
      ['xochipillitamal', 'Xochipilli Tamal'], // two words typed as one
      ['pate quinzelle', 'Pâté Quinzelle'], // without the accents
      ['quinz', 'Pâté Quinzelle'], // the first letters, as typed so far
    ]) {
      await search.fill(typed);
      await suggestions.getByRole('option').first().filter({ hasText: dishName }).waitFor();
    }
    await checkPage(watched, 'search by first letters');
  });

  it('lets a guest order without a password and follow the order from its link in a fresh browser', async () => {
    const risotto = await dish({ stock: 30, price: 1100 });
    const watched = await open();
    const { page } = watched;

    await page.goto(`${system.gatewayUrl}/product/${risotto.id}`);
    await page.getByRole('button', { name: /^Add to cart/ }).click();
    await page.getByRole('link', { name: 'Cart, 1 item' }).click();
    await page.getByRole('button', { name: 'Go to checkout', disabled: false }).click();
    await page.getByRole('button', { name: 'As a guest', pressed: true }).waitFor();
    await page.getByLabel('Your name (optional)').fill('Guest Diner');
    await page.getByRole('button', { name: 'Continue as guest' }).click();
    await page.getByRole('heading', { name: 'Ordering as' }).waitFor();
    await page.getByText('Guest (Guest Diner)').waitFor();
    await checkPage(watched, 'guest checkout');
    await page.getByRole('button', { name: /^Place order/, disabled: false }).click();
    await page.getByRole('button', { name: 'Pay (test — succeeds)' }).click();
    await progressHeading(page, 'Paid and confirmed');
    const linkBox = page.getByRole('textbox', { name: 'Tracking link (bookmark or copy it)' });
    await linkBox.waitFor();
    const link = await linkBox.inputValue();
    const orderId = new URL(page.url()).pathname.split('/').pop()!;
    expect(link).toMatch(new RegExp(`/track/${orderId}#t=.+`));
    await checkPage(watched, 'guest tracking');

    // A fresh browser context: no cookie, no storage, only the link.
    const elsewhere = await open();
    await elsewhere.page.goto(link);
    await elsewhere.page.getByRole('heading', { level: 1, name: `Order ${orderId.slice(0, 8).toUpperCase()}` }).waitFor();
    await progressHeading(elsewhere.page, 'Paid and confirmed');
    await elsewhere.page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await staffMoves(orderId, 'PREPARING');
    await progressHeading(elsewhere.page, 'Preparing');
    await checkPage(elsewhere, 'tracking by link');
    // The link reads this one order only: the order history needs a sign-in there.
    const ordersWithLink = await api.call('GET', '/api/orders', { token: decodeURIComponent(link.split('#t=')[1]!) });
    expect(ordersWithLink.status).toBe(403);
  });
});
