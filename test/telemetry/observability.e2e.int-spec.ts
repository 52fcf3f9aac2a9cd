import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { parse } from 'yaml';
import { APP_NAMES } from '@galley/config';
import { adminPool, GalleyClient, RunningSystem, waitFor } from '@galley/testing';

const ADMIN = { email: `admin-${randomUUID().slice(0, 8)}@galley.test`, password: 'telemetry-admin-password-1' };
const KIND = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];

interface CollectedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: string;
  attributes: Record<string, unknown>;
  links: { traceId: string; spanId: string }[];
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type OtlpAttribute = { key: string; value: OtlpValue };

function attributesOf(list: OtlpAttribute[] = []): Record<string, unknown> {
  return Object.fromEntries(list.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue]));
}

/**
 * A tiny OTLP/HTTP (JSON) trace receiver: what the six app processes export when
 * OTEL_EXPORTER_OTLP_ENDPOINT points here.
 */
class OtlpReceiver {
  readonly spans: CollectedSpan[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.receive(req).then(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}')));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  trace(traceId: string): CollectedSpan[] {
    return this.spans.filter((span) => span.traceId === traceId);
  }

  private async receive(req: IncomingMessage): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url !== '/v1/traces') return;
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { spans: Record<string, unknown>[] }[] }[];
    };
    for (const { resource, scopeSpans } of body.resourceSpans) {
      const service = String(attributesOf(resource.attributes)['service.name']);
      for (const { spans } of scopeSpans) {
        for (const span of spans) {
          this.spans.push({
            service,
            traceId: span.traceId as string,
            spanId: span.spanId as string,
            parentSpanId: (span.parentSpanId as string | undefined) ?? '',
            name: span.name as string,
            kind: KIND[Number(span.kind) - 1] ?? String(span.kind),
            attributes: attributesOf(span.attributes as OtlpAttribute[]),
            links: ((span.links as { traceId: string; spanId: string }[] | undefined) ?? []).map(({ traceId, spanId }) => ({ traceId, spanId })),
          });
        }
      }
    }
  }
}

/** The metric names a PromQL expression reads (histogram series named by their family). */
function metricsIn(expression: string): string[] {
  return [...expression.matchAll(/\bgalley_[a-z_]+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, ''));
}

/** The value of the first sample of `name` that has all of `labels` (whatever their order), else undefined. */
function sample(exposition: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of exposition.split('\n')) {
    const match = /^([a-z_:]+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/**
 * Traces, metrics and logs of the running system: one order's trace across every Kafka hop
 * (collected over OTLP from the six processes), every metric the dashboard and the alert rules
 * in deploy/ use exported by some app's /metrics, and log lines that name their trace.
 */
describe('observability of one order', () => {
  const receiver = new OtlpReceiver();
  let system: RunningSystem;
  let api: GalleyClient;
  let admin: string;
  let db: Pool;

  beforeAll(async () => {
    const endpoint = await receiver.start();
    system = await RunningSystem.start({
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint },
      appEnv: { users: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, inventory: { DEMO_CATALOG: 'false' } },
    });
    api = new GalleyClient(system.gatewayUrl);
    admin = await api.login(ADMIN.email, ADMIN.password);
    db = adminPool();
  });

  afterAll(async () => {
    await db?.end();
    await system?.stopAll();
    await receiver.stop();
  });

  let orderId: string;

  it('follows one order in one trace from POST /api/orders through every Kafka hop to CONFIRMED', async () => {
    const { id: productId } = await api.newProduct(admin, { stock: 3 });
    await waitFor(async () => (await db.query(`SELECT 1 FROM orders.catalog_products WHERE id = $1`, [productId])).rowCount === 1, { what: "the product in orders' read-model" });
    const customer = await api.newCustomer();
    const placed = await api.placeOrder(customer.token, [{ productId, quantity: 1 }]);
    expect(placed.status).toBe(201);
    orderId = placed.body.id as string;
    await api.waitForPayment(customer.token, orderId);
    await api.expect(202, 'POST', '/api/payments/dev/simulate', { token: customer.token, body: { orderId, outcome: 'succeeded' } });
    await api.waitForStatus(customer.token, orderId, 'CONFIRMED');

    // The orders service's span that published order.placed names the trace.
    const placedSpan = await waitFor(async () => receiver.spans.find((s) => s.name === 'publish order.placed' && s.attributes['galley.aggregate.id'] === orderId), {
      what: 'the order.placed producer span',
      timeoutMs: 15_000,
    });
    // CONFIRMED is announced by orders' order.confirmed; inventory turns the reservation into a sale on payment.succeeded.
    const complete = (trace: CollectedSpan[]) =>
      trace.some((s) => s.name === 'publish order.confirmed' && s.service === 'galley-orders') &&
      trace.some((s) => s.name === 'publish stock.committed' && s.service === 'galley-inventory') &&
      // Each app exports in its own batches: wait until every parent has arrived too.
      trace.every((s) => !s.parentSpanId || trace.some((parent) => parent.spanId === s.parentSpanId));
    const spans = await waitFor(async () => (complete(receiver.trace(placedSpan.traceId)) ? receiver.trace(placedSpan.traceId) : undefined), {
      what: "orders' order.confirmed and inventory's stock.committed spans in the order's trace",
      timeoutMs: 15_000,
    }).catch((error: Error) => {
      const seen = receiver.trace(placedSpan.traceId).map((s) => `${s.service} ${s.kind} ${s.name} ${s.spanId}<-${s.parentSpanId}`);
      throw new Error(`${error.message}; the trace has:\n${seen.join('\n')}`);
    });

    // A tree: one root (the gateway's span for POST /api/orders), every other span's parent in the trace.
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const roots = spans.filter((span) => !span.parentSpanId);
    expect(roots.map((span) => `${span.service} ${span.kind} ${span.attributes['http.request.method']} ${span.attributes['url.path']}`)).toEqual([
      'galley-gateway SERVER POST /api/orders',
    ]);
    expect(spans.filter((span) => span.parentSpanId && !byId.has(span.parentSpanId)).map((span) => span.name)).toEqual([]);

    const pathTo = (leaf: CollectedSpan): string[] => {
      const chain: string[] = [];
      for (let at: CollectedSpan | undefined = leaf; at; at = byId.get(at.parentSpanId)) chain.unshift(`${at.service} ${at.kind} ${at.name}`);
      return chain;
    };
    const toConfirmed = [
      expect.stringMatching(/^galley-gateway SERVER POST /),
      'galley-gateway CLIENT POST orders',
      'galley-orders SERVER POST /api/orders',
      'galley-orders PRODUCER publish order.placed',
      'galley-inventory CONSUMER process order.placed',
      'galley-inventory PRODUCER publish stock.reserved',
      'galley-orders CONSUMER process stock.reserved',
      'galley-orders PRODUCER publish order.awaiting_payment',
      'galley-payments CONSUMER process order.awaiting_payment',
      'galley-payments PRODUCER publish payment.intent_created',
      // The payment arrives by webhook, a request of its own: its event continues the order's trace and links that request.
      'galley-payments PRODUCER publish payment.succeeded',
    ];
    expect(pathTo(spans.find((s) => s.name === 'publish order.confirmed')!)).toEqual([
      ...toConfirmed,
      'galley-orders CONSUMER process payment.succeeded',
      'galley-orders PRODUCER publish order.confirmed',
    ]);
    expect(pathTo(spans.find((s) => s.name === 'publish stock.committed')!)).toEqual([
      ...toConfirmed,
      'galley-inventory CONSUMER process payment.succeeded',
      'galley-inventory PRODUCER publish stock.committed',
    ]);
    const succeeded = spans.find((span) => span.name === 'publish payment.succeeded')!;
    const webhookRequest = receiver.spans.find((span) => span.spanId === succeeded.links[0]?.spanId);
    expect(webhookRequest).toMatchObject({ service: 'galley-payments', kind: 'SERVER', name: 'POST /api/payments/dev/simulate' });
    // Every consumer span names its group and the order.
    for (const span of spans.filter((s) => s.kind === 'CONSUMER')) {
      expect(span.attributes['messaging.consumer.group.name']).toBe(`galley-${span.service.replace('galley-', '')}`);
    }
  });

  it('exports every metric the Grafana dashboard and the Prometheus alert rules in deploy/ use', async () => {
    const root = process.cwd();
    const dashboard = JSON.parse(readFileSync(path.join(root, 'deploy/grafana/galley-dashboard.json'), 'utf8')) as { panels: { title: string; targets: { expr: string }[] }[] };
    const rules = parse(readFileSync(path.join(root, 'deploy/prometheus/galley-alerts.yml'), 'utf8')) as {
      groups: { name: string; rules: { alert: string; expr: string; for: string; labels: { severity: string }; annotations: { summary: string } }[] }[];
    };
    const alerts = rules.groups.flatMap((group) => group.rules);
    expect(alerts.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining(['GalleyDeadLettersGrowing', 'GalleyConsumerLagHigh', 'GalleyOutboxBehind', 'GalleyHttpErrorRate', 'GalleyOrdersNeedAttention']),
    );
    for (const rule of alerts) {
      expect([rule.alert, rule.labels.severity]).toEqual([rule.alert, expect.stringMatching(/^(warning|critical)$/)]);
      expect(rule.annotations.summary).toBeTruthy();
    }
    const used = new Set([...dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => metricsIn(target.expr))), ...alerts.flatMap((rule) => metricsIn(rule.expr))]);

    const exported = new Map<string, string[]>();
    for (const app of APP_NAMES) {
      const text = await (await fetch(`${system.urlOf(app)}/metrics`)).text();
      for (const [, name] of text.matchAll(/^# TYPE (\S+) /gm)) exported.set(name, [...(exported.get(name) ?? []), app]);
    }
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
    // Series that must have samples by now: this order is CONFIRMED, its webhook applied, its steps timed.
    const orders = await (await fetch(`${system.urlOf('orders')}/metrics`)).text();
    expect(sample(orders, 'galley_orders', { status: 'CONFIRMED' })).toBeGreaterThanOrEqual(1);
    expect(sample(orders, 'galley_saga_step_duration_seconds_count', { group: 'galley-orders', type: 'payment.succeeded' })).toBeGreaterThanOrEqual(1);
    expect(sample(orders, 'galley_consumer_lag_messages', { group: 'galley-orders', topic: 'payments.events' })).toBeGreaterThanOrEqual(0);
    const payments = await (await fetch(`${system.urlOf('payments')}/metrics`)).text();
    expect(sample(payments, 'galley_webhook_events_total', { provider: 'simulated', outcome: 'applied' })).toBeGreaterThanOrEqual(1);
  });

  it('writes log lines that name their trace, request and order', async () => {
    // The lines the orders service wrote while handling the order's events carry its ids.
    const lines = (system.process('orders')?.stdout ?? '')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const aboutOrder = lines.filter((line) => line.orderId === orderId);
    expect(aboutOrder.length).toBeGreaterThan(0);
    for (const line of aboutOrder) expect(line).toEqual(expect.objectContaining({ traceId: expect.stringMatching(/^[0-9a-f]{32}$/), requestId: expect.any(String) }));
    const gatewayLines = (system.process('gateway')?.stdout ?? '').split('\n').filter((line) => line.includes('"request completed"'));
    expect(gatewayLines.length).toBeGreaterThan(0);
    for (const line of gatewayLines) expect(JSON.parse(line)).toEqual(expect.objectContaining({ traceId: expect.stringMatching(/^[0-9a-f]{32}$/) }));
  });
});
