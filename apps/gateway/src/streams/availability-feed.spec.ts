import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import pino from 'pino';
import { AvailabilityFeed } from './availability-feed';

const message = (type: string, payload: object) => Buffer.from(JSON.stringify({ id: randomUUID(), type, version: 1, payload }));

describe(AvailabilityFeed.name, () => {
  // Never started: read() is fed directly, as the consumer would.
  const sut = () => new AvailabilityFeed({} as Kafka, '', 'http://127.0.0.1:1', pino({ level: 'silent' }));
  const productId = randomUUID();
  const product = { productId, name: 'Soup', categoryId: randomUUID(), price: { amount: 500, currency: 'USD' }, modifierGroups: [] };

  it('journals each availability change with the product picture so far, ids growing by one', () => {
    const feed = sut();
    feed.read(message('product.created', product));
    feed.read(message('stock.changed', { productId, onHand: 4, reserved: 1, available: 3 }));
    feed.read(message('product.updated', { ...product, onSale: false }));
    const replay = feed.journal.resume(`${feed.journal.epoch}:0`);
    expect(replay.kind === 'replay' && replay.entries.map((entry) => [entry.position, entry.change])).toEqual([
      [1, { productId, available: 0, onSale: true, archived: false }],
      [2, { productId, available: 3, onSale: true, archived: false }],
      [3, { productId, available: 3, onSale: false, archived: false }],
    ]);
  });

  it.each([
    ['another event type', message('stock.reserved', { orderId: randomUUID() })],
    ['a payload that breaks its contract', message('stock.changed', { productId, available: 'many' })],
    ['not JSON', Buffer.from('{nope')],
    ['an empty message', null],
  ])('ignores %s', (_case, value) => {
    const feed = sut();
    feed.read(value);
    expect(feed.journal.head).toBe(0);
  });
});
