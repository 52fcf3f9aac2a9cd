import type { NodeSDK } from '@opentelemetry/sdk-node';

export interface TracingOptions {
  /** `galley-<app>` becomes the spans' service.name. */
  app: string;
  /** OTLP/HTTP base URL (e.g. http://otel-collector:4318); tracing is off without it. */
  endpoint?: string;
}

let sdk: NodeSDK | undefined;

/**
 * Registers the OpenTelemetry SDK so Galley's spans (HTTP server, outbox producer, Kafka consumer)
 * are exported over OTLP/HTTP. Without an endpoint nothing is loaded and the API stays a no-op,
 * so tracing costs nothing when off. Only traces are exported: metrics stay Prometheus's
 * (/metrics) and logs stay JSON on stdout. Once per process.
 */
export function startTracing(options: TracingOptions): boolean {
  if (!options.endpoint || sdk) return !!sdk;
  // Loaded only when configured: the SDK and its exporters are a sizeable require graph.
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const exporter = new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces` });
  sdk = new NodeSDK({
    serviceName: `galley-${options.app}`,
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1000 })],
    // No OTLP metrics or logs (the SDK would otherwise default to both).
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [],
    // Galley propagates W3C traceparent itself (its trace context and the outbox headers).
    textMapPropagator: null,
  });
  sdk.start();
  // Flush what is buffered on the way out; Nest's own SIGTERM hook closes the app meanwhile.
  process.once('SIGTERM', () => void sdk?.shutdown().catch(() => undefined));
  return true;
}

/** Exports buffered spans and unregisters the SDK (tests; SIGTERM does it in the apps). */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown();
}
