// The trace-by-id query, shared by the page (useTrace) and the route's loader, which starts it
// while the page's chunk is still loading: one query key, so the page picks up the request
// already in flight instead of starting its own.

import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { pickDatasource } from '../../app/config';
import * as tempo from '../../datasources/tempo';
import * as jaeger from '../../datasources/jaeger';
import type { PublicConfig, PublicDatasource } from '../../datasources/types';
import { withQuerySpan } from '../../telemetry/query';
import { setTraceProgress } from './traceProgress';

/** The datasource a trace is read from: `ds=` from the URL, else the first trace store configured. */
export function traceDatasource(config: PublicConfig, dsUid?: string): PublicDatasource | undefined {
  return pickDatasource(config, ['tempo', 'jaeger'], dsUid);
}

export function traceQueryOptions(datasource: PublicDatasource | undefined, traceId: string) {
  return queryOptions({
    queryKey: ['trace', datasource?.uid, traceId],
    enabled: Boolean(datasource),
    queryFn: async ({ signal }) => {
      const { uid } = datasource!;
      const onProgress = (loaded: number, total: number | undefined) => setTraceProgress(uid, traceId, { loaded, total });
      const trace = await withQuerySpan('traces get trace', { 'datasource.uid': uid, 'trace.id': traceId }, () =>
        datasource!.type === 'jaeger' ? jaeger.getTrace(uid, traceId, signal, onProgress) : tempo.getTrace(uid, traceId, signal, onProgress),
      ).finally(() => setTraceProgress(uid, traceId, undefined));
      // User Timing marks: `npm run bench` splits a large trace's load time with them.
      performance.mark('sightline:trace-converted');
      return trace;
    },
  });
}

/**
 * Starts loading a trace into the cache without waiting for it (the route renders its loading
 * state meanwhile). A cached trace is not fetched again: queries never go stale on their own.
 */
export function prefetchTrace(queryClient: QueryClient, config: PublicConfig, traceId: string, dsUid?: string): void {
  const datasource = traceDatasource(config, dsUid);
  if (datasource) void queryClient.prefetchQuery(traceQueryOptions(datasource, traceId));
}

/** How long the route waits, once telemetry is ready, for a probe still out. */
const PROBE_WAIT_MS = 150;

/**
 * Before the trace's own request may start (telemetry not ready yet): asks a Tempo datasource
 * whether it has the v2 trace route, so that request need not try it first (tempo.probeTraceRoute),
 * unless the server already said so in the config (`traceByIdV2`, src/server/datasourceFeatures.ts).
 * Not in demo mode: its datasources answer from a service worker that may not be running yet.
 * Gives a function that waits for the answer, at most PROBE_WAIT_MS from when it is called.
 */
export function probeTraceRoute(config: PublicConfig, dsUid?: string): () => Promise<void> {
  const datasource = config.demo ? undefined : traceDatasource(config, dsUid);
  if (datasource?.type !== 'tempo') return () => Promise.resolve();
  if (datasource.traceByIdV2 !== undefined) {
    tempo.knowTraceRoute(datasource.uid, datasource.traceByIdV2);
    return () => Promise.resolve();
  }
  const probe = tempo.probeTraceRoute(datasource.uid);
  return () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, PROBE_WAIT_MS)));
    return Promise.race([probe, cap]).finally(() => clearTimeout(timer));
  };
}
