import { randomUUID } from 'node:crypto';
import { GalleyClient } from './galley-client';

export const FINAL_CHECKOUT_STATUSES = ['CONFIRMED', 'REJECTED', 'CANCELLED', 'NEEDS_ATTENTION'] as const;

export interface CheckoutOutcome {
  orderId: string;
  status: string;
  /** Place → the order seen in a final status. */
  millis: number;
  /** Requests that failed (connection refused, 5xx) and were retried. */
  retries: number;
}

/**
 * One customer's checkout as a real client does it, and as one that survives crashes: place the order with an
 * Idempotency-Key (retried with the same key until answered), wait for the PaymentIntent, pay through the simulated
 * provider's signed webhook, then wait until the order is final. Connection errors and 5xx answers are retried, so
 * a service killed mid-checkout is simply waited out.
 */
export async function checkout(
  api: GalleyClient,
  customerToken: string,
  lines: { productId: string; quantity: number }[],
  options: {
    timeoutMs?: number;
    pollMs?: number;
    pay?: 'succeeded' | 'failed';
    follow?: 'poll' | 'stream';
    /** The Idempotency-Key of the placement (a fresh one when absent), e.g. to send a duplicate beside it. */
    idempotencyKey?: string;
    /** Told the order's id as soon as the placement is answered (before the order is final). */
    onPlaced?: (orderId: string) => void;
    /** Pays instead of the simulation endpoint (e.g. by delivering signed webhooks), once the intent exists. */
    payment?: (orderId: string) => Promise<void>;
  } = {},
): Promise<CheckoutOutcome> {
  if (options.follow === 'stream') return checkoutFollowingStream(api, customerToken, lines, options);
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const pollMs = options.pollMs ?? 50;
  const key = options.idempotencyKey ?? randomUUID();
  let retries = 0;
  const started = Date.now();

  /** Calls until an answer that is not a transient failure. */
  const attempt = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    for (;;) {
      if (Date.now() > deadline) throw new Error(`checkout timed out at ${method} ${path}`);
      try {
        const answer = await api.call(method, path, { token: customerToken, body, headers });
        if (answer.status < 500) return answer;
      } catch {
        // connection refused or reset while a service restarts
      }
      retries++;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  const placed = await attempt('POST', '/api/orders', { lines, fulfillment: { type: 'pickup' } }, { 'idempotency-key': key });
  if (placed.status !== 201) throw new Error(`placing the order answered ${placed.status}: ${JSON.stringify(placed.body)}`);
  const orderId = placed.body.id as string;
  options.onPlaced?.(orderId);

  // Wait for the intent, or for the order to end without one (stock rejected).
  for (;;) {
    const payment = await attempt('GET', `/api/orders/${orderId}/payment`);
    if (payment.status === 200) break;
    const order = await attempt('GET', `/api/orders/${orderId}`);
    if ((FINAL_CHECKOUT_STATUSES as readonly string[]).includes(order.body.status as string))
      return { orderId, status: order.body.status as string, millis: Date.now() - started, retries };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  if (options.payment) await options.payment(orderId);
  else {
    for (;;) {
      const paid = await attempt('POST', '/api/payments/dev/simulate', { orderId, outcome: options.pay ?? 'succeeded' });
      if (paid.status === 202) break;
      if (paid.status !== 409) throw new Error(`simulate answered ${paid.status}: ${JSON.stringify(paid.body)}`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
  for (;;) {
    const order = await attempt('GET', `/api/orders/${orderId}`);
    if ((FINAL_CHECKOUT_STATUSES as readonly string[]).includes(order.body.status as string))
      return { orderId, status: order.body.status as string, millis: Date.now() - started, retries };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * The same checkout as a storefront with live status does it: the order's SSE stream (with `include=payment`) says
 * when the PaymentIntent exists and when the order is final, so the client sends no polling reads: one read of the
 * payment (its client secret), the payment, and the stream. No crash tolerance: for benchmarks on a healthy system.
 */
async function checkoutFollowingStream(
  api: GalleyClient,
  customerToken: string,
  lines: { productId: string; quantity: number }[],
  options: { timeoutMs?: number; pollMs?: number; pay?: 'succeeded' | 'failed' },
): Promise<CheckoutOutcome> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const started = Date.now();
  const placed = await api.call('POST', '/api/orders', {
    token: customerToken,
    body: { lines, fulfillment: { type: 'pickup' } },
    headers: { 'idempotency-key': randomUUID() },
  });
  if (placed.status !== 201) throw new Error(`placing the order answered ${placed.status}: ${JSON.stringify(placed.body)}`);
  const orderId = placed.body.id as string;
  const stream = await api.stream(`/api/orders/${orderId}/stream?include=payment`, { token: customerToken });
  const statuses = () => stream.events.filter((event) => event.event === 'status').map((event) => (JSON.parse(event.data) as { status: string }).status);
  const final = () => statuses().find((status) => (FINAL_CHECKOUT_STATUSES as readonly string[]).includes(status));
  const payable = () => stream.events.some((event) => event.event === 'payment');
  try {
    await stream.waitFor(() => payable() || final() !== undefined, timeoutMs);
    if (!final()) {
      await api.expect(200, 'GET', `/api/orders/${orderId}/payment`, { token: customerToken });
      await api.expect(202, 'POST', '/api/payments/dev/simulate', { token: customerToken, body: { orderId, outcome: options.pay ?? 'succeeded' } });
      await stream.waitFor(() => final() !== undefined, timeoutMs);
    }
    return { orderId, status: final()!, millis: Date.now() - started, retries: 0 };
  } finally {
    stream.close();
  }
}

/** Runs `work` for every item with at most `concurrency` at once, keeping the results in order. */
export async function withConcurrency<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(workers);
  return results;
}
