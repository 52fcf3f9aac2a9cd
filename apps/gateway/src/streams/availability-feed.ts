import { Consumer, Kafka } from 'kafkajs';
import { Logger } from 'pino';
import { TOPICS, withTopicPrefix } from '@galley/contracts';
import { REQUEST_ID_HEADER } from '@galley/platform';
import { BoardJournal } from './board-journal';
import { availabilityFactOf, nextAvailability, ProductAvailability } from './product-availability';
import { broadcastConsumerConfig } from './broadcast-consumer';

/** One row of inventory's snapshot (GET /api/products/availability). */
export interface AvailabilitySnapshotItem {
  productId: string;
  available: number;
  onSale: boolean;
}

/** Changes kept for clients that reconnect with Last-Event-ID. */
export const AVAILABILITY_BUFFER = 1000;
const RETRY_MS = 2000;
const UPSTREAM_TIMEOUT_MS = 10_000;
// A menu is one page; this only stops a runaway loop.
const MAX_SNAPSHOT_PAGES = 50;

/**
 * Product availability as it changes: `stock.changed`, `product.created`, `product.updated` and `product.archived`
 * from inventory's topic, read by this gateway instance with its own consumer group from the latest offset (like
 * the order status feed), each turned into the product's full availability and appended to an in-memory journal of
 * the last changes (ids `<epoch>:<position>`, monotonic per instance). Each event carries part of the picture, so
 * the feed remembers every product's last availability, primed from inventory's snapshot.
 */
export class AvailabilityFeed {
  readonly journal = new BoardJournal<ProductAvailability>(AVAILABILITY_BUFFER);
  private readonly known = new Map<string, ProductAvailability>();
  /** Products an event has told about since start: a snapshot read earlier than the event must not overwrite them. */
  private readonly fromEvents = new Set<string>();
  private consumer?: Consumer;
  private stopped = false;
  private running = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly topicPrefix: string,
    private readonly inventoryUrl: string,
    private readonly logger: Logger,
  ) {}

  get live(): boolean {
    return this.running;
  }

  /** Connects in the background, retrying until the broker answers, and primes what it knows from inventory. */
  start(): void {
    void this.connect();
    void this.snapshot().catch((error: unknown) => this.logger.warn({ err: error }, 'availability feed could not read the first snapshot'));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  /** Inventory's snapshot of every live product (all pages); also what the feed assumes for products it has no event of. */
  async snapshot(requestId?: string): Promise<AvailabilitySnapshotItem[]> {
    const items: AvailabilitySnapshotItem[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < MAX_SNAPSHOT_PAGES; page++) {
      const url = new URL('/api/products/availability', this.inventoryUrl);
      if (cursor) url.searchParams.set('cursor', cursor);
      const res = await fetch(url, { headers: requestId ? { [REQUEST_ID_HEADER]: requestId } : {}, signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
      if (res.status !== 200) throw new Error(`inventory answered ${res.status} to the availability snapshot`);
      const body = (await res.json()) as { items: AvailabilitySnapshotItem[]; nextCursor: string | null };
      items.push(...body.items.map((item) => ({ productId: item.productId, available: item.available, onSale: item.onSale })));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    for (const item of items) if (!this.fromEvents.has(item.productId)) this.known.set(item.productId, { ...item, archived: false });
    return items;
  }

  /** Applies one inventory.events message (also the entry point for tests); ignores what is not about availability. */
  read(value: Buffer | null): void {
    if (!value) return;
    try {
      const fact = availabilityFactOf(JSON.parse(value.toString()) as { type?: unknown; version?: unknown; payload?: unknown });
      if (!fact) return;
      const next = nextAvailability(this.known.get(fact.payload.productId), fact);
      this.known.set(next.productId, next);
      this.fromEvents.add(next.productId);
      this.journal.append(next);
    } catch {
      // Not ours to judge: inventory's own consumers dead-letter bad messages.
    }
  }

  private async connect(): Promise<void> {
    while (!this.stopped) {
      const consumer = this.kafka.consumer(broadcastConsumerConfig('availability'));
      try {
        await consumer.connect();
        await consumer.subscribe({ topic: withTopicPrefix(TOPICS.inventory, this.topicPrefix), fromBeginning: false });
        consumer.on(consumer.events.GROUP_JOIN, () => (this.running = true));
        consumer.on(consumer.events.CRASH, () => (this.running = false));
        await consumer.run({ autoCommit: false, eachMessage: async ({ message }) => this.read(message.value) });
        this.consumer = consumer;
        return;
      } catch (error) {
        this.logger.warn({ err: error }, 'availability feed could not connect; retrying');
        await consumer.disconnect().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }
}
