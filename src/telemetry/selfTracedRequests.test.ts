import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { StackContextManager } from '@opentelemetry/sdk-trace-web';
import { http, HttpResponse } from 'msw';
import { fetchJson, fetchJsonStreamed, setRequestTracer } from '../datasources/http';
import { proxied, useMswServer } from '../datasources/testing';
import { withQuerySpan } from './query';
import { SELF_TRACED_URL, selfTracedRequest } from './selfTracedRequests';

const server = useMswServer();
const exporter = new InMemorySpanExporter();

beforeAll(() => {
  context.setGlobalContextManager(new StackContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});
beforeEach(() => {
  trace.disable();
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  exporter.reset();
  setRequestTracer(selfTracedRequest(trace.getTracer('test')));
});
afterEach(() => setRequestTracer(undefined));

const textSink = () => {
  let text = '';
  return { write: (t: string) => void (text += t), end: () => JSON.parse(text) as unknown };
};

describe('self-traced requests', () => {
  it('covers trace bodies (v1 and v2, any datasource) and nothing else', () => {
    expect(SELF_TRACED_URL.test('/api/datasources/proxy/uid/tempo/api/traces/0af7651916cd43dd8448eb211c80319c')).toBe(true);
    expect(SELF_TRACED_URL.test('/api/datasources/proxy/uid/tempo/api/v2/traces/0af7?start=0&end=1')).toBe(true);
    expect(SELF_TRACED_URL.test('/api/datasources/proxy/uid/jaeger/api/traces/abc')).toBe(true);
    expect(SELF_TRACED_URL.test('/api/datasources/proxy/uid/prometheus/api/v1/query_range?query=up')).toBe(false);
    expect(SELF_TRACED_URL.test('/api/datasources/proxy/uid/tempo/api/search?q=%7B%7D')).toBe(false);
    expect(SELF_TRACED_URL.test('/api/datasources/proxy/uid/jaeger/api/traces?service=a')).toBe(false);
  });

  it('is a client span under the query span, sent as traceparent, ended once the body is read', async () => {
    let sent: string | null = null;
    server.use(
      http.get(proxied('tempo', 'api/traces/abc123'), ({ request }) => {
        sent = request.headers.get('traceparent');
        return HttpResponse.json({ batches: [] });
      }),
    );
    await withQuerySpan('traces get trace', {}, () => fetchJsonStreamed({ uid: 'tempo' }, 'api/traces/abc123', textSink()));
    const spans = exporter.getFinishedSpans();
    const request = spans.find((s) => s.kind === SpanKind.CLIENT)!;
    const query = spans.find((s) => s.name === 'traces get trace')!;
    expect(request.name).toBe('GET');
    expect(request.parentSpanContext?.spanId).toBe(query.spanContext().spanId);
    expect(sent).toBe(`00-${request.spanContext().traceId}-${request.spanContext().spanId}-01`);
    expect(request.attributes['url.full']).toMatch(/\/api\/datasources\/proxy\/uid\/tempo\/api\/traces\/abc123$/);
    expect(request.attributes['http.response.status_code']).toBe(200);
    expect(request.status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it('records a failed answer as an error, and leaves other requests to the fetch instrumentation', async () => {
    server.use(
      http.get(proxied('tempo', 'api/traces/dead'), () => new HttpResponse('trace not found', { status: 404 })),
      http.get(proxied('prometheus', 'api/v1/labels'), ({ request }) => HttpResponse.json({ traceparent: request.headers.get('traceparent') })),
    );
    await expect(fetchJson({ uid: 'tempo' }, 'api/traces/dead')).rejects.toThrow('trace not found');
    const [failed] = exporter.getFinishedSpans();
    expect(failed!.attributes['http.response.status_code']).toBe(404);
    expect(failed!.status.code).toBe(SpanStatusCode.ERROR);
    exporter.reset();
    await expect(fetchJson({ uid: 'prometheus' }, 'api/v1/labels')).resolves.toEqual({ traceparent: null });
    expect(exporter.getFinishedSpans()).toHaveLength(0);
  });
});
