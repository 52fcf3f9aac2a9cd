import { EventEmitter } from 'node:events';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Kafka } from 'kafkajs';
import pino from 'pino';
import { OrderStatusChangedV1 } from '@galley/contracts';
import { OrderStatusFeed } from './order-status-feed';
import { lastEventIdOf, OrderStreams } from './order-streams';

const request = (url: string, headers: Record<string, string> = {}) => ({ url, headers }) as unknown as IncomingMessage;

describe(lastEventIdOf.name, () => {
  it.each([
    ['the Last-Event-ID header', request('/api/orders/x/stream', { 'last-event-id': '4' }), 4],
    ['the lastEventId query parameter', request('/api/orders/x/stream?lastEventId=7'), 7],
    ['the header over the query', request('/api/orders/x/stream?lastEventId=7', { 'last-event-id': '2' }), 2],
    ['nothing', request('/api/orders/x/stream'), 0],
    ['garbage', request('/api/orders/x/stream', { 'last-event-id': 'abc' }), 0],
    ['a negative number', request('/api/orders/x/stream', { 'last-event-id': '-3' }), 0],
    ['a huge number', request('/api/orders/x/stream', { 'last-event-id': '99999999999999' }), 0],
  ])('reads %s', (_case, req, expected) => {
    expect(lastEventIdOf(req)).toBe(expected);
  });
});

describe(OrderStreams.name, () => {
  const change = (orderId: string, sequence: number, status: string): OrderStatusChangedV1 =>
    ({ orderId, sequence, status, previousStatus: null, customerId: 'c1', at: '2026-01-01T12:00:00.000Z', reason: 'test' }) as unknown as OrderStatusChangedV1;

  function open(sut: OrderStreams, lastEventId?: string) {
    const req = Object.assign(new EventEmitter(), { url: '/api/admin/orders/stream', headers: lastEventId ? { 'last-event-id': lastEventId } : {} });
    const chunks: string[] = [];
    const res = Object.assign(new EventEmitter(), { writableEnded: false, writeHead: () => res, write: (chunk: string) => chunks.push(chunk), end: () => undefined });
    sut.serveBoard(req as unknown as IncomingMessage, res as unknown as ServerResponse);
    const events = () =>
      chunks
        .filter((chunk) => chunk.startsWith('id:'))
        .map(
          (chunk) =>
            Object.fromEntries(
              chunk
                .trim()
                .split('\n')
                .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
            ) as { id: string; event: string; data: string },
        );
    return { events, close: () => req.emit('close') };
  }

  let feed: OrderStatusFeed;
  let sut: OrderStreams;
  beforeEach(() => {
    feed = new OrderStatusFeed({} as Kafka, '', pino({ level: 'silent' }));
    sut = new OrderStreams(feed, 'http://orders.invalid', 60_000, pino({ level: 'silent' }), 3);
  });

  it('replays to a reconnecting board exactly what followed its Last-Event-ID, then goes on live', () => {
    const first = open(sut);
    feed.dispatch(change('o1', 1, 'PENDING'));
    feed.dispatch(change('o1', 2, 'AWAITING_PAYMENT'));
    const seen = first.events();
    expect(seen.map((event) => event.event)).toEqual(['ready', 'status', 'status']);
    first.close();
    feed.dispatch(change('o2', 1, 'PENDING'));

    const second = open(sut, seen[1].id);
    feed.dispatch(change('o2', 2, 'AWAITING_PAYMENT'));
    const resumed = second.events();
    expect(resumed.map((event) => [event.event, JSON.parse(event.data).orderId ?? null, JSON.parse(event.data).status ?? null])).toEqual([
      ['status', 'o1', 'AWAITING_PAYMENT'],
      ['status', 'o2', 'PENDING'],
      ['ready', null, null],
      ['status', 'o2', 'AWAITING_PAYMENT'],
    ]);
    expect(JSON.parse(resumed[0].data)).toMatchObject({ customerId: 'c1', previousStatus: null, sequence: 2 });
    second.close();
  });

  it('resumes a board that saw no change before it lost the connection from the id of its ready event', () => {
    const first = open(sut);
    const [ready] = first.events();
    first.close();
    feed.dispatch(change('o1', 1, 'PENDING'));
    const second = open(sut, ready.id);
    expect(second.events().map((event) => event.event)).toEqual(['status', 'ready']);
    second.close();
  });

  it.each([
    ['an id older than the buffer', (ids: string[]) => ids[0]],
    ['an id from another gateway instance', () => 'deadbeef:1'],
    ['a malformed id', () => 'o1:2'],
  ])('tells a board with %s to resync, then streams on', (_case, pick) => {
    const first = open(sut);
    for (let n = 1; n <= 5; n++) feed.dispatch(change('o1', n, 'PENDING'));
    const ids = first
      .events()
      .slice(1)
      .map((event) => event.id);
    first.close();
    const second = open(sut, pick(ids));
    feed.dispatch(change('o1', 6, 'CONFIRMED'));
    const events = second.events();
    expect(events.map((event) => event.event)).toEqual(['resync', 'status']);
    expect(JSON.parse(events[0].data)).toMatchObject({ refetch: '/api/admin/orders' });
    expect(events[0].id).toBe(ids[4]);
    second.close();
  });
});

describe(`${OrderStreams.name} (a customer's stream)`, () => {
  const ORDER = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('sends the current estimate after the history, then every estimate that moves, without ids', async () => {
    global.fetch = jest.fn(
      async () =>
        new Response(
          JSON.stringify({ history: [{ sequence: 1, status: 'CONFIRMED', at: '2026-01-01T12:00:00.000Z', reason: 'paid' }], estimatedReadyAt: '2026-01-01T12:20:00.000Z' }),
          { status: 200 },
        ),
    ) as unknown as typeof fetch;
    const feed = new OrderStatusFeed({} as Kafka, '', pino({ level: 'silent' }));
    const sut = new OrderStreams(feed, 'http://orders.invalid', 60_000, pino({ level: 'silent' }));
    const req = Object.assign(new EventEmitter(), { url: `/api/orders/${ORDER}/stream`, headers: {} });
    const chunks: string[] = [];
    const res = Object.assign(new EventEmitter(), { writableEnded: false, writeHead: () => res, write: (chunk: string) => chunks.push(chunk), end: () => undefined });
    await sut.serveOrder(req as unknown as IncomingMessage, res as unknown as ServerResponse, ORDER, 'req-1');

    feed.dispatchEta({ orderId: ORDER, customerId: ORDER, estimatedReadyAt: '2026-01-01T12:15:00.000Z', at: '2026-01-01T12:01:00.000Z' });
    feed.dispatchEta({ orderId: ORDER, customerId: ORDER, estimatedReadyAt: '2026-01-01T12:15:00.000Z', at: '2026-01-01T12:01:30.000Z' });
    feed.dispatchEta({ orderId: 'another', customerId: ORDER, estimatedReadyAt: '2026-01-01T13:00:00.000Z', at: '2026-01-01T12:01:00.000Z' });
    feed.dispatch({
      orderId: ORDER,
      customerId: ORDER,
      sequence: 2,
      status: 'PREPARING',
      previousStatus: 'CONFIRMED',
      at: '2026-01-01T12:02:00.000Z',
      reason: 'staff',
      estimatedReadyAt: '2026-01-01T12:12:00.000Z',
    } as OrderStatusChangedV1);
    await new Promise((resolve) => setImmediate(resolve));
    req.emit('close');

    const events = chunks.filter((chunk) => chunk.includes('event:')).map((chunk) => chunk.trim());
    expect(events).toEqual([
      `id: 1\nevent: status\ndata: ${JSON.stringify({ orderId: ORDER, sequence: 1, status: 'CONFIRMED', at: '2026-01-01T12:00:00.000Z', reason: 'paid' })}`,
      `event: eta\ndata: ${JSON.stringify({ orderId: ORDER, estimatedReadyAt: '2026-01-01T12:20:00.000Z' })}`,
      `event: eta\ndata: ${JSON.stringify({ orderId: ORDER, estimatedReadyAt: '2026-01-01T12:15:00.000Z' })}`,
      `id: 2\nevent: status\ndata: ${JSON.stringify({ orderId: ORDER, sequence: 2, status: 'PREPARING', at: '2026-01-01T12:02:00.000Z', reason: 'staff' })}`,
      `event: eta\ndata: ${JSON.stringify({ orderId: ORDER, estimatedReadyAt: '2026-01-01T12:12:00.000Z' })}`,
    ]);
  });

  describe('with include=payment', () => {
    async function follow(url: string, order: { paymentIntentId?: string }) {
      global.fetch = jest.fn(
        async () =>
          new Response(JSON.stringify({ history: [{ sequence: 1, status: 'PENDING', at: '2026-01-01T12:00:00.000Z', reason: 'order placed' }], ...order }), { status: 200 }),
      ) as unknown as typeof fetch;
      const feed = new OrderStatusFeed({} as Kafka, '', pino({ level: 'silent' }));
      const sut = new OrderStreams(feed, 'http://orders.invalid', 60_000, pino({ level: 'silent' }));
      const req = Object.assign(new EventEmitter(), { url, headers: {} });
      const chunks: string[] = [];
      const res = Object.assign(new EventEmitter(), { writableEnded: false, writeHead: () => res, write: (chunk: string) => chunks.push(chunk), end: () => undefined });
      await sut.serveOrder(req as unknown as IncomingMessage, res as unknown as ServerResponse, ORDER, 'req-1');
      const payments = () => chunks.filter((chunk) => chunk.startsWith('event: payment')).map((chunk) => chunk.trim());
      return { feed, payments, close: () => req.emit('close') };
    }
    const attached = (orderId: string, paymentIntentId: string) => ({ orderId, customerId: ORDER, paymentIntentId, at: '2026-01-01T12:00:01.000Z' });

    it('says once, without an id, that the PaymentIntent exists when the feed announces it', async () => {
      const sut = await follow(`/api/orders/${ORDER}/stream?include=payment`, {});
      expect(sut.payments()).toEqual([]);

      sut.feed.dispatchPayment(attached('another', 'pi_other'));
      sut.feed.dispatchPayment(attached(ORDER, 'pi_1'));
      sut.feed.dispatchPayment(attached(ORDER, 'pi_1'));
      await new Promise((resolve) => setImmediate(resolve));
      sut.close();

      expect(sut.payments()).toEqual([`event: payment\ndata: ${JSON.stringify({ orderId: ORDER, paymentIntentId: 'pi_1' })}`]);
    });

    it('says it after the replay when the order already has its PaymentIntent', async () => {
      const sut = await follow(`/api/orders/${ORDER}/stream?ticket=t&include=eta,payment`, { paymentIntentId: 'pi_1' });
      sut.close();

      expect(sut.payments()).toEqual([`event: payment\ndata: ${JSON.stringify({ orderId: ORDER, paymentIntentId: 'pi_1' })}`]);
    });

    it('says nothing about payments to a stream that did not ask', async () => {
      const sut = await follow(`/api/orders/${ORDER}/stream`, { paymentIntentId: 'pi_1' });
      sut.feed.dispatchPayment(attached(ORDER, 'pi_1'));
      await new Promise((resolve) => setImmediate(resolve));
      sut.close();

      expect(sut.payments()).toEqual([]);
    });
  });
});
