import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { ServiceName } from '@galley/config';
import { MessagingRuntime } from '../messaging/messaging.runtime';
import { SERVICE_NAME } from '../tokens';

/** What a scrape reads from one service's messaging runtime. */
interface MessagingSource {
  brokerReachable(): Promise<boolean>;
  outbox(): Promise<{ pending: number; oldestPendingAgeMs: number } | undefined>;
}

// One process may host several services' apps (tests do): each registers its own source.
const sources = new Map<ServiceName, MessagingSource>();

async function eachSource<T>(read: (source: MessagingSource) => Promise<T>): Promise<[ServiceName, T][]> {
  return Promise.all([...sources].map(async ([service, source]): Promise<[ServiceName, T]> => [service, await read(source)]));
}

new Gauge({
  name: 'galley_broker_reachable',
  help: 'Whether the service reached the Kafka cluster on its last metadata request (1) or not (0)',
  labelNames: ['service'],
  async collect() {
    this.reset();
    for (const [service, up] of await eachSource((source) => source.brokerReachable())) this.set({ service }, up ? 1 : 0);
  },
});

new Gauge({
  name: 'galley_outbox_pending_events',
  help: 'Outbox rows committed and not yet published to Kafka',
  labelNames: ['service'],
  async collect() {
    this.reset();
    for (const [service, lag] of await eachSource((source) => source.outbox())) if (lag) this.set({ service }, lag.pending);
  },
});

new Gauge({
  name: 'galley_outbox_oldest_pending_age_seconds',
  help: 'Age of the oldest outbox row not yet published (0 when none is pending)',
  labelNames: ['service'],
  async collect() {
    this.reset();
    for (const [service, lag] of await eachSource((source) => source.outbox())) if (lag) this.set({ service }, lag.oldestPendingAgeMs / 1000);
  },
});

/**
 * Broker reachability and outbox lag as metrics (read on scrape): they used to fail readiness,
 * which turned a broker outage into an outage of every service.
 */
@Injectable()
export class MessagingMetrics implements OnModuleInit, OnModuleDestroy {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    private readonly runtime: MessagingRuntime,
  ) {}

  onModuleInit(): void {
    sources.set(this.service, {
      brokerReachable: () =>
        this.runtime.describeBrokers().then(
          () => true,
          () => false,
        ),
      // An unreadable outbox (database down) is no sample rather than a made-up zero.
      outbox: () => this.runtime.outboxLag().catch(() => undefined),
    });
  }

  onModuleDestroy(): void {
    sources.delete(this.service);
  }
}
