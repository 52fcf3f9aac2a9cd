import { Attributes, Link, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
import { childTraceparent } from './trace-context';

/**
 * Spans through the OpenTelemetry API. The parent is always named explicitly by its W3C
 * traceparent (the one Galley's own trace context carries through requests and Kafka headers),
 * so no OpenTelemetry context manager is needed. Until an SDK is registered (platform's
 * startTracing, only when an OTLP endpoint is configured) the tracer is a no-op: the span
 * records nothing and the traceparent is a fresh child id as before.
 */
const tracer = trace.getTracer('galley');
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export { SpanKind };

export interface StartedSpan {
  span: Span;
  /** The span as a W3C traceparent, to hand to its children (headers, the trace context). */
  traceparent: string;
}

function parentContextOf(parent: string | undefined) {
  const match = parent ? TRACEPARENT.exec(parent) : null;
  if (!match || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, { traceId: match[1], spanId: match[2], traceFlags: parseInt(match[3], 16), isRemote: true });
}

/** Links a span to another trace (e.g. the request that delivered a webhook). */
export function linkTo(traceparent: string | undefined): Link[] {
  const context = trace.getSpanContext(parentContextOf(traceparent));
  return context ? [{ context }] : [];
}

export function startSpan(name: string, kind: SpanKind, parent: string | undefined, attributes?: Attributes, links?: Link[]): StartedSpan {
  const span = tracer.startSpan(name, { kind, attributes, links }, parentContextOf(parent));
  if (!span.isRecording()) return { span, traceparent: childTraceparent(parent) };
  const { traceId, spanId, traceFlags } = span.spanContext();
  const flags = (traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED ? '01' : '00';
  return { span, traceparent: `00-${traceId}-${spanId}-${flags}` };
}

/** Ends a span with an error status when the work failed. */
export function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  }
  span.end();
}
