import { delay, http, HttpResponse } from 'msw';
import { jsonFixture, proxied, readFixture, useMswServer } from '../testing';
import { DatasourceError } from '../types';
import { getTrace, probeTraceRoute, search, searchTags, tagValues } from './client';
import { otlpToTrace } from './otlp';
import { traceByIdResponseToProtobuf, traceToProtobuf } from '../../demo/otlpProtobuf';

const server = useMswServer();
const fixture = (name: string) => jsonFixture(import.meta.url, name);
const text = (name: string, status: number) =>
  HttpResponse.text(readFixture(import.meta.url, name), { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

const TRACE_A = '0074956cf36b07561fc0cc1c6fe2ffad';

describe('getTrace', () => {
  it('falls back to v1 when the v2 route is missing, and remembers it', async () => {
    const calls: string[] = [];
    server.use(
      http.get(proxied('tempo23', `api/v2/traces/${TRACE_A}`), () => {
        calls.push('v2');
        return text('v2-traces-404.txt', 404);
      }),
      http.get(proxied('tempo23', `api/traces/${TRACE_A}`), ({ request }) => {
        calls.push(`v1 ${request.headers.get('accept')}`);
        return HttpResponse.json(fixture('trace-a-reference.json'));
      }),
    );
    const trace = await getTrace('tempo23', TRACE_A);
    expect(trace.spans).toHaveLength(7);
    await getTrace('tempo23', TRACE_A);
    // Asked for protobuf, as Grafana asks Tempo; a JSON answer is read all the same.
    expect(calls).toEqual(['v2', 'v1 application/protobuf', 'v1 application/protobuf']);
  });

  it('reads protobuf answers from both routes, a partial v2 trace included, as the JSON ones', async () => {
    const json = fixture('trace-a-reference.json');
    const protobuf = (bytes: Uint8Array) => new HttpResponse(bytes, { headers: { 'Content-Type': 'application/protobuf' } });
    server.use(
      http.get(proxied('tempo-pb23', 'api/v2/traces/*'), () => text('v2-traces-404.txt', 404)),
      http.get(proxied('tempo-pb23', `api/traces/${TRACE_A}`), () => protobuf(traceToProtobuf(json))),
      http.get(proxied('tempo-pb26', `api/v2/traces/${TRACE_A}`), () => protobuf(traceByIdResponseToProtobuf({ trace: json, status: 'PARTIAL' }))),
    );
    expect(await getTrace('tempo-pb23', TRACE_A)).toEqual(otlpToTrace(json));
    expect(await getTrace('tempo-pb26', TRACE_A)).toEqual({ ...otlpToTrace(json), partial: true });
  });

  it('names the datasource when its protobuf is broken', async () => {
    server.use(
      http.get(proxied('tempo-badpb', 'api/v2/traces/*'), () => new HttpResponse(new Uint8Array([0x0a, 0xff, 0xff, 0x03]), { headers: { 'Content-Type': 'application/protobuf' } })),
    );
    await expect(getTrace('tempo-badpb', TRACE_A)).rejects.toMatchObject({ message: 'Datasource "tempo-badpb" answered with invalid protobuf', errorType: 'invalid_response' });
  });

  it('reports a missing trace on v1 as a 404 DatasourceError', async () => {
    server.use(
      http.get(proxied('tempo-missing', 'api/v2/traces/*'), () => text('v2-traces-404.txt', 404)),
      http.get(proxied('tempo-missing', 'api/traces/*'), () => text('trace-unknown-404.txt', 404)),
    );
    const err = await getTrace('tempo-missing', 'f497a3f735e6b1fc29b9fe683e5a2947').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasourceError);
    expect(err).toMatchObject({ status: 404, message: 'trace not found' });
  });

  it('does not fall back when v2 exists and says the trace is not found', async () => {
    let v1Called = false;
    server.use(
      http.get(proxied('tempo26', 'api/v2/traces/*'), () => HttpResponse.text('trace not found', { status: 404 })),
      http.get(proxied('tempo26', 'api/traces/*'), () => {
        v1Called = true;
        return HttpResponse.json({ batches: [] });
      }),
    );
    await expect(getTrace('tempo26', TRACE_A)).rejects.toMatchObject({ status: 404, message: 'trace not found' });
    expect(v1Called).toBe(false);
  });

  it('does not fall back on a proxy 404 (unknown datasource)', async () => {
    server.use(
      http.get(proxied('nope', 'api/v2/traces/*'), () =>
        HttpResponse.json({ status: 'error', error: 'unknown datasource "nope"', datasource: 'nope' }, { status: 404 }),
      ),
    );
    await expect(getTrace('nope', TRACE_A)).rejects.toMatchObject({ status: 404, message: 'unknown datasource "nope"' });
  });

  it('reads a v2 answer with a partial trace', async () => {
    const { batches } = fixture('trace-a-reference.json');
    server.use(
      http.get(proxied('tempo26b', `api/v2/traces/${TRACE_A}`), () =>
        HttpResponse.json({ trace: { resourceSpans: batches }, status: 'PARTIAL' }),
      ),
    );
    await expect(getTrace('tempo26b', TRACE_A)).resolves.toMatchObject({ traceId: TRACE_A, partial: true });
  });

  it('reads a trace streamed in small chunks and names the datasource when its JSON is invalid', async () => {
    const body = new TextEncoder().encode(readFixture(import.meta.url, 'trace-a-reference.json'));
    const stream = (bytes: Uint8Array) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 500) controller.enqueue(bytes.slice(i, i + 500));
          controller.close();
        },
      });
    const json = { headers: { 'Content-Type': 'application/json' } };
    server.use(
      http.get(proxied('tempo-stream', `api/v2/traces/${TRACE_A}`), () => new HttpResponse(stream(body), json)),
      http.get(proxied('tempo-stream', 'api/v2/traces/0bad'), () => new HttpResponse(stream(body.slice(0, -3)), json)),
    );
    const trace = await getTrace('tempo-stream', TRACE_A);
    expect(trace).toEqual(otlpToTrace(fixture('trace-a-reference.json')));
    await expect(getTrace('tempo-stream', '0bad')).rejects.toMatchObject({
      message: 'Datasource "tempo-stream" answered with invalid JSON',
      datasourceUid: 'tempo-stream',
    });
  });

  it('lets an abort through without trying v1', async () => {
    let v1Called = false;
    server.use(
      http.get(proxied('tempo-slow', 'api/v2/traces/*'), async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
      http.get(proxied('tempo-slow', 'api/traces/*'), () => {
        v1Called = true;
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const pending = getTrace('tempo-slow', TRACE_A, controller.signal);
    setTimeout(() => controller.abort(), 10);
    const err = await pending.catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    expect(v1Called).toBe(false);
  });
});

describe('probeTraceRoute', () => {
  /** Records the requests of one datasource: v2 probe, v2 trace, v1 trace. */
  function tempo(uid: string, v2: 'missing' | 'present') {
    const calls: string[] = [];
    server.use(
      http.get(proxied(uid, 'api/v2/traces/:id'), ({ params, request }) => {
        const probe = params.id === '0'.repeat(32);
        // The probe limits Tempo's lookup to a second in 1970: no block is read.
        if (probe) expect(Object.fromEntries(new URL(request.url).searchParams)).toEqual({ start: '1', end: '2' });
        calls.push(probe ? 'probe' : 'v2');
        if (v2 === 'missing') return text('v2-traces-404.txt', 404);
        return probe ? HttpResponse.text('trace not found', { status: 404 }) : HttpResponse.json({ trace: fixture('trace-a-reference.json') });
      }),
      http.get(proxied(uid, `api/traces/${TRACE_A}`), () => {
        calls.push('v1');
        return HttpResponse.json(fixture('trace-a-reference.json'));
      }),
    );
    return calls;
  }

  it('sends the trace request straight to v1 once the probe found no v2 route, probing once', async () => {
    const calls = tempo('tempo-probe-old', 'missing');
    void probeTraceRoute('tempo-probe-old');
    await probeTraceRoute('tempo-probe-old');
    expect(calls).toEqual(['probe']);
    expect((await getTrace('tempo-probe-old', TRACE_A)).spans).toHaveLength(7);
    expect(calls).toEqual(['probe', 'v1']);
  });

  it('leaves v2 first when the route exists (Tempo\'s own 404) or the probe is still out', async () => {
    const calls = tempo('tempo-probe-new', 'present');
    await probeTraceRoute('tempo-probe-new');
    expect((await getTrace('tempo-probe-new', TRACE_A)).spans).toHaveLength(7);
    expect(calls).toEqual(['probe', 'v2']);

    const pending = tempo('tempo-probe-pending', 'missing');
    void probeTraceRoute('tempo-probe-pending');
    expect((await getTrace('tempo-probe-pending', TRACE_A)).spans).toHaveLength(7);
    expect(pending.filter((c) => c !== 'probe')).toEqual(['v2', 'v1']);
  });
});

describe('search', () => {
  it('sends TraceQL with unix-second bounds and returns hits', async () => {
    let params: Record<string, string> = {};
    server.use(
      http.get(proxied('tempo', 'api/search'), ({ request }) => {
        params = Object.fromEntries(new URL(request.url).searchParams);
        return HttpResponse.json(fixture('search-service-dyocense-api.json'));
      }),
    );
    const q = '{ resource.service.name = "dyocense-api" }';
    const hits = await search('tempo', { q, limit: 20, start: 1795353001, end: 1795353726 });
    expect(params).toEqual({ q, limit: '20', start: '1795353001', end: '1795353726' });
    expect(hits[0].traceId).toBe(TRACE_A);
  });

  it('widens epoch-ms bounds to whole seconds', async () => {
    let params: Record<string, string> = {};
    server.use(
      http.get(proxied('tempo', 'api/search'), ({ request }) => {
        params = Object.fromEntries(new URL(request.url).searchParams);
        return HttpResponse.json({ traces: [] });
      }),
    );
    await search('tempo', { q: '{}', startMs: 1795353001706, endMs: 1795353725100 });
    expect(params).toEqual({ q: '{}', start: '1795353001', end: '1795353726' });
  });

  it('keeps the invalid-TraceQL text as the message', async () => {
    server.use(http.get(proxied('tempo', 'api/search'), () => text('search-invalid-traceql.txt', 400)));
    await expect(search('tempo', { q: '{ resource.service.name = "homebot" && }' })).rejects.toMatchObject({
      status: 400,
      message: 'invalid TraceQL query: parse error at line 1, col 40: syntax error: unexpected }',
    });
  });
});

describe('tags', () => {
  it('uses v2 scopes when available', async () => {
    server.use(http.get(proxied('tempo', 'api/v2/search/tags'), () => HttpResponse.json(fixture('v2-search-tags.json'))));
    expect((await searchTags('tempo')).map((s) => s.name)).toEqual(['intrinsic', 'resource', 'span']);
  });

  it('falls back to v1 names and unscoped values on an old Tempo', async () => {
    let v1Path = '';
    server.use(
      http.get(proxied('tempo-old', 'api/v2/*'), () => HttpResponse.text('404 page not found\n', { status: 404 })),
      http.get(proxied('tempo-old', 'api/search/tags'), () => HttpResponse.json(fixture('search-tags.json'))),
      http.get(proxied('tempo-old', 'api/search/tag/:name/values'), ({ request }) => {
        v1Path = new URL(request.url).pathname;
        return HttpResponse.json(fixture('tag-service.name-values.json'));
      }),
    );
    expect((await searchTags('tempo-old'))[0].tags).toHaveLength(97);
    const values = await tagValues('tempo-old', 'resource.service.name');
    expect(v1Path).toBe('/api/datasources/proxy/uid/tempo-old/api/search/tag/service.name/values');
    expect(values[0]).toEqual({ type: 'string', value: 'autotrader' });
  });

  it('reads v2 values', async () => {
    server.use(
      http.get(proxied('tempo', 'api/v2/search/tag/resource.service.name/values'), () =>
        HttpResponse.json(fixture('v2-tag-resource.service.name-values.json')),
      ),
    );
    expect(await tagValues('tempo', 'resource.service.name')).toHaveLength(8);
  });
});
