import { delay, http, HttpResponse } from 'msw';
import { QueryClient } from '@tanstack/react-query';
import { jsonFixture, proxied, useMswServer } from '../../datasources/testing';
import type { PublicConfig } from '../../datasources/types';
import { prefetchTrace, probeTraceRoute, traceDatasource, traceQueryOptions } from './traceQuery';

const server = useMswServer();
const TRACE_A = '0074956cf36b07561fc0cc1c6fe2ffad';
// Trace A as Tempo's v1 answer (the tempo client's fixtures).
const TEMPO_FIXTURE = jsonFixture(new URL('../../datasources/tempo/client.test.ts', import.meta.url).href, 'trace-a-reference.json');
const config = (datasources: PublicConfig['datasources']) => ({ datasources }) as PublicConfig;

describe('the trace query, shared by the route loader and the page', () => {
  it('keys the query by datasource and trace id, picking ds= or the first trace store', () => {
    const cfg = config([
      { uid: 'prom', type: 'prometheus' },
      { uid: 'tempo', type: 'tempo' },
      { uid: 'jaeger', type: 'jaeger' },
    ] as PublicConfig['datasources']);
    expect(traceDatasource(cfg)?.uid).toBe('tempo');
    expect(traceDatasource(cfg, 'jaeger')?.uid).toBe('jaeger');
    expect(traceQueryOptions(traceDatasource(cfg), TRACE_A).queryKey).toEqual(['trace', 'tempo', TRACE_A]);
    expect(traceQueryOptions(undefined, TRACE_A).enabled).toBe(false);
  });

  it('prefetches into the cache under that key, and not without a trace store', async () => {
    server.use(http.get(proxied('tempo', `api/v2/traces/${TRACE_A}`), () => HttpResponse.json({ trace: { batches: TEMPO_FIXTURE.batches } })));
    const queryClient = new QueryClient();
    prefetchTrace(queryClient, config([]), TRACE_A);
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);

    const cfg = config([{ uid: 'tempo', type: 'tempo' }] as PublicConfig['datasources']);
    prefetchTrace(queryClient, cfg, TRACE_A);
    const key = traceQueryOptions(traceDatasource(cfg), TRACE_A).queryKey;
    expect(queryClient.getQueryState(key)?.fetchStatus).toBe('fetching');
    await vi.waitFor(() => expect(queryClient.getQueryData(key)?.spans).toHaveLength(7));
  });
});

describe('probeTraceRoute', () => {
  it('asks a Tempo datasource about its v2 trace route, not a Jaeger one nor in demo mode', async () => {
    const probed: string[] = [];
    server.use(
      http.get(proxied(':uid', `api/v2/traces/${'0'.repeat(32)}`), ({ params }) => {
        probed.push(String(params.uid));
        return HttpResponse.text('invalid trace id', { status: 400 });
      }),
    );
    await probeTraceRoute(config([{ uid: 'jaeger-p', type: 'jaeger' }] as PublicConfig['datasources']))();
    await probeTraceRoute({ ...config([{ uid: 'tempo-demo', type: 'tempo' }] as PublicConfig['datasources']), demo: true })();
    await probeTraceRoute(config([{ uid: 'tempo-p', type: 'tempo' }] as PublicConfig['datasources']))();
    expect(probed).toEqual(['tempo-p']);
  });

  it('waits for an answer that does not come only for a moment', async () => {
    server.use(
      http.get(proxied('tempo-hung', `api/v2/traces/${'0'.repeat(32)}`), async () => {
        await delay('infinite');
        return HttpResponse.text('');
      }),
    );
    const wait = probeTraceRoute(config([{ uid: 'tempo-hung', type: 'tempo' }] as PublicConfig['datasources']));
    const started = performance.now();
    await wait();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("asks nothing when the server's config says which route the Tempo has, and goes there at once", async () => {
    const asked: string[] = [];
    server.use(
      http.get(proxied(':uid', 'api/v2/traces/:id'), ({ params }) => {
        asked.push(`${String(params.uid)} v2 ${String(params.id)}`);
        return HttpResponse.text('404 page not found\n', { status: 404 });
      }),
      http.get(proxied(':uid', 'api/traces/:id'), ({ params }) => {
        asked.push(`${String(params.uid)} v1 ${String(params.id)}`);
        return HttpResponse.json(TEMPO_FIXTURE);
      }),
    );
    const cfg = config([{ uid: 'tempo-old', type: 'tempo', traceByIdV2: false }] as PublicConfig['datasources']);
    await probeTraceRoute(cfg)();
    expect(asked).toEqual([]);
    const queryClient = new QueryClient();
    prefetchTrace(queryClient, cfg, TRACE_A);
    await vi.waitFor(() => expect(queryClient.getQueryData(traceQueryOptions(traceDatasource(cfg), TRACE_A).queryKey)?.spans).toHaveLength(7));
    expect(asked).toEqual([`tempo-old v1 ${TRACE_A}`]);
  });
});
