import { randomUUID } from 'node:crypto';
import { fetchResponseValidator, ObservedResponse, OpenApiResponseValidator } from './openapi-response-validator';

/** An order as GET /api/orders/:id shows it (the fields tests read). */
export type OrderView = Record<string, unknown> & {
  id: string;
  status: string;
  history: { status: string; reason: string; sequence: number }[];
  refunds: { id: string; amount: { amount: number; currency: string }; status: string }[];
};

/** An answer of the API: status and parsed JSON body (or text when it is not JSON). */
export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ServerSentEvent {
  id?: string;
  event: string;
  data: string;
}

/**
 * A small client of the public API through the gateway, for end-to-end tests and benchmarks: accounts, catalog
 * set-up, orders, payments and live order streams. It knows the routes, never the services behind them.
 */
export class GalleyClient {
  private readonly validateResponses: boolean;
  private validator?: Promise<OpenApiResponseValidator>;

  /**
   * Every answer is checked against the gateway's merged OpenAPI document (GET /docs-json): an
   * undocumented operation or status, or a body that does not match its schema, fails the call.
   * On by default; `validateResponses: false` or GALLEY_VALIDATE_RESPONSES=0 turns it off.
   */
  constructor(
    readonly baseUrl: string,
    options: { validateResponses?: boolean } = {},
  ) {
    this.validateResponses = options.validateResponses ?? process.env.GALLEY_VALIDATE_RESPONSES !== '0';
  }

  async call<T = Record<string, unknown>>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiAnswer<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // keep the text
    }
    await this.checkAgainstDocument({ method, path, status: res.status, contentType: res.headers.get('content-type'), body });
    return { status: res.status, body: body as T, headers: res.headers };
  }

  /** Fails when the answer is not as the merged OpenAPI document says (see the constructor). */
  private async checkAgainstDocument(observed: ObservedResponse): Promise<void> {
    if (!this.validateResponses) return;
    this.validator ??= fetchResponseValidator(this.baseUrl);
    let validator = await this.validator;
    // The gateway leaves out a service it could not reach: a missing operation gets one fresh look.
    if (validator.problems(observed).some((problem) => problem.endsWith('is not a documented operation'))) {
      this.validator = fetchResponseValidator(this.baseUrl);
      validator = await this.validator;
    }
    validator.assert(observed);
  }

  /** Calls and insists on `expected`, with the answer in the error otherwise. */
  async expect<T = Record<string, unknown>>(
    expected: number,
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<T> {
    const answer = await this.call<T>(method, path, options);
    if (answer.status !== expected) throw new Error(`${method} ${path} answered ${answer.status}, expected ${expected}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async login(email: string, password: string): Promise<string> {
    return (await this.expect<{ accessToken: string }>(200, 'POST', '/api/auth/login', { body: { email, password } })).accessToken;
  }

  /** A new customer account, signed in. */
  async newCustomer(): Promise<{ id: string; token: string; email: string }> {
    const email = `customer-${randomUUID()}@galley.test`;
    const password = 'a-long-enough-password';
    const account = await this.expect<{ id: string }>(201, 'POST', '/api/auth/register', { body: { email, password, name: 'Test Customer' } });
    return { id: account.id, token: await this.login(email, password), email };
  }

  /** A product in a fresh category with `stock` units on hand (admin token). */
  async newProduct(adminToken: string, options: { price?: number; stock?: number; modifierGroups?: unknown[]; name?: string } = {}): Promise<{ id: string; categoryId: string }> {
    const category = await this.expect<{ id: string }>(201, 'POST', '/api/admin/categories', { token: adminToken, body: { name: `Category ${randomUUID().slice(0, 8)}` } });
    const product = await this.expect<{ id: string }>(201, 'POST', '/api/admin/products', {
      token: adminToken,
      body: {
        name: options.name ?? `Dish ${randomUUID().slice(0, 8)}`,
        description: 'Made for an end-to-end test',
        categoryId: category.id,
        price: { amount: options.price ?? 1000, currency: 'USD' },
        ...(options.modifierGroups ? { modifierGroups: options.modifierGroups } : {}),
      },
    });
    if (options.stock) {
      await this.expect(201, 'POST', `/api/admin/inventory/${product.id}/adjustments`, { token: adminToken, body: { delta: options.stock, reason: 'test stock' } });
    }
    return { id: product.id, categoryId: category.id };
  }

  async placeOrder(token: string, lines: { productId: string; quantity: number; modifierOptionIds?: string[] }[], idempotencyKey?: string): Promise<ApiAnswer> {
    return this.call('POST', '/api/orders', {
      token,
      body: { lines, fulfillment: { type: 'pickup' } },
      headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    });
  }

  async order(token: string, orderId: string): Promise<OrderView> {
    return this.expect(200, 'GET', `/api/orders/${orderId}`, { token });
  }

  /** Polls the order until `statuses` contains its status. */
  async waitForStatus(token: string, orderId: string, statuses: string | string[], timeoutMs = 30_000): Promise<OrderView> {
    const wanted = Array.isArray(statuses) ? statuses : [statuses];
    const deadline = Date.now() + timeoutMs;
    let last: OrderView | undefined;
    while (Date.now() < deadline) {
      last = await this.order(token, orderId);
      if (wanted.includes(last.status)) return last;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`order ${orderId} did not reach ${wanted.join('|')} within ${timeoutMs} ms; last: ${JSON.stringify(last?.history)}`);
  }

  /** Polls until the order's PaymentIntent exists and returns it. */
  async waitForPayment(token: string, orderId: string, timeoutMs = 30_000): Promise<Record<string, unknown> & { paymentIntentId: string; clientSecret: string; status: string }> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const answer = await this.call<Record<string, unknown> & { paymentIntentId: string; clientSecret: string; status: string }>('GET', `/api/orders/${orderId}/payment`, {
        token,
      });
      if (answer.status === 200) return answer.body;
      if (answer.status !== 404) throw new Error(`GET payment answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no PaymentIntent for order ${orderId} within ${timeoutMs} ms`);
  }

  /**
   * Opens a Server-Sent Events stream and collects its events until closed. With `tokenInQuery`
   * the token travels as a browser's EventSource sends it: a stream ticket (POST /api/stream-tickets)
   * in the URL, never the token itself.
   */
  async stream(path: string, options: { token?: string; lastEventId?: string; tokenInQuery?: boolean } = {}): Promise<EventStream> {
    const url = new URL(`${this.baseUrl}${path}`);
    if (options.token && options.tokenInQuery) {
      const issued = await this.expect<{ ticket: string }>(201, 'POST', '/api/stream-tickets', { token: options.token });
      url.searchParams.set('ticket', issued.ticket);
    }
    const controller = new AbortController();
    const res = await fetch(url, {
      headers: {
        accept: 'text/event-stream',
        ...(options.token && !options.tokenInQuery ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.lastEventId ? { 'last-event-id': options.lastEventId } : {}),
      },
      signal: controller.signal,
    });
    // The status and content type are checked; the body is the stream's to read.
    try {
      await this.checkAgainstDocument({ method: 'GET', path, status: res.status, contentType: res.headers.get('content-type'), body: undefined });
    } catch (error) {
      controller.abort();
      throw error;
    }
    return new EventStream(res, controller);
  }
}

/** A live SSE response: parsed events as they arrive. */
export class EventStream {
  readonly events: ServerSentEvent[] = [];
  private readonly waiters = new Set<() => void>();
  readonly done: Promise<void>;

  constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {
    this.done = this.read().catch(() => undefined);
  }

  get status(): number {
    return this.response.status;
  }

  /** Waits until `predicate` holds for the events received so far. */
  async waitFor(predicate: (events: ServerSentEvent[]) => boolean, timeoutMs = 30_000): Promise<ServerSentEvent[]> {
    if (predicate(this.events)) return this.events;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`stream condition not met within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`));
      }, timeoutMs);
      const check = () => {
        if (!predicate(this.events)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(this.events);
      };
      this.waiters.add(check);
    });
  }

  close(): void {
    this.controller.abort();
  }

  private async read(): Promise<void> {
    if (!this.response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of this.response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: ServerSentEvent = { event: 'message', data: '' };
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const [field, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (field === 'id') event.id = value;
          else if (field === 'event') event.event = value;
          else if (field === 'data') data.push(value);
        }
        if (data.length === 0) continue;
        event.data = data.join('\n');
        this.events.push(event);
        for (const waiter of [...this.waiters]) waiter();
      }
    }
  }
}
