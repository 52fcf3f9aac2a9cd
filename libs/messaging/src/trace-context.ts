import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';

/** What ties a log line, an HTTP request and the events it causes together. */
export interface TraceContext {
  /** W3C trace context: `00-<trace-id>-<span-id>-<flags>`. */
  traceparent: string;
  correlationId: string;
  /** The id of the request or event being handled; events emitted now are caused by it. */
  causationId: string;
  /** The HTTP request being handled, when there is one (events carry its id as correlationId). */
  requestId?: string;
  /** The order the work is about, when there is one: every log line written meanwhile names it. */
  orderId?: string;
  /**
   * Work an outside party called back for (a payment provider's webhook) about an aggregate whose
   * trace began earlier: the events it emits continue that aggregate's trace, linked to this one.
   */
  resumesAggregateTrace?: boolean;
}

const storage = new AsyncLocalStorage<TraceContext>();
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function currentTraceContext(): TraceContext | undefined {
  return storage.getStore();
}

export function runWithTraceContext<T>(context: TraceContext, work: () => T): T {
  return storage.run(context, work);
}

export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/** A new span in the same trace, or a fresh trace when the parent is missing or malformed. */
export function childTraceparent(parent: string | undefined): string {
  const match = parent ? TRACEPARENT.exec(parent) : null;
  if (!match || /^0+$/.test(match[1])) return newTraceparent();
  return `00-${match[1]}-${randomBytes(8).toString('hex')}-${match[3]}`;
}

export function traceIdOf(traceparent: string): string | undefined {
  return TRACEPARENT.exec(traceparent)?.[1];
}

/** A context for work that starts without a request (a timer, a CLI). */
export function rootTraceContext(): TraceContext {
  const id = randomUUID();
  return { traceparent: newTraceparent(), correlationId: id, causationId: id };
}

/** The order an event is about: its payload's orderId, or its aggregate id for an order's own events. */
export function orderIdOf(envelope: { type: string; aggregateId: string; payload: unknown }): string | undefined {
  const payload = envelope.payload as { orderId?: unknown } | null;
  if (payload && typeof payload.orderId === 'string') return payload.orderId;
  return envelope.type.startsWith('order.') ? envelope.aggregateId : undefined;
}

/** The fields every log line written inside a trace context carries (pino mixin). */
export function logFieldsOf(context: TraceContext | undefined): Record<string, string> {
  if (!context) return {};
  const fields: Record<string, string> = { correlationId: context.correlationId, requestId: context.requestId ?? context.correlationId };
  const traceId = traceIdOf(context.traceparent);
  if (traceId) fields.traceId = traceId;
  if (context.orderId) fields.orderId = context.orderId;
  return fields;
}
