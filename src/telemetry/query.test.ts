import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AlwaysOffSampler, BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { StackContextManager } from '@opentelemetry/sdk-trace-web';
import { forgetCause, rememberCause } from './cause';
import { withQuerySpan } from './query';
import { useQueryTraces } from './queryTraces';
import { traceUserAction } from './userAction';

// The browser's setup in miniature: the zone-less StackContextManager and W3C propagation.
const exporter = new InMemorySpanExporter();
let sampler: AlwaysOffSampler | undefined;
const provider = () => new BasicTracerProvider({ sampler, spanProcessors: [new SimpleSpanProcessor(exporter)] });

beforeAll(() => {
  context.setGlobalContextManager(new StackContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});
beforeEach(() => {
  sampler = undefined;
  trace.disable();
  trace.setGlobalTracerProvider(provider());
  exporter.reset();
  forgetCause();
  useQueryTraces.setState({ byName: {}, recent: [] });
});

/** What FetchInstrumentation does at the moment fetch is called: inject the active context. */
function headersAtFetch(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}

describe('withQuerySpan', () => {
  it('is the active span while work calls fetch, before its first await', async () => {
    let headers: Record<string, string> = {};
    await withQuerySpan('explore.metrics query_range', { 'db.query.text': 'up' }, async () => {
      headers = headersAtFetch();
      await Promise.resolve();
      return [];
    });
    const [span] = exporter.getFinishedSpans();
    expect(headers.traceparent).toBe(`00-${span!.spanContext().traceId}-${span!.spanContext().spanId}-01`);
  });

  it('records each run for the inspector, with its trace id, status and result size', async () => {
    await withQuerySpan('dashboard ops panel 3', { 'datasource.uid': 'prometheus' }, async () => [1, 2, 3], {
      resultAttributes: () => ({ 'sightline.result.points': 30 }),
    });
    const run = useQueryTraces.getState().byName['dashboard ops panel 3']!;
    const [span] = exporter.getFinishedSpans();
    expect(run).toMatchObject({ traceId: span!.spanContext().traceId, spanId: span!.spanContext().spanId, sampled: true, status: 'ok' });
    expect(span!.attributes).toMatchObject({ 'sightline.result.items': 3, 'sightline.result.points': 30 });
  });

  it('records failures as errors and cancellations as cancelled, and rethrows both', async () => {
    await expect(withQuerySpan('q', {}, async () => Promise.reject(new Error('bad_data: parse error')))).rejects.toThrow('bad_data');
    expect(useQueryTraces.getState().byName.q!.status).toBe('error');
    expect(exporter.getFinishedSpans()[0]!.status.message).toBe('bad_data: parse error');

    await expect(withQuerySpan('q', {}, async () => Promise.reject(new DOMException('aborted', 'AbortError')))).rejects.toThrow('aborted');
    expect(useQueryTraces.getState().byName.q!.status).toBe('cancelled');
  });

  it('ends the span when work throws before returning a promise', async () => {
    await expect(
      withQuerySpan('q', {}, () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(exporter.getFinishedSpans()).toHaveLength(1);
  });

  it('truncates long query text', async () => {
    await withQuerySpan('q', { 'db.query.text': 'x'.repeat(5000) }, async () => null);
    expect(String(exporter.getFinishedSpans()[0]!.attributes['db.query.text']).length).toBe(1001);
  });

  it('sends no sampled flag for an unsampled query, and tells the inspector not to link it', async () => {
    sampler = new AlwaysOffSampler();
    trace.disable();
    trace.setGlobalTracerProvider(provider());
    let headers: Record<string, string> = {};
    await withQuerySpan('q', {}, async () => {
      headers = headersAtFetch();
      return null;
    });
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    expect(useQueryTraces.getState().byName.q!.sampled).toBe(false);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});

describe('causes: user actions and navigations', () => {
  it('makes a query started just after a user action its child', async () => {
    traceUserAction('run query');
    await withQuerySpan('q', {}, async () => null);
    const [action, query] = exporter.getFinishedSpans();
    expect(action!.name).toBe('user run query');
    expect(query!.spanContext().traceId).toBe(action!.spanContext().traceId);
    expect(query!.parentSpanContext?.spanId).toBe(action!.spanContext().spanId);
  });

  it('lets a query started after the window begin its own trace', async () => {
    const span = trace.getTracer('t').startSpan('navigation /');
    rememberCause(span, 'navigation', 0);
    span.end();
    await withQuerySpan('q', {}, async () => null);
    const query = exporter.getFinishedSpans()[1]!;
    expect(query.parentSpanContext).toBeUndefined();
    expect(query.spanContext().traceId).not.toBe(span.spanContext().traceId);
  });
});
