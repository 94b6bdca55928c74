import { getResponse } from 'msw';
import { browserPrefix, demoHandlers } from './handlers.ts';
import { referenceTrace } from './traces.ts';

const NOW = 1_795_353_661_706;
const ORIGIN = 'http://sightline.test';
// In node there is no location to resolve relative paths against: mount on an absolute origin.
const handlers = demoHandlers({ prefix: (type) => (type === 'health' ? `${ORIGIN}/demo-health` : `${ORIGIN}${browserPrefix(type)}`), now: () => NOW, catchAll: true });

async function get(path: string, init?: RequestInit): Promise<Response> {
  const response = await getResponse(handlers, new Request(`${ORIGIN}${path}`, init));
  if (!response) throw new Error(`no handler for ${path}`);
  return response;
}

const proxy = (uid: string, path: string) => `/api/datasources/proxy/uid/${uid}${path}`;

describe('demo handlers under the proxy paths', () => {
  it('answer Prometheus queries by GET and form POST', async () => {
    const r = await get(proxy('prometheus', '/api/v1/query?query=up'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    const body = (await r.json()) as { data: { result: unknown[] } };
    expect(body.data.result).toHaveLength(5);
    const post = await get(proxy('prometheus', '/api/v1/query_range'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: 'homebot_job_queue_size', start: String(NOW / 1000 - 600), end: String(NOW / 1000), step: '60' }),
    });
    expect(((await post.json()) as { data: { result: unknown[] } }).data.result).toHaveLength(1);
    expect((await get(proxy('prometheus', '/-/ready'))).status).toBe(200);
  });

  it('answer Prometheus errors as JSON with 400', async () => {
    const r = await get(proxy('prometheus', `/api/v1/query?query=${encodeURIComponent('rate(up[5m]')}`));
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ status: 'error', errorType: 'bad_data' });
  });

  it('answer Loki with its content types, escaping <, > and & like Go', async () => {
    const q = encodeURIComponent('{service_name="scanner-cli"}');
    const r = await get(proxy('loki', `/loki/api/v1/query_range?query=${q}&start=${NOW - 3_600_000}000000&end=${NOW}000000`));
    expect(r.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const text = await r.text();
    expect(text).toContain('\\u003cimg src=x onerror=alert(1)\\u003e');
    expect(text).not.toContain('<script>');
    const err = await get(proxy('loki', `/loki/api/v1/query_range?query=${encodeURIComponent('{service_name="homebot"')}`));
    expect(err.status).toBe(400);
    expect(err.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await err.text()).toBe('parse error at line 1, col 24: syntax error: unexpected $end, expecting } or ,');
    const volume = await get(proxy('loki', '/loki/api/v1/index/volume?query=%7Bservice_name%3D%22homebot%22%7D'));
    expect([volume.status, await volume.text()]).toEqual([404, 'not found']);
    const detected = await get(proxy('loki', '/loki/api/v1/detected_fields'));
    expect([detected.status, await detected.text()]).toEqual([404, '404 page not found\n']);
  });

  it('answer Tempo traces, search, tags and its plain-text errors', async () => {
    const { traceId } = referenceTrace(NOW);
    const trace = await get(proxy('tempo', `/api/traces/${traceId}`));
    expect(trace.status).toBe(200);
    expect(Object.keys((await trace.json()) as object)).toEqual(['batches']);
    expect(await (await get(proxy('tempo', '/api/traces/f497a3f735e6b1fc29b9fe683e5a2947'))).text()).toBe('trace not found');
    const bad = await get(proxy('tempo', '/api/traces/not-a-trace-id'));
    expect([bad.status, await bad.text()]).toEqual([400, "trace IDs can only contain hex characters: invalid character 'n' at position 1"]);
    expect((await get(proxy('tempo', `/api/v2/traces/${traceId}`))).status).toBe(404);

    const q = encodeURIComponent('{ resource.service.name = "dyocense-api" && name = "POST /v1/goals/create" }');
    const search = (await (await get(proxy('tempo', `/api/search?q=${q}&start=${Math.floor(NOW / 1000) - 600}&end=${Math.floor(NOW / 1000)}`))).json()) as {
      traces: Array<{ traceID: string; spanSets: unknown[] }>;
      metrics: { inspectedBytes: string };
    };
    expect(search.traces.map((t) => t.traceID)).toContain(traceId.replace(/^0+/, ''));
    expect(typeof search.metrics.inspectedBytes).toBe('string');
    const invalid = await get(proxy('tempo', `/api/search?q=${encodeURIComponent('{ resource.service.name = "homebot" && }')}`));
    expect([invalid.status, await invalid.text()]).toEqual([400, 'invalid TraceQL query: parse error at line 1, col 40: syntax error: unexpected }']);
    const tags = (await (await get(proxy('tempo', '/api/search?tags=service.name%3Dhomebot&limit=3'))).json()) as { traces: object[] };
    expect(tags.traces).toHaveLength(3);
    expect(tags.traces[0]).not.toHaveProperty('spanSets');

    const scopes = (await (await get(proxy('tempo', '/api/v2/search/tags'))).json()) as { scopes: Array<{ name: string; tags: string[] }> };
    expect(scopes.scopes.map((s) => s.name)).toEqual(['intrinsic', 'resource', 'span']);
    expect(scopes.scopes[1]!.tags).toContain('service.name');
    const values = (await (await get(proxy('tempo', '/api/v2/search/tag/resource.service.name/values'))).json()) as { tagValues: Array<{ type: string; value: string }> };
    expect(values.tagValues.map((v) => v.value).sort()).toEqual(['barcode-lookup-provider', 'dyocense-api', 'homebot']);
    expect(values.tagValues[0]!.type).toBe('string');
    const v1 = (await (await get(proxy('tempo', '/api/search/tag/service.name/values'))).json()) as { tagValues: string[] };
    expect(v1.tagValues).toEqual(['barcode-lookup-provider', 'dyocense-api', 'homebot']);
    expect(await (await get(proxy('tempo', '/api/echo'))).text()).toBe('echo\n');
  });

  it('answer Jaeger with its envelope, hex ids and processes', async () => {
    const { traceId } = referenceTrace(NOW);
    const body = (await (await get(proxy('jaeger', `/api/traces/${traceId}`))).json()) as {
      data: Array<{ traceID: string; spans: Array<{ traceID: string; spanID: string; references: unknown[]; startTime: number; duration: number; processID: string; tags: Array<{ key: string; type: string }> }>; processes: Record<string, { serviceName: string }> }>;
      errors: null;
    };
    const trace = body.data[0]!;
    expect(trace.traceID).toBe(traceId.replace(/^0+/, ''));
    expect(trace.spans).toHaveLength(7);
    expect(trace.spans[0]!.duration).toBe(250_000);
    expect(trace.processes[trace.spans[0]!.processID]!.serviceName).toBe('dyocense-api');
    expect(trace.spans[0]!.tags.find((t) => t.key === 'http.status_code')!.type).toBe('int64');
    expect(body.errors).toBeNull();
    const missing = await get(proxy('jaeger', '/api/traces/f497a3f735e6b1fc29b9fe683e5a2947'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 404, msg: 'trace not found' }] });

    const services = (await (await get(proxy('jaeger', '/api/services'))).json()) as { data: string[]; total: number };
    expect(services.data).toEqual(['barcode-lookup-provider', 'dyocense-api', 'homebot']);
    expect(services.total).toBe(3);
    const ops = (await (await get(proxy('jaeger', '/api/services/dyocense-api/operations'))).json()) as { data: string[] };
    expect(ops.data).toContain('POST /v1/goals/create');
    const found = (await (await get(proxy('jaeger', '/api/traces?service=homebot&operation=barcode.lookup&limit=5&lookback=1h'))).json()) as { data: unknown[] };
    expect(found.data).toHaveLength(5);
    expect((await get(proxy('jaeger', '/api/traces'))).status).toBe(400);
  });

  it('answer health endpoints with one dependency degraded', async () => {
    const deep = (await (await get('/demo-health/health/deep')).json()) as { status: string; dependencies: Record<string, { status: string }> };
    expect(deep.status).toBe('degraded');
    expect(Object.entries(deep.dependencies).filter(([, d]) => d.status !== 'healthy').map(([k]) => k)).toEqual(['barcode-lookup-provider']);
    expect(((await (await get('/demo-health/health/ready')).json()) as { status: string }).status).toBe('ready');
  });

  it('answer 404 for other paths under a datasource instead of passing them through', async () => {
    const r = await get(proxy('prometheus', '/api/v1/admin/tsdb/snapshot'));
    expect(r.status).toBe(404);
  });
});
