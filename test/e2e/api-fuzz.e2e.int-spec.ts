import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Pool } from 'pg';
import { TOPICS } from '@galley/contracts';
import { fromPgClient } from '@galley/messaging';
import {
  adminPool,
  captureProblems,
  checkout,
  describeAnswer,
  describeRequest,
  ExpectedAccess,
  FuzzAnswer,
  fuzzAnswerProblems,
  fuzzCallers,
  fuzzOperations,
  FuzzRequest,
  fuzzRequest,
  fuzzSigningKey,
  GalleyClient,
  OpenApiDocument,
  RunningSystem,
  Schema,
  sendFuzzRequest,
  stockProblems,
  waitFor,
  waitForOutboxesDrained,
} from '@galley/testing';
import { reconcilePayments } from '../../apps/payments/src/services/reconciliation';
import { STREAM_TICKETS_PATH } from '../../apps/gateway/src/edge/edge-request-handler';
import { decide, policyFor } from '../../apps/gateway/src/routing/route-policy';
import { resolveService } from '../../apps/gateway/src/routing/route-table';
import { ORDER_BOARD_STREAM_PATH, ORDER_STREAM_PATH } from '../../apps/gateway/src/streams/order-streams';

/**
 * A black-box fuzz of the whole API through the gateway (issue 16): every operation of the merged
 * OpenAPI document, with bodies, query strings, path parameters and headers generated valid from
 * its schemas or broken in one place, from anonymous, customer and admin callers and from tokens
 * that must count for nothing. No answer may be a 5xx, show a stack trace or SQL, or contradict
 * the route's access policy; afterwards the data the run made must hold the promises of the
 * system (stock, captures, ledger, outboxes). FUZZ_RUNS (batches of up to 6 concurrent requests)
 * and FUZZ_SEED make it longer or different; FUZZ_PATH replays a shrunk counterexample.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 900);
const SEED = Number(process.env.FUZZ_SEED ?? 16_2026);
const PATH = process.env.FUZZ_PATH;
const BATCH = 6;
const ADMIN = { email: `admin-${randomUUID().slice(0, 8)}@galley.test`, password: 'api-fuzz-admin-password' };

/** Valid bodies that would reach past this run into the shared test database are kept to this run's own. */
const REPLAYS = ['users', 'inventory', 'orders', 'payments', 'reviews'].map((service) => `POST /api/admin/dead-letters/${service}/replay`);

const STORE_CHANGES = ['PUT /api/admin/store', 'POST /api/admin/store/pause'];

/** The writes the data invariants are about come up more often than the other operations. */
const WEIGHTS: Record<string, number> = {
  'POST /api/orders': 15,
  'POST /api/payments/dev/simulate': 6,
  'POST /api/orders/{id}/cancel': 3,
  'POST /api/admin/orders/{id}/status': 3,
  'POST /api/admin/orders/{id}/refund': 3,
  'POST /api/admin/inventory/{productId}/adjustments': 3,
};

/** What the gateway's policy says a caller with `role` gets at `url` (a stream ticket in the URL is redeemed first: a made-up one is a 401). */
function expectedAccess(method: string, url: URL, role: string | undefined): ExpectedAccess {
  const policy = policyFor(method, url.pathname);
  // The gateway answers 404 before any policy where no service owns the path (`/api/admin/products/%2e%2e/x` is `/api/admin/x`).
  if (!policy || (!resolveService(url.pathname) && url.pathname !== STREAM_TICKETS_PATH)) return 'no route';
  const streams = ORDER_STREAM_PATH.test(url.pathname) || ORDER_BOARD_STREAM_PATH.test(url.pathname);
  if (streams && url.searchParams.get('ticket')) return 'unauthenticated';
  return decide(policy.access, role);
}

describe('The API under fuzzing', () => {
  let sut: RunningSystem;
  let api: GalleyClient;
  let db: Pool;
  let adminToken: string;
  let startedAt: Date;
  let storeBefore: Record<string, unknown>;
  /** The users service's signing key: the fuzz mints expired tokens and tokens of a role that does not exist with it. */
  let signingKey: string;
  /** The products and orders the run made (the API's 201 answers): what the data checks look at, since other suites share galley_test. */
  const made = { productIds: [] as string[], orderIds: [] as string[], orderable: '' };

  beforeAll(async () => {
    signingKey = await fuzzSigningKey();
    sut = await RunningSystem.start({
      appEnv: {
        users: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, JWT_PRIVATE_KEY: signingKey, AUTH_RATE_LIMIT_PER_ADDRESS: '1000000' },
        gateway: { RATE_LIMIT_PER_ADDRESS: '1000000' },
        inventory: { DEMO_CATALOG: 'false' },
      },
    });
    api = new GalleyClient(sut.gatewayUrl);
    db = adminPool();
    startedAt = new Date(Date.now() - 1000);
    adminToken = await api.login(ADMIN.email, ADMIN.password);
    storeBefore = await api.expect(200, 'GET', '/api/admin/store', { token: adminToken });
  });

  /** The store's settings and pause as they were before the run. */
  async function restoreStore(): Promise<void> {
    const { name, description, timeZone, openingHours, kitchenCapacity, pausedUntil } = storeBefore;
    await api.expect(200, 'PUT', '/api/admin/store', { token: adminToken, body: { name, description, timeZone, openingHours, kitchenCapacity } });
    if (pausedUntil === null) await api.call('DELETE', '/api/admin/store/pause', { token: adminToken });
  }

  afterAll(async () => {
    await db?.end();
    await sut?.stopAll();
  });

  it('answers every operation, valid or not, from every caller, without a 5xx, a stack trace, SQL or a policy breach', async () => {
    const document = (await (await fetch(`${sut.gatewayUrl}/docs-json`)).json()) as OpenApiDocument;
    const operations = fuzzOperations(document);
    expect(operations.length).toBeGreaterThan(60);

    // Things that exist, so valid requests reach past "not found": a product with stock, an unpaid and a paid order, an address.
    const customer = await api.newCustomer();
    const admin = await api.expect<{ id: string }>(200, 'GET', '/api/users/me', { token: adminToken });
    const product = await api.newProduct(adminToken, { stock: 40, price: 1200 });
    // Only valid orders name this one: the fuzz's product edits (off sale, archived) never reach it.
    const orderable = await api.newProduct(adminToken, { stock: 200, price: 800 });
    for (const id of [product.id, orderable.id]) {
      await waitFor(async () => (await db.query(`SELECT 1 FROM orders.catalog_products WHERE id = $1`, [id])).rowCount === 1, { what: 'the product in orders' });
    }
    const unpaid = await api.placeOrder(customer.token, [{ productId: product.id, quantity: 1 }]);
    expect(unpaid.status).toBe(201);
    const paid = await checkout(api, customer.token, [{ productId: product.id, quantity: 2 }], { timeoutMs: 60_000 });
    const address = await api.expect<{ id: string }>(201, 'POST', '/api/users/me/addresses', {
      token: customer.token,
      body: { line1: '1 Fuzz Lane', city: 'Bristol', postalCode: 'BS1 4RN', country: 'GB' },
    });
    made.productIds.push(product.id);
    made.orderable = orderable.id;
    made.orderIds.push(unpaid.body.id as string, paid.orderId);
    // Grown by the run: orders, products and synonym sets the API creates become targets too.
    const knownIds = {
      productId: made.productIds,
      categoryId: [product.categoryId],
      parentId: [product.categoryId],
      orderId: made.orderIds,
      addressId: [address.id],
      synonymId: [] as string[],
      userId: [customer.id, admin.id],
    };
    const created: Record<string, string[]> = {
      'POST /api/orders': knownIds.orderId,
      'POST /api/admin/products': knownIds.productId,
      'POST /api/admin/categories': knownIds.categoryId,
      'POST /api/users/me/addresses': knownIds.addressId,
      'POST /api/admin/search/synonyms': knownIds.synonymId,
    };
    const someOf = (ids: string[]) => fc.nat().map((i) => ids[i % ids.length]);
    const validBodies = {
      // An order of products that exist, in stock, for pickup: the generated lines almost never are.
      'POST /api/orders': fc.record({
        lines: fc.array(fc.record({ productId: fc.constantFrom(orderable.id, product.id), quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 2 }),
        fulfillment: fc.constant({ type: 'pickup' }),
      }),
      'POST /api/payments/dev/simulate': fc.record({ orderId: someOf(knownIds.orderId), outcome: fc.constantFrom('succeeded', 'failed') }),
      'POST /api/admin/orders/{id}/refund': fc.record({ amount: fc.integer({ min: 1, max: 500 }), reason: fc.constant('fuzz refund') }),
    };

    const callers = await fuzzCallers({
      signingKey,
      customer: { ...customer },
      admin: { id: admin.id, email: ADMIN.email, token: adminToken },
    });
    const components = (document.components?.schemas ?? {}) as Record<string, Schema>;
    const request = fc.oneof(
      ...operations.map((operation) => ({
        weight: WEIGHTS[`${operation.method} ${operation.template}`] ?? 1,
        arbitrary: fuzzRequest(operation, { components, callers, knownIds, validBodies, requiredProperties: Object.fromEntries(REPLAYS.map((replay) => [replay, ['id']])) }),
      })),
    );

    let sent = 0;
    /** How many answers of each status valid and invalid requests got, and the operations that answered 2xx at least once. */
    const statuses = new Map<string, number>();
    const succeeded = new Set<string>();
    const seen = new Map<string, string>();
    let last: { request: FuzzRequest; answer: FuzzAnswer; problems: string[] }[] = [];
    const started = Date.now();
    const details = await fc.check(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: BATCH }), async (batch) => {
        const answers = await Promise.all(batch.map((one) => sendFuzzRequest(sut.gatewayUrl, one)));
        sent += batch.length;
        for (let i = 0; i < batch.length; i++) {
          const outcome = `${batch[i].intent === 'valid' ? 'valid' : 'invalid'} ${answers[i].status}`;
          statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
          if (answers[i].status >= 200 && answers[i].status < 300) succeeded.add(batch[i].operation);
        }
        const judged = batch.map((one, i) => {
          const url = new URL(one.url, sut.gatewayUrl);
          const problems = fuzzAnswerProblems(one, answers[i], expectedAccess(one.method, url, one.caller.role));
          if (created[one.operation] && answers[i].status === 201) created[one.operation].push((JSON.parse(answers[i].text) as { id: string }).id);
          for (const problem of problems) {
            const key = `${one.operation} as ${one.caller.name}: ${problem}`;
            if (!seen.has(key)) seen.set(key, `${describeRequest(one)}\n      → ${describeAnswer(answers[i])}`);
          }
          return { request: one, answer: answers[i], problems };
        });
        // A store the fuzz closed takes no orders: open it again, so the rest of the run still places and pays some.
        if (batch.some((one, i) => STORE_CHANGES.includes(one.operation) && answers[i].status < 300)) await restoreStore();
        if (judged.every((one) => one.problems.length === 0)) return true;
        last = judged.filter((one) => one.problems.length > 0);
        return false;
      }),
      { numRuns: RUNS, seed: SEED, path: PATH, interruptAfterTimeLimit: 240_000 },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`API fuzz: ${sent} requests over ${operations.length} operations in ${seconds} s (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}); ${seen.size} distinct problems`);
    console.log(
      `API fuzz answers: ${[...statuses.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([outcome, n]) => `${outcome}: ${n}`)
        .join(', ')}\n` +
        `${succeeded.size} of ${operations.length} operations answered 2xx at least once; never: ${operations
          .map((op) => `${op.method} ${op.template}`)
          .filter((op) => !succeeded.has(op))
          .join(', ')}`,
    );

    // Put back what the fuzz may have changed for the suites after this one.
    await restoreStore();
    for (const id of knownIds.synonymId) await api.call('DELETE', `/api/admin/search/synonyms/${id}`, { token: adminToken });

    if (details.failed) {
      const report = [
        `The API fuzz found ${seen.size} distinct problems in ${sent} requests (seed ${SEED}${details.interrupted ? ', interrupted' : ''}).`,
        `Repeat with FUZZ_SEED=${details.seed} FUZZ_PATH="${details.counterexamplePath ?? ''}" flock /tmp/galley-e2e.lock npx jest test/e2e/api-fuzz.e2e.int-spec.ts`,
        '',
        `Shrunk counterexample (after ${details.numShrinks} shrinks):`,
        ...last.map((one) => `  ${describeRequest(one.request)}\n      → ${describeAnswer(one.answer)}\n      ✗ ${one.problems.join('; ')}`),
        '',
        'Every distinct problem seen, with its first request:',
        ...[...seen.entries()].map(([key, example]) => `  ✗ ${key}\n      ${example}`),
        details.errorInstance ? `\nError: ${String(details.errorInstance)}` : '',
      ].join('\n');
      throw new Error(report);
    }
    expect(details.numRuns).toBe(RUNS);
  }, 600_000);

  it('leaves the data the fuzz made consistent: stock, one capture per payment, a balanced ledger, drained outboxes', async () => {
    // This system's topics have no prefix: rows for prefixed topics are another system's.
    const drained = await waitForOutboxesDrained(db, { since: startedAt, topics: Object.values(TOPICS), timeoutMs: 30_000 });
    expect(drained.pending).toEqual([]);
    const productIds = [...new Set([made.orderable, ...made.productIds])];
    const orderIds = [...new Set(made.orderIds)];
    expect(productIds.length).toBeGreaterThan(1);
    expect(orderIds.length).toBeGreaterThan(1);
    console.log(`API fuzz data: ${productIds.length} products, ${orderIds.length} orders; outboxes drained in ${drained.millis} ms`);
    expect(await stockProblems(db, productIds)).toEqual([]);
    expect(await captureProblems(db, orderIds)).toEqual([]);
    expect(await reconcilePayments(fromPgClient(db), { orderIds })).toEqual([]);
  });
});
