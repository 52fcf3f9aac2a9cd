import { Counter, Histogram } from 'prom-client';

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
  /**
   * One saga step: from the moment an event occurred (its envelope's occurredAt, set in the
   * publisher's transaction) to the commit of the next participant's handler.
   */
  sagaStepDuration: new Histogram({
    name: 'galley_saga_step_duration_seconds',
    help: 'Time from an event occurring to its handler committing, by consumer group and event type',
    labelNames: ['group', 'type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  }),
  deadLettered: new Counter({
    name: 'galley_events_dead_lettered_total',
    help: 'Messages sent to a dead-letter topic',
    labelNames: ['group', 'topic'],
  }),
};
