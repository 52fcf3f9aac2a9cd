import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ConsumerConfig } from 'kafkajs';

/**
 * The consumer settings of the gateway's broadcast feeds (order status, availability, session revocations): one
 * group per instance, so every gateway sees every event; offsets are never needed again.
 */
export function broadcastConsumerConfig(feed: string): ConsumerConfig {
  return {
    groupId: `galley-gateway-${feed}-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    // The broker answers a fetch as soon as one message is there: the wait only bounds idle polling (20 fetches/s at 50 ms).
    maxWaitTimeInMs: 1000,
    sessionTimeout: 10_000,
  };
}
