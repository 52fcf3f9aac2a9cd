import { randomUUID } from 'node:crypto';
import { Controller, INestApplication, Type } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { Kafka, KafkaMessage, Producer } from 'kafkajs';
import { EventEnvelope, orderCancelledV1, OrderCancelledV1, orderPlacedV1, OrderPlacedV1 } from '@galley/contracts';
import { DLQ_HEADERS, EventConsumer, EventHandler, headerText, PermanentEventError, SqlExecutor } from '@galley/messaging';
import { EventContext } from './event-context';
import { DuplicateEventHandlerError, GalleyEventTransport } from './galley-event.transport';
import { handledContractsOf, HandlesEvent } from './handles-event.decorator';
import { MessagingRuntime } from './messaging.runtime';

const seen: { payload: OrderCancelledV1; envelope: EventEnvelope<OrderCancelledV1>; tx: SqlExecutor }[] = [];

class OrderUnknownError extends PermanentEventError {}

@Controller()
class OrderCancelledTestConsumer {
  @HandlesEvent(orderCancelledV1)
  async handle(@Payload() payload: OrderCancelledV1, @Ctx() context: EventContext<OrderCancelledV1>): Promise<void> {
    if (payload.reason === 'permanent') throw new OrderUnknownError(`order.cancelled for unknown order ${payload.orderId}`);
    if (payload.reason === 'transient') throw new RangeError('the database went away');
    seen.push({ payload, envelope: context.envelope, tx: context.tx });
  }
}

@Controller()
class SecondOrderCancelledConsumer {
  @HandlesEvent(orderCancelledV1)
  async handle(@Payload() payload: OrderCancelledV1): Promise<void> {
    void payload;
  }
}

@Controller()
class BareEventPatternConsumer {
  @EventPattern('order.cancelled@v1')
  async handle(payload: OrderCancelledV1): Promise<void> {
    void payload;
  }
}

class TypedHandlers {
  @HandlesEvent(orderPlacedV1)
  async exact(_payload: OrderPlacedV1, _context: EventContext<OrderPlacedV1>): Promise<void> {}

  // @ts-expect-error the payload must be the contract's payload class, not another event's
  @HandlesEvent(orderPlacedV1)
  async otherEvent(payload: OrderCancelledV1): Promise<void> {
    void payload;
  }

  // @ts-expect-error nor a narrower shape that happens to fit
  @HandlesEvent(orderPlacedV1)
  async narrower(payload: { orderId: string }): Promise<void> {
    void payload;
  }

  // @ts-expect-error the context carries the same payload type
  @HandlesEvent(orderPlacedV1)
  async otherContext(_payload: OrderPlacedV1, _context: EventContext<OrderCancelledV1>): Promise<void> {}

  // @ts-expect-error handlers are async: the consumer awaits them inside the inbox transaction
  @HandlesEvent(orderPlacedV1)
  notAsync(payload: OrderPlacedV1): void {
    void payload;
  }
}

interface FakeRuntime {
  served?: readonly EventHandler[];
  stopped: number;
}

async function hybrid(controllers: Type[]): Promise<{ app: INestApplication; runtime: FakeRuntime }> {
  const module = await Test.createTestingModule({ controllers }).compile();
  const app = module.createNestApplication({ logger: false });
  const runtime: FakeRuntime = { stopped: 0 };
  const fake = {
    serve: (handlers: readonly EventHandler[]) => (runtime.served = handlers),
    stopConsuming: async () => void (runtime.stopped += 1),
  } as unknown as MessagingRuntime;
  app.connectMicroservice({ strategy: new GalleyEventTransport(fake) });
  await app.startAllMicroservices();
  await app.init();
  return { app, runtime };
}

function cancelled(reason: string): OrderCancelledV1 {
  return { orderId: randomUUID(), customerId: randomUUID(), reason, refundRequired: false, cancelledBy: 'customer' };
}

function envelopeOf(payload: OrderCancelledV1): EventEnvelope<OrderCancelledV1> {
  return {
    id: randomUUID(),
    type: orderCancelledV1.type,
    version: orderCancelledV1.version,
    occurredAt: new Date().toISOString(),
    aggregateId: payload.orderId,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    payload,
  };
}

/** A real EventConsumer over the transport's handlers, with the broker and database replaced by recorders. */
function consumerOver(handlers: readonly EventHandler[]) {
  const deadLetters: { topic: string; messages: { headers?: Record<string, unknown> }[] }[] = [];
  const producer = { send: async (record: (typeof deadLetters)[number]) => void deadLetters.push(record) } as unknown as Producer;
  const tx: SqlExecutor = { query: async (_sql: string, params?: unknown[]) => [{ event_id: params?.[0] }] };
  const sut = new EventConsumer({} as Kafka, producer, {
    groupId: 'galley-test',
    schema: 'orders',
    handlers,
    maxAttempts: 3,
    retryBaseMs: 1,
    runInTransaction: (work) => work(tx),
  });
  const deliver = (envelope: EventEnvelope<OrderCancelledV1>) => {
    const message = { key: Buffer.from(envelope.aggregateId), value: Buffer.from(JSON.stringify(envelope)), offset: '7', headers: {} } as unknown as KafkaMessage;
    return sut.onMessage({ topic: 'orders.events', partition: 0, message, heartbeat: async () => undefined, pause: () => () => undefined });
  };
  const reasonOf = (index: number) => headerText(deadLetters[index]?.messages[0].headers as never, DLQ_HEADERS.reason);
  const attemptsOf = (index: number) => headerText(deadLetters[index]?.messages[0].headers as never, DLQ_HEADERS.attempts);
  return { deliver, deadLetters, reasonOf, attemptsOf, tx };
}

describe(GalleyEventTransport.name, () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    seen.length = 0;
  });

  it('serves each @HandlesEvent method to the runtime under its contract', async () => {
    const started = await hybrid([OrderCancelledTestConsumer]);
    app = started.app;

    expect(started.runtime.served?.map((handler) => handler.contract)).toEqual([orderCancelledV1]);
    expect(handledContractsOf(OrderCancelledTestConsumer)).toEqual([orderCancelledV1]);
  });

  it('hands the handler the payload, and the envelope and transaction in its context', async () => {
    const started = await hybrid([OrderCancelledTestConsumer]);
    app = started.app;
    const payload = cancelled('customer changed their mind');
    const envelope = envelopeOf(payload);
    const tx: SqlExecutor = { query: async () => [] };

    await started.runtime.served![0].handle(payload, envelope, tx);

    expect(seen).toEqual([{ payload, envelope, tx }]);
  });

  it('lets a PermanentEventError reach the consumer as thrown, which dead-letters it at once with its class and message', async () => {
    const started = await hybrid([OrderCancelledTestConsumer]);
    app = started.app;
    const consumer = consumerOver(started.runtime.served!);
    const payload = cancelled('permanent');

    const outcome = await consumer.deliver(envelopeOf(payload));

    expect(outcome).toBe('dead-lettered');
    expect(consumer.reasonOf(0)).toBe(`PermanentEventError: order.cancelled for unknown order ${payload.orderId}`);
    expect(consumer.attemptsOf(0)).toBe('1');
    await expect(started.runtime.served![0].handle(payload, envelopeOf(payload), consumer.tx)).rejects.toBeInstanceOf(OrderUnknownError);
  });

  it('lets any other error through too: the consumer retries it, then dead-letters it with its own name and message', async () => {
    const started = await hybrid([OrderCancelledTestConsumer]);
    app = started.app;
    const consumer = consumerOver(started.runtime.served!);

    const outcome = await consumer.deliver(envelopeOf(cancelled('transient')));

    expect(outcome).toBe('dead-lettered');
    expect(consumer.reasonOf(0)).toBe('RangeError: the database went away');
    expect(consumer.attemptsOf(0)).toBe('3');
  });

  it('handles a valid event through the consumer, inside its transaction', async () => {
    const started = await hybrid([OrderCancelledTestConsumer]);
    app = started.app;
    const consumer = consumerOver(started.runtime.served!);
    const payload = cancelled('kitchen closed');

    const outcome = await consumer.deliver(envelopeOf(payload));

    expect(outcome).toBe('handled');
    expect(seen.map((entry) => [entry.payload.orderId, entry.tx])).toEqual([[payload.orderId, consumer.tx]]);
  });

  it('fails start-up when two handlers of one app handle the same event', async () => {
    await expect(hybrid([OrderCancelledTestConsumer, SecondOrderCancelledConsumer])).rejects.toThrow(
      new DuplicateEventHandlerError('order.cancelled@v1', 'OrderCancelledTestConsumer.handle', 'SecondOrderCancelledConsumer.handle'),
    );
  });

  it('refuses an @EventPattern without a contract', async () => {
    await expect(hybrid([BareEventPatternConsumer])).rejects.toThrow(/@HandlesEvent\(contract\) methods only/);
  });

  it('stops the consumer when the app closes', async () => {
    const started = await hybrid([OrderCancelledTestConsumer]);
    await started.app.close();

    expect(started.runtime.stopped).toBe(1);
  });

  it('types handlers by their contract', () => {
    expect(handledContractsOf(TypedHandlers)).toHaveLength(5);
  });
});
