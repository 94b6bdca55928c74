import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { parseConfig, type DatasourceConfig } from '../config.ts';
import { createProxyMiddleware } from '../proxy/proxyMiddleware.ts';
import { closedPort, recordingUpstream, request, serve } from '../testSupport.ts';
import { createServerTracing, proxyServiceName } from './nodeTracing.ts';

// The browser's fetch span, as FetchInstrumentation would announce it.
const browserTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const browserSpanId = '00f067aa0ba902b7';
const sampled = `00-${browserTraceId}-${browserSpanId}-01`;

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function proxyTo(fields: Partial<DatasourceConfig> & { url?: string } = {}, telemetry: Record<string, unknown> = {}) {
  const upstream = await recordingUpstream((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success","data":{}}'));
  servers.push(upstream);
  const config = parseConfig({ datasources: [{ uid: 'prom', type: 'prometheus', url: upstream.url, ...fields }], telemetry });
  const exporter = new InMemorySpanExporter();
  const tracing = createServerTracing(config.telemetry, exporter)!;
  const middleware = createProxyMiddleware(config.datasources, { tracing });
  const proxy = await serve((req, res) => middleware(req, res, () => res.writeHead(418).end()));
  servers.push(proxy);
  const query = (headers: Record<string, string> = {}) => request(`${proxy.url}/api/datasources/proxy/uid/prom/api/v1/query?query=up`, { headers });
  const spans = async () => {
    await tracing.flush();
    return exporter.getFinishedSpans();
  };
  return { upstream, query, spans };
}

describe('proxy server span', () => {
  it('is the child of the browser fetch span and the parent of the backend (W3C)', async () => {
    const { upstream, query, spans } = await proxyTo();
    await query({ traceparent: sampled, tracestate: 'vendor=1' });
    const [span] = await spans();
    expect(span).toBeDefined();
    expect(span!.kind).toBe(SpanKind.SERVER);
    expect(span!.spanContext().traceId).toBe(browserTraceId);
    expect(span!.parentSpanContext?.spanId).toBe(browserSpanId);
    expect(span!.attributes).toMatchObject({
      'sightline.datasource.uid': 'prom',
      'sightline.datasource.type': 'prometheus',
      'http.status_code': 200,
      'sightline.upstream.bytes': 30,
    });
    expect(span!.resource.attributes['service.name']).toBe('sightline-proxy');

    const headers = upstream.requests[0]!.headers;
    expect(headers.traceparent).toBe(`00-${browserTraceId}-${span!.spanContext().spanId}-01`);
    expect(headers.tracestate).toBe('vendor=1');
    expect(headers['uber-trace-id']).toBeUndefined();
  });

  it('sends Jaeger’s uber-trace-id alone for propagation: jaeger', async () => {
    const { upstream, query, spans } = await proxyTo({ propagation: 'jaeger' });
    await query({ traceparent: sampled });
    const [span] = await spans();
    const headers = upstream.requests[0]!.headers;
    expect(headers['uber-trace-id']).toBe(`${browserTraceId}:${span!.spanContext().spanId}:0:1`);
    expect(headers.traceparent).toBeUndefined();
  });

  it('sends both formats, naming the same span, for propagation: both', async () => {
    const { upstream, query, spans } = await proxyTo({ propagation: 'both' });
    await query({ traceparent: sampled });
    const proxySpanId = (await spans())[0]!.spanContext().spanId;
    const headers = upstream.requests[0]!.headers;
    expect(headers.traceparent).toBe(`00-${browserTraceId}-${proxySpanId}-01`);
    expect(headers['uber-trace-id']).toBe(`${browserTraceId}:${proxySpanId}:0:1`);
  });

  it('keeps an unsampled request unsampled: nothing recorded, no sampled flag upstream', async () => {
    const { upstream, query, spans } = await proxyTo({ propagation: 'both' });
    await query({ traceparent: `00-${browserTraceId}-${browserSpanId}-00` });
    expect(await spans()).toEqual([]);
    const headers = upstream.requests[0]!.headers;
    expect(headers.traceparent).toMatch(new RegExp(`^00-${browserTraceId}-[0-9a-f]{16}-00$`));
    expect(headers['uber-trace-id']).toMatch(/:0:0$/);
  });

  it('starts a trace, sampled by ratio, when the caller sends none', async () => {
    const all = await proxyTo();
    await all.query();
    const [root] = await all.spans();
    expect(root!.parentSpanContext).toBeUndefined();
    expect(all.upstream.requests[0]!.headers.traceparent).toBe(`00-${root!.spanContext().traceId}-${root!.spanContext().spanId}-01`);

    const none = await proxyTo({}, { sampleRatio: 0 });
    await none.query();
    expect(await none.spans()).toEqual([]);
    expect(none.upstream.requests[0]!.headers.traceparent).toMatch(/-00$/);
  });

  it('marks an unreachable backend as an error with the status the browser got', async () => {
    const port = await closedPort();
    const { query, spans } = await proxyTo({ url: `http://127.0.0.1:${port}` });
    expect((await query({ traceparent: sampled })).status).toBe(502);
    const [span] = await spans();
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.attributes['http.status_code']).toBe(502);
  });
});

describe('server tracing setup', () => {
  it('has no tracer without a collector, so the browser’s traceparent passes through', () => {
    expect(createServerTracing(parseConfig({}).telemetry)).toBeUndefined();
  });

  it('names the proxy after the browser’s service', () => {
    expect(proxyServiceName('sightline-web')).toBe('sightline-proxy');
    expect(proxyServiceName('portal')).toBe('portal-proxy');
  });
});
