import { randomUUID } from 'node:crypto';
import { orderCompletedV1 } from '@galley/contracts';
import { eventHandlerOf } from '@galley/platform';
import { OrderCompletedConsumer } from '../src/consumers/order-completed.consumer';
import { ReviewsTestApp } from './reviews-test-app';

/**
 * A hybrid app whose broker is down starts anyway: serving its @HandlesEvent handlers through Galley's transport
 * does not wait for Kafka (the consumer connects in the background), and it stops cleanly and promptly while still retrying.
 */
describe('reviews started while the broker is down', () => {
  let sut: ReviewsTestApp | undefined;

  afterAll(async () => {
    await sut?.close();
  });

  it('answers HTTP, serves its handlers and shuts down without ever reaching Kafka', async () => {
    // Port 9 (discard) on loopback: nothing listens, every connection is refused. Were start-up to wait for the
    // broker, it would never return (the runtime retries for as long as the service runs).
    sut = await ReviewsTestApp.start({ KAFKA_BROKERS: '127.0.0.1:9' });

    await sut.http.get('/health/live').expect(200);
    expect(eventHandlerOf(sut.app, sut.app.get(OrderCompletedConsumer), orderCompletedV1).contract).toBe(orderCompletedV1);
    // The handler works through the transport's pipeline; only Kafka is missing.
    expect(await sut.complete({ customerId: randomUUID(), productIds: [sut.product()] })).toBe(true);

    // Shutdown does not wait out a connect to a broker that is not there (kafkajs retries one for about 40 s): it
    // must fit in Kubernetes' 30 s SIGTERM grace, with room for the drain of a service that did start.
    const closeStarted = Date.now();
    const closing = sut.close();
    sut = undefined;
    await expect(closing).resolves.toBeUndefined();
    expect(Date.now() - closeStarted).toBeLessThan(10_000);
  });
});
