import { ServiceName } from '@galley/config';

/** One topic per publishing service, keyed by aggregate id. */
export const TOPICS = {
  users: 'users.events',
  inventory: 'inventory.events',
  orders: 'orders.events',
  payments: 'payments.events',
  reviews: 'reviews.events',
} as const satisfies Record<ServiceName, string>;

export type TopicName = (typeof TOPICS)[ServiceName];

export const DLQ_SUFFIX = '.dlq';

export function deadLetterTopicOf(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/** Test runs share a broker with development, so they prefix their topics. */
export function withTopicPrefix(topic: string, prefix: string): string {
  return prefix ? `${prefix}.${topic}` : topic;
}
