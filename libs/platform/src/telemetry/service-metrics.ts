import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { ServiceName } from '@galley/config';
import { MessagingRuntime } from '../messaging/messaging.runtime';
import { SERVICE_NAME } from '../tokens';

// One process may host several services' apps (tests do): each registers its own reader.
const lagReaders = new Map<ServiceName, () => Promise<{ group: string; lags: { topic: string; lag: number }[] }>>();
const stateReaders = new Map<string, () => Promise<Record<string, number>>>();

new Gauge({
  name: 'galley_consumer_lag_messages',
  help: "Messages on a consumed topic after the consumer group's committed offsets",
  labelNames: ['group', 'topic'],
  async collect() {
    this.reset();
    const read = await Promise.all([...lagReaders.values()].map((reader) => reader().catch(() => undefined)));
    // A broker that does not answer is no sample rather than a made-up zero (galley_broker_reachable says why).
    for (const result of read) for (const { topic, lag } of result?.lags ?? []) this.set({ group: result!.group, topic }, lag);
  },
});

new Gauge({
  name: 'galley_orders',
  help: 'Orders by status (the orders service reads its table on each scrape)',
  labelNames: ['status'],
  async collect() {
    this.reset();
    for (const reader of stateReaders.values()) {
      const counts = await reader().catch(() => undefined);
      for (const [status, count] of Object.entries(counts ?? {})) this.set({ status }, count);
    }
  },
});

const webhookEvents = new Counter({
  name: 'galley_webhook_events_total',
  help: 'Payment provider webhook deliveries by what they did (applied, duplicate, ignored, no change, rejected)',
  labelNames: ['provider', 'outcome'],
});

/** Counts one webhook delivery; the outcome's detail after a colon is dropped to keep labels bounded. */
export function recordWebhookOutcome(provider: string, outcome: string): void {
  webhookEvents.inc({ provider, outcome: outcome.split(':', 1)[0].trim() });
}

/** Lets the orders service report its orders by status on each scrape. */
export function registerOrderStateReader(name: string, read: () => Promise<Record<string, number>>): () => void {
  stateReaders.set(name, read);
  return () => stateReaders.delete(name);
}

/** Consumer lag of this service's group, read from the broker on scrape. */
@Injectable()
export class ConsumerLagMetrics implements OnModuleInit, OnModuleDestroy {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    private readonly runtime: MessagingRuntime,
  ) {}

  onModuleInit(): void {
    lagReaders.set(this.service, () => this.runtime.consumerLag());
  }

  onModuleDestroy(): void {
    lagReaders.delete(this.service);
  }
}
