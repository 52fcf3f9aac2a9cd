import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { traceIdOf } from './trace-context';
import { endSpan, linkTo, SpanKind, startSpan } from './tracing';

const PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('spans without an SDK (tracing off)', () => {
  it('record nothing and hand out a fresh child of the parent', () => {
    const { span, traceparent } = startSpan('process order.placed', SpanKind.CONSUMER, PARENT);
    expect(span.isRecording()).toBe(false);
    expect(traceIdOf(traceparent)).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(traceparent.split('-')[2]).not.toBe('b7ad6b7169203331');
  });
});

describe('spans with an SDK (tracing on)', () => {
  const exporter = new InMemorySpanExporter();

  beforeAll(() => {
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  afterAll(() => trace.disable());
  beforeEach(() => exporter.reset());

  it('continue the parent named by its traceparent, and name themselves in the traceparent they hand on', () => {
    const { span, traceparent } = startSpan('publish order.placed', SpanKind.PRODUCER, PARENT, { 'galley.aggregate.id': 'o1' });
    endSpan(span);
    const [recorded] = exporter.getFinishedSpans();
    expect(recorded.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(recorded.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(traceparent).toBe(`00-0af7651916cd43dd8448eb211c80319c-${recorded.spanContext().spanId}-01`);
    expect(recorded.kind).toBe(SpanKind.PRODUCER);
    expect(recorded.attributes['galley.aggregate.id']).toBe('o1');
  });

  it.each([undefined, 'garbage', '00-00000000000000000000000000000000-b7ad6b7169203331-01'])('start a new trace when the parent is %p', (parent) => {
    const { span } = startSpan('GET', SpanKind.SERVER, parent);
    endSpan(span);
    const [recorded] = exporter.getFinishedSpans();
    expect(recorded.parentSpanContext).toBeUndefined();
    expect(recorded.spanContext().traceId).not.toBe('0af7651916cd43dd8448eb211c80319c');
  });

  it('mark a failed span as an error with the exception', () => {
    const { span } = startSpan('process stock.reserved', SpanKind.CONSUMER, PARENT);
    endSpan(span, new Error('database down'));
    const [recorded] = exporter.getFinishedSpans();
    expect(recorded.status).toEqual({ code: 2, message: 'database down' });
    expect(recorded.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('link to another trace', () => {
    const { span } = startSpan('POST /api/webhooks/stripe', SpanKind.SERVER, undefined, {}, linkTo(PARENT));
    endSpan(span);
    expect(exporter.getFinishedSpans()[0].links.map((link) => link.context.spanId)).toEqual(['b7ad6b7169203331']);
  });
});
