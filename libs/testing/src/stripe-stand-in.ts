import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local stand-in for the part of Stripe's API Galley calls, in Stripe's wire format
 * (form-encoded requests, JSON answers, `Idempotency-Key` honoured), so the official SDK can be
 * pointed at it with `host`/`port`/`protocol: 'http'`. Tests drive the customer's side with
 * `succeed`/`fail`/`refundInDashboard`/`dispute`, which change its state and return the event
 * Stripe would send, and `deliver` signs an event with the SDK's test helper and POSTs it.
 *
 *   const stripe = await StripeStandIn.start();
 *   env: STRIPE_SECRET_KEY=sk_test_standin, STRIPE_API_HOST=127.0.0.1, STRIPE_API_PORT=stripe.port, STRIPE_API_PROTOCOL=http
 *   const [intent] = stripe.intentsFor(orderId);
 *   await stripe.deliver(stripe.succeed(intent.id), `${appUrl}/api/webhooks/stripe`, secret);
 *   expect(stripe.requests.filter((r) => r.operation === 'create_intent')).toHaveLength(1);
 *   stripe.failNext('create_refund', { status: 402, code: 'insufficient_funds' });   // the next refund is refused
 *
 * Implemented: POST /v1/payment_intents, GET /v1/payment_intents/:id, POST /v1/payment_intents/:id/cancel,
 * POST /v1/refunds, GET /v1/refunds?payment_intent=. Anything else answers 404 in Stripe's error shape.
 */

export type StandInOperation = 'create_intent' | 'retrieve_intent' | 'cancel_intent' | 'create_refund' | 'list_refunds';

/** One API call the stand-in received (idempotent replays included). */
export interface StandInRequest {
  operation: StandInOperation | 'unknown';
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: Record<string, unknown>;
  /** True when the answer was the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

export interface StandInIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: 'requires_payment_method' | 'succeeded' | 'canceled';
  client_secret: string;
  latest_charge: string | null;
  last_payment_error: Record<string, unknown> | null;
  metadata: Record<string, string>;
  description: string | null;
  created: number;
  livemode: false;
}

export interface StandInRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed';
  payment_intent: string;
  charge: string;
  reason: string | null;
  failure_reason: string | null;
  metadata: Record<string, string>;
  created: number;
}

/** A Stripe event as webhooks carry it. */
export interface StandInEvent {
  id: string;
  object: 'event';
  type: string;
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  data: { object: Record<string, unknown> };
}

/** An error the next matching call(s) answer with, in Stripe's shape. */
export interface StandInFailure {
  status: number;
  type?: 'card_error' | 'invalid_request_error' | 'api_error' | 'idempotency_error';
  code: string;
  message?: string;
}

interface StoredAnswer {
  fingerprint: string;
  status: number;
  body: unknown;
}

const API_VERSION = '2026-10-28.endive';

export class StripeStandIn {
  /** Every API call, in arrival order. */
  readonly requests: StandInRequest[] = [];
  private readonly intents = new Map<string, StandInIntent>();
  private readonly refunds = new Map<string, StandInRefund>();
  private readonly answers = new Map<string, StoredAnswer>();
  private readonly failures: { operation: StandInOperation; failure: StandInFailure; remaining: number }[] = [];

  private constructor(private readonly server: Server) {}

  /** Listens on a random port of 127.0.0.1. */
  static async start(): Promise<StripeStandIn> {
    const handlers: { standIn?: StripeStandIn } = {};
    const server = createServer((req, res) => void handlers.standIn?.handle(req, res));
    const standIn = new StripeStandIn(server);
    handlers.standIn = standIn;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The settings that point Galley's payments service (and the SDK) here. */
  get env(): Record<string, string> {
    return { STRIPE_SECRET_KEY: 'sk_test_standin', STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: String(this.port), STRIPE_API_PROTOCOL: 'http' };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  intent(id: string): StandInIntent {
    const intent = this.intents.get(id);
    if (!intent) throw new Error(`the stand-in has no PaymentIntent ${id}`);
    return intent;
  }

  /** The intents created with `metadata.orderId` = orderId (Galley creates exactly one). */
  intentsFor(orderId: string): StandInIntent[] {
    return [...this.intents.values()].filter((intent) => intent.metadata.orderId === orderId);
  }

  refundsOf(intentId: string): StandInRefund[] {
    return [...this.refunds.values()].filter((refund) => refund.payment_intent === intentId);
  }

  /** The next `times` calls of `operation` answer with `failure` (SDK retries count as calls). */
  failNext(operation: StandInOperation, failure: StandInFailure, times = 1): void {
    this.failures.push({ operation, failure, remaining: times });
  }

  /** The customer paid: the intent succeeds with a charge; returns `payment_intent.succeeded`. */
  succeed(intentId: string): StandInEvent {
    const intent = this.intent(intentId);
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    intent.latest_charge = intent.latest_charge ?? `ch_${token()}`;
    intent.last_payment_error = null;
    return event('payment_intent.succeeded', intent);
  }

  /** The customer's card was declined; returns `payment_intent.payment_failed`. */
  fail(intentId: string, code = 'card_declined'): StandInEvent {
    const intent = this.intent(intentId);
    intent.status = 'requires_payment_method';
    intent.last_payment_error = { type: 'card_error', code, decline_code: code === 'card_declined' ? 'generic_decline' : undefined, message: `The card was declined (${code}).` };
    return event('payment_intent.payment_failed', intent);
  }

  /** Someone refunded in the Stripe dashboard (all that is left by default); returns `charge.refunded` listing every refund. */
  refundInDashboard(intentId: string, amount?: number): StandInEvent {
    const intent = this.intent(intentId);
    this.addRefund(intent, amount ?? intent.amount_received - this.refundedOf(intentId), {}, 'requested_by_customer');
    return event('charge.refunded', this.chargeOf(intent));
  }

  /** The `charge.refunded` Stripe sends after any refund of the intent (its refunds list included). */
  chargeRefunded(intentId: string): StandInEvent {
    return event('charge.refunded', this.chargeOf(this.intent(intentId)));
  }

  /** A refund that had succeeded failed later (e.g. a closed card); returns `refund.failed`. */
  failRefund(refundId: string, reason = 'expired_or_canceled_card'): StandInEvent {
    const refund = this.refunds.get(refundId);
    if (!refund) throw new Error(`the stand-in has no refund ${refundId}`);
    refund.status = 'failed';
    refund.failure_reason = reason;
    return event('refund.failed', refund);
  }

  /** The customer disputed the charge; returns `charge.dispute.created`. */
  dispute(intentId: string, reason = 'fraudulent', amount?: number): StandInEvent {
    const intent = this.intent(intentId);
    if (!intent.latest_charge) throw new Error(`PaymentIntent ${intentId} has no charge to dispute`);
    return event('charge.dispute.created', {
      id: `dp_${token()}`,
      object: 'dispute',
      amount: amount ?? intent.amount_received,
      currency: intent.currency,
      charge: intent.latest_charge,
      payment_intent: intent.id,
      reason,
      status: 'needs_response',
      created: now(),
      livemode: false,
    });
  }

  /**
   * Signs the event with the SDK's `generateTestHeaderString` (as Stripe would with `secret`) and
   * POSTs it. `signature` replaces the header (or `null` sends none), `body` the bytes sent.
   */
  async deliver(
    event: StandInEvent | Record<string, unknown>,
    url: string,
    secret: string,
    options: { signature?: string | null; body?: string; timestamp?: number } = {},
  ): Promise<{ status: number; body: unknown }> {
    const payload = JSON.stringify(event);
    const header = options.signature === undefined ? Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: options.timestamp }) : options.signature;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        ...(header === null ? {} : { 'Stripe-Signature': header }),
      },
      body: options.body ?? payload,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    const params = decodeForm(method === 'GET' ? url.search.slice(1) : Buffer.concat(chunks).toString('utf8'));
    const operation = operationOf(method, url.pathname);
    const idempotencyKey = headerOf(req, 'idempotency-key');
    const record: StandInRequest = { operation: operation?.name ?? 'unknown', method, path: url.pathname, idempotencyKey, params, replayed: false };
    this.requests.push(record);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${token()}`, ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) });
      res.end(JSON.stringify(body));
    };

    if (!/^Bearer sk_test_\w+$/.test(headerOf(req, 'authorization') ?? '')) {
      send(401, stripeError({ status: 401, type: 'invalid_request_error', code: 'api_key_invalid', message: 'Invalid API Key provided' }));
      return;
    }
    if (!operation) {
      send(404, stripeError({ status: 404, type: 'invalid_request_error', code: 'resource_missing', message: `Unrecognized request URL (${method}: ${url.pathname})` }));
      return;
    }
    const fingerprint = JSON.stringify([method, url.pathname, params]);
    if (idempotencyKey && method === 'POST') {
      const stored = this.answers.get(idempotencyKey);
      if (stored) {
        record.replayed = true;
        if (stored.fingerprint !== fingerprint) {
          send(
            400,
            stripeError({
              status: 400,
              type: 'idempotency_error',
              code: 'idempotency_key_in_use',
              message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.',
            }),
          );
        } else {
          send(stored.status, stored.body);
        }
        return;
      }
    }
    const injected = this.failures.find((f) => f.operation === operation.name && f.remaining > 0);
    let status: number;
    let body: unknown;
    if (injected) {
      injected.remaining -= 1;
      status = injected.failure.status;
      body = stripeError(injected.failure);
    } else {
      [status, body] = this.answer(operation.name, operation.id, params);
    }
    // Stripe stores the answer of a keyed request, errors included, except for 5xx (those may be retried).
    if (idempotencyKey && method === 'POST' && status < 500) this.answers.set(idempotencyKey, { fingerprint, status, body });
    send(status, body);
  }

  private answer(operation: StandInOperation, id: string | undefined, params: Record<string, unknown>): [number, unknown] {
    switch (operation) {
      case 'create_intent': {
        const amount = Number(params.amount);
        const currency = String(params.currency ?? '');
        if (!Number.isSafeInteger(amount) || amount < 50)
          return [400, stripeError({ status: 400, type: 'invalid_request_error', code: 'amount_too_small', message: 'Amount must be at least 50 cents' })];
        if (!/^[a-z]{3}$/.test(currency)) return [400, stripeError({ status: 400, type: 'invalid_request_error', code: 'parameter_invalid', message: 'Invalid currency' })];
        const intentId = `pi_${token()}`;
        const intent: StandInIntent = {
          id: intentId,
          object: 'payment_intent',
          amount,
          amount_received: 0,
          currency,
          status: 'requires_payment_method',
          client_secret: `${intentId}_secret_${token()}`,
          latest_charge: null,
          last_payment_error: null,
          metadata: stringRecord(params.metadata),
          description: typeof params.description === 'string' ? params.description : null,
          created: now(),
          livemode: false,
        };
        this.intents.set(intentId, intent);
        return [200, intent];
      }
      case 'retrieve_intent': {
        const intent = this.intents.get(id ?? '');
        return intent ? [200, intent] : [404, missing('payment_intent', id)];
      }
      case 'cancel_intent': {
        const intent = this.intents.get(id ?? '');
        if (!intent) return [404, missing('payment_intent', id)];
        if (intent.status === 'succeeded' || intent.status === 'canceled') {
          return [
            400,
            stripeError({
              status: 400,
              type: 'invalid_request_error',
              code: 'payment_intent_unexpected_state',
              message: `You cannot cancel this PaymentIntent because it has a status of ${intent.status}.`,
            }),
          ];
        }
        intent.status = 'canceled';
        return [200, intent];
      }
      case 'create_refund': {
        const intent = this.intents.get(String(params.payment_intent ?? ''));
        if (!intent) return [404, missing('payment_intent', String(params.payment_intent))];
        if (intent.status !== 'succeeded') {
          return [
            400,
            stripeError({
              status: 400,
              type: 'invalid_request_error',
              code: 'payment_intent_unexpected_state',
              message: 'This PaymentIntent does not have a successful charge to refund.',
            }),
          ];
        }
        const remaining = intent.amount_received - this.refundedOf(intent.id);
        const amount = params.amount === undefined ? remaining : Number(params.amount);
        if (remaining <= 0)
          return [400, stripeError({ status: 400, type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Charge has already been refunded.' })];
        if (!Number.isSafeInteger(amount) || amount < 1 || amount > remaining) {
          return [
            400,
            stripeError({
              status: 400,
              type: 'invalid_request_error',
              code: 'amount_too_large',
              message: `Refund amount is greater than unrefunded amount on charge (${remaining}).`,
            }),
          ];
        }
        return [200, this.addRefund(intent, amount, stringRecord(params.metadata), typeof params.reason === 'string' ? params.reason : null)];
      }
      case 'list_refunds': {
        const data = [...this.refunds.values()].filter((refund) => params.payment_intent === undefined || refund.payment_intent === params.payment_intent);
        return [200, { object: 'list', data: data.reverse(), has_more: false, url: '/v1/refunds' }];
      }
    }
  }

  private addRefund(intent: StandInIntent, amount: number, metadata: Record<string, string>, reason: string | null): StandInRefund {
    if (!intent.latest_charge) throw new Error(`PaymentIntent ${intent.id} has no charge to refund`);
    const refund: StandInRefund = {
      id: `re_${token()}`,
      object: 'refund',
      amount,
      currency: intent.currency,
      status: 'succeeded',
      payment_intent: intent.id,
      charge: intent.latest_charge,
      reason,
      failure_reason: null,
      metadata,
      created: now(),
    };
    this.refunds.set(refund.id, refund);
    return refund;
  }

  private refundedOf(intentId: string): number {
    return this.refundsOf(intentId)
      .filter((refund) => refund.status !== 'failed')
      .reduce((sum, refund) => sum + refund.amount, 0);
  }

  private chargeOf(intent: StandInIntent): Record<string, unknown> {
    const refunds = this.refundsOf(intent.id).reverse();
    return {
      id: intent.latest_charge,
      object: 'charge',
      amount: intent.amount_received,
      amount_captured: intent.amount_received,
      amount_refunded: this.refundedOf(intent.id),
      currency: intent.currency,
      payment_intent: intent.id,
      refunded: this.refundedOf(intent.id) >= intent.amount_received,
      refunds: { object: 'list', data: refunds, has_more: false, url: `/v1/charges/${intent.latest_charge}/refunds` },
      metadata: intent.metadata,
      created: now(),
      livemode: false,
    };
  }
}

function operationOf(method: string, path: string): { name: StandInOperation; id?: string } | null {
  let match: RegExpMatchArray | null;
  if (method === 'POST' && path === '/v1/payment_intents') return { name: 'create_intent' };
  if (method === 'GET' && (match = path.match(/^\/v1\/payment_intents\/([^/]+)$/))) return { name: 'retrieve_intent', id: match[1] };
  if (method === 'POST' && (match = path.match(/^\/v1\/payment_intents\/([^/]+)\/cancel$/))) return { name: 'cancel_intent', id: match[1] };
  if (method === 'POST' && path === '/v1/refunds') return { name: 'create_refund' };
  if (method === 'GET' && path === '/v1/refunds') return { name: 'list_refunds' };
  return null;
}

/** Stripe's form encoding: `metadata[orderId]=…&automatic_payment_methods[enabled]=true`. */
function decodeForm(text: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let target = result;
    path.forEach((part, i) => {
      if (i === path.length - 1) target[part] = value;
      else target = (target[part] ??= {}) as Record<string, unknown>;
    });
  }
  return result;
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

function stripeError(failure: StandInFailure): { error: Record<string, unknown> } {
  const type = failure.type ?? (failure.status >= 500 ? 'api_error' : failure.status === 402 ? 'card_error' : 'invalid_request_error');
  return { error: { type, code: failure.code, message: failure.message ?? `stand-in failure: ${failure.code}` } };
}

function missing(object: string, id: string | undefined): { error: Record<string, unknown> } {
  return stripeError({ status: 404, type: 'invalid_request_error', code: 'resource_missing', message: `No such ${object}: '${id ?? ''}'` });
}

function event(type: string, object: object): StandInEvent {
  return {
    id: `evt_${token()}`,
    object: 'event',
    type,
    api_version: API_VERSION,
    created: now(),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    // A snapshot: later changes to the stand-in's state do not alter an event already built.
    data: { object: JSON.parse(JSON.stringify(object)) as Record<string, unknown> },
  };
}

function token(): string {
  return randomBytes(12).toString('hex');
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
