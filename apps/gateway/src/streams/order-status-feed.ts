import { Consumer, Kafka } from 'kafkajs';
import { Logger } from 'pino';
import {
  orderEtaChangedV1,
  OrderEtaChangedV1,
  orderPaymentIntentAttachedV1,
  OrderPaymentIntentAttachedV1,
  orderStatusChangedV1,
  OrderStatusChangedV1,
  validatePayload,
  withTopicPrefix,
} from '@galley/contracts';
import { broadcastConsumerConfig } from './broadcast-consumer';

export type StatusListener = (change: OrderStatusChangedV1) => void;
export type EtaListener = (change: OrderEtaChangedV1) => void;
export type PaymentListener = (attached: OrderPaymentIntentAttachedV1) => void;

const RETRY_MS = 2000;

/**
 * Every `order.status_changed` (and `order.eta_changed`, `order.payment_intent_attached`) on the orders topic, fanned out in memory to the streams open on this gateway
 * instance. Each instance reads the whole topic with its own consumer group from the latest offset: it keeps no
 * state, and a stream that connects replays the history from the orders service first, so nothing published
 * before the feed started is needed.
 */
export class OrderStatusFeed {
  private readonly byOrder = new Map<string, Set<StatusListener>>();
  private readonly everything = new Set<StatusListener>();
  private readonly etaByOrder = new Map<string, Set<EtaListener>>();
  private readonly paymentByOrder = new Map<string, Set<PaymentListener>>();
  private consumer?: Consumer;
  private stopped = false;
  private running = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly topicPrefix: string,
    private readonly logger: Logger,
  ) {}

  /** True once the consumer has joined and is reading; until then streams also poll the orders service. */
  get live(): boolean {
    return this.running;
  }

  /** Connects in the background, retrying until the broker answers (the gateway serves without it meanwhile). */
  start(): void {
    void this.connect();
  }

  onOrder(orderId: string, listener: StatusListener): () => void {
    return listen(this.byOrder, orderId, listener);
  }

  /** The kitchen's new estimates for one order (`order.eta_changed`). */
  onOrderEta(orderId: string, listener: EtaListener): () => void {
    return listen(this.etaByOrder, orderId, listener);
  }

  /** The order's PaymentIntent became readable (`order.payment_intent_attached`). */
  onOrderPayment(orderId: string, listener: PaymentListener): () => void {
    return listen(this.paymentByOrder, orderId, listener);
  }

  onAny(listener: StatusListener): () => void {
    this.everything.add(listener);
    return () => this.everything.delete(listener);
  }

  /** Hands a change to its listeners (also the entry point for what the consumer reads). */
  dispatch(change: OrderStatusChangedV1): void {
    for (const listener of this.byOrder.get(change.orderId) ?? []) listener(change);
    for (const listener of this.everything) listener(change);
  }

  dispatchEta(change: OrderEtaChangedV1): void {
    for (const listener of this.etaByOrder.get(change.orderId) ?? []) listener(change);
  }

  dispatchPayment(attached: OrderPaymentIntentAttachedV1): void {
    for (const listener of this.paymentByOrder.get(attached.orderId) ?? []) listener(attached);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    while (!this.stopped) {
      const consumer = this.kafka.consumer(broadcastConsumerConfig('sse'));
      try {
        await consumer.connect();
        await consumer.subscribe({ topic: withTopicPrefix(orderStatusChangedV1.topic, this.topicPrefix), fromBeginning: false });
        consumer.on(consumer.events.GROUP_JOIN, () => (this.running = true));
        consumer.on(consumer.events.CRASH, () => (this.running = false));
        await consumer.run({ autoCommit: false, eachMessage: async ({ message }) => this.read(message.value) });
        this.consumer = consumer;
        return;
      } catch (error) {
        this.logger.warn({ err: error }, 'order status feed could not connect; retrying');
        await consumer.disconnect().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private read(value: Buffer | null): void {
    if (!value) return;
    try {
      const envelope = JSON.parse(value.toString()) as { type?: string; version?: number; payload?: unknown };
      if (envelope.type === orderEtaChangedV1.type && envelope.version === orderEtaChangedV1.version) {
        if (validatePayload(orderEtaChangedV1, envelope.payload).ok) this.dispatchEta(envelope.payload as OrderEtaChangedV1);
        return;
      }
      if (envelope.type === orderPaymentIntentAttachedV1.type && envelope.version === orderPaymentIntentAttachedV1.version) {
        if (validatePayload(orderPaymentIntentAttachedV1, envelope.payload).ok) this.dispatchPayment(envelope.payload as OrderPaymentIntentAttachedV1);
        return;
      }
      if (envelope.type !== orderStatusChangedV1.type || envelope.version !== orderStatusChangedV1.version) return;
      const checked = validatePayload(orderStatusChangedV1, envelope.payload);
      if (checked.ok) this.dispatch(envelope.payload as OrderStatusChangedV1);
    } catch {
      // Not ours to judge: the orders topic's own consumers dead-letter bad messages.
    }
  }
}

/** Adds a listener for one order; the returned function removes it (and the order's entry with its last listener). */
function listen<L>(byOrder: Map<string, Set<L>>, orderId: string, listener: L): () => void {
  let listeners = byOrder.get(orderId);
  if (!listeners) byOrder.set(orderId, (listeners = new Set()));
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) byOrder.delete(orderId);
  };
}
