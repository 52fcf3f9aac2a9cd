import { Counter } from 'prom-client';

/** Counters on the default prom-client registry, exposed by every service's /metrics. */
export const messagingMetrics = {
  outboxPublished: new Counter({
    name: 'galley_outbox_published_total',
    help: 'Outbox rows published to Kafka',
    labelNames: ['schema'],
  }),
  eventsConsumed: new Counter({
    name: 'galley_events_consumed_total',
    help: 'Events handled by a consumer, by outcome',
    labelNames: ['group', 'type', 'outcome'],
  }),
  deadLettered: new Counter({
    name: 'galley_events_dead_lettered_total',
    help: 'Messages sent to a dead-letter topic',
    labelNames: ['group', 'topic'],
  }),
};
