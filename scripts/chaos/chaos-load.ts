import { randomBytes, randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { simulatedIntentEvent } from '../../apps/payments/src/domain/simulated-event';
import { checkout, GalleyClient, withConcurrency } from '@galley/testing';

export interface ChaosLoadOptions {
  /** Orders placed in all. */
  orders: number;
  /** Customers placing them at once. */
  concurrency: number;
  products: number;
  /** Units on hand per product: fewer than the orders ask for, so some are refused and the last unit is contested. */
  stockPerProduct: number;
  /** Every n-th order is paid by webhooks the client signs itself: the success three times, shuffled with a stale failure. */
  webhookEvery: number;
  /** Every n-th order is placed twice at once with the same Idempotency-Key (a double click). */
  doubleSubmitEvery: number;
  /** The payments app's STRIPE_WEBHOOK_SECRET. */
  webhookSecret: string;
  /** How long one checkout may take through every fault before the client gives up. */
  checkoutTimeoutMs: number;
  /** A customer's pause between two checkouts: keeps the load steady over the whole run instead of emptying the stock. */
  thinkMs: number;
}

export interface AcceptedOrder {
  orderId: string;
  placedAt: number;
  /** Final as the client saw it (undefined when the client gave up). */
  status?: string;
  finalAt?: number;
  retries: number;
  paidBy: 'simulation' | 'webhooks' | 'none';
}

/**
 * The steady checkout load of a chaos run: customers ordering one or two units of scarce products, paying through the
 * simulated provider or by signed webhooks delivered duplicated and out of order, retrying every failed request with
 * the same Idempotency-Key. Records every order the API accepted, and every answer that broke a promise.
 */
export class ChaosLoad {
  readonly accepted = new Map<string, AcceptedOrder>();
  /** Broken promises seen by clients (a 4xx to a valid request, two ids for one key, a refused webhook). */
  readonly violations: string[] = [];
  /** Checkouts the client gave up on (the order may still finish; the checks decide). */
  readonly abandoned: string[] = [];
  productIds: string[] = [];
  private customers: { id: string; token: string }[] = [];
  private started = 0;
  private stopped = false;

  constructor(
    private readonly api: GalleyClient,
    private readonly options: ChaosLoadOptions,
  ) {}

  get customerIds(): string[] {
    return this.customers.map((customer) => customer.id);
  }

  get placedCount(): number {
    return this.started;
  }

  async prepare(adminToken: string): Promise<void> {
    for (let i = 0; i < this.options.products; i += 1) {
      this.productIds.push((await this.api.newProduct(adminToken, { stock: this.options.stockPerProduct, price: 700 + 100 * i })).id);
    }
    this.customers = await withConcurrency(Array.from({ length: this.options.concurrency }), 4, () => this.api.newCustomer());
  }

  /** Runs until stopped and at least `orders` have been started, then until each has ended (final, or given up on). */
  async run(): Promise<void> {
    await Promise.all(
      this.customers.map(async (customer) => {
        while (!this.stopped || this.started < this.options.orders) {
          const index = this.started++;
          await this.checkoutOnce(customer, index);
          await new Promise((resolve) => setTimeout(resolve, this.options.thinkMs));
        }
      }),
    );
  }

  /** Starts no more checkouts once `orders` have been started (those under way finish). */
  stop(): void {
    this.stopped = true;
  }

  private async checkoutOnce(customer: { id: string; token: string }, index: number): Promise<void> {
    const lines = [{ productId: this.productIds[index % this.productIds.length], quantity: 1 + (index % 3 === 0 ? 1 : 0) }];
    const key = randomUUID();
    const byWebhooks = index % this.options.webhookEvery === 0;
    let placedId: string | undefined;
    const duplicate = index % this.options.doubleSubmitEvery === 0 ? this.placeAgain(customer.token, lines, key) : undefined;
    try {
      const outcome = await checkout(this.api, customer.token, lines, {
        timeoutMs: this.options.checkoutTimeoutMs,
        pollMs: 200,
        idempotencyKey: key,
        onPlaced: (orderId) => {
          placedId = orderId;
          this.accepted.set(orderId, { orderId, placedAt: Date.now(), retries: 0, paidBy: 'none' });
        },
        payment: byWebhooks ? (orderId) => this.payByWebhooks(customer.token, orderId) : undefined,
      });
      const order = this.accepted.get(outcome.orderId)!;
      Object.assign(order, { status: outcome.status, finalAt: Date.now(), retries: outcome.retries });
      if (outcome.status === 'CONFIRMED') order.paidBy = byWebhooks ? 'webhooks' : 'simulation';
    } catch (error) {
      this.abandoned.push(`${placedId ?? '(not placed)'}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const twin = await duplicate;
    if (twin !== undefined && placedId !== undefined && twin !== placedId) {
      this.violations.push(`one Idempotency-Key, two orders: ${placedId} and ${twin}`);
    }
  }

  /** The double click: the same placement once more, retried through faults like the first. */
  private async placeAgain(token: string, lines: { productId: string; quantity: number }[], key: string): Promise<string | undefined> {
    const answer = await this.untilAnswered('POST', '/api/orders', token, { lines, fulfillment: { type: 'pickup' } }, { 'idempotency-key': key });
    if (answer?.status === 201 || answer?.status === 200) return answer.body.id as string;
    this.violations.push(`a repeated placement answered ${answer?.status ?? 'nothing'}: ${JSON.stringify(answer?.body ?? null).slice(0, 200)}`);
    return undefined;
  }

  /**
   * What Stripe does to webhooks: the success delivered three times (two of them at once), and the failure of an
   * earlier attempt arriving among them, after the success. Every delivery must be answered 200, and the order
   * confirmed once.
   */
  private async payByWebhooks(token: string, orderId: string): Promise<void> {
    const payment = await this.untilAnswered('GET', `/api/orders/${orderId}/payment`, token);
    if (payment?.status !== 200) throw new Error(`the payment of ${orderId} answered ${payment?.status}`);
    const intent = {
      intentId: payment.body.paymentIntentId as string,
      orderId,
      amount: (payment.body.amount as { amount: number }).amount,
      currency: (payment.body.amount as { currency: string }).currency,
    };
    const now = new Date();
    const succeeded = simulatedIntentEvent(
      intent,
      'succeeded',
      { eventId: `evt_chaos_${randomBytes(10).toString('hex')}`, chargeId: `ch_chaos_${randomBytes(10).toString('hex')}` },
      now,
    );
    const staleFailure = simulatedIntentEvent(intent, 'failed', { eventId: `evt_chaos_${randomBytes(10).toString('hex')}`, chargeId: '' }, new Date(now.getTime() - 30_000));
    await this.deliver(succeeded);
    await Promise.all(shuffled([succeeded, succeeded, staleFailure]).map((event) => this.deliver(event)));
  }

  private async deliver(event: Record<string, unknown>): Promise<void> {
    // The client sends JSON.stringify(event): the signature is over exactly those bytes.
    const payload = JSON.stringify(event);
    const signature = () => Stripe.webhooks.generateTestHeaderString({ payload, secret: this.options.webhookSecret });
    const answer = await this.untilAnswered('POST', '/api/webhooks/stripe', undefined, event, { 'stripe-signature': '' }, signature);
    if (!answer) throw new Error(`webhook ${String(event.id)} never answered`);
    if (answer.status !== 200) this.violations.push(`webhook ${String(event.id)} (${String(event.type)}) answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
  }

  /** Retries connection failures and 5xx (a service restarting) until an answer or the checkout timeout. */
  private async untilAnswered(method: string, path: string, token?: string, body?: unknown, headers?: Record<string, string>, sign?: () => string) {
    const deadline = Date.now() + this.options.checkoutTimeoutMs;
    while (Date.now() < deadline) {
      try {
        // Signed per attempt, as Stripe does for each retry (the timestamp is part of the signature).
        const answer = await this.api.call(method, path, { token, body, headers: sign ? { ...headers, 'stripe-signature': sign() } : headers });
        if (answer.status < 500) return answer;
      } catch {
        // connection refused or reset while a service restarts
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return undefined;
  }
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
