// Explore's queries, with what the inspector shows: the request, its status, duration, size and
// trace id, and what came back. The request goes through the normal Prometheus client; the
// numbers come from the browser's own Resource Timing entry for it.

import { queryInstant, queryRange, MAX_GET_URL_LENGTH } from '../../datasources/prometheus';
import { proxyUrl } from '../../datasources/proxyPath';
import { DatasourceError, type InstantSample, type TimeSeries } from '../../datasources/types';
import { sampledTraceId, withQuerySpan } from '../../telemetry/query';

export interface Inspection {
  method: 'GET' | 'POST';
  url: string;
  params: [string, string][];
  status: number | null;
  durationMs: number;
  /** Bytes of the response body as sent (compressed), when the browser reports it. */
  responseBytes: number | null;
  series: number;
  points: number;
  traceId?: string;
  error?: string;
}

export interface Inspected<T> {
  data: T;
  inspection: Inspection;
}

export class InspectedError extends Error {
  constructor(
    readonly cause: unknown,
    readonly inspection: Inspection,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = cause instanceof Error ? cause.name : 'Error';
  }
}

function resourceEntry(path: string): PerformanceResourceTiming | undefined {
  const url = new URL(path, location.href).href;
  const entries = performance.getEntriesByName(url, 'resource') as PerformanceResourceTiming[];
  return entries[entries.length - 1];
}

async function inspect<T>(
  name: string,
  uid: string,
  path: string,
  params: URLSearchParams,
  run: () => Promise<T>,
  count: (data: T) => { series: number; points: number },
): Promise<Inspected<T>> {
  const full = proxyUrl(uid, path, params);
  const method: Inspection['method'] = full.length <= MAX_GET_URL_LENGTH ? 'GET' : 'POST';
  const url = method === 'GET' ? full : proxyUrl(uid, path);
  const base = { method, url, params: [...params.entries()] };
  const started = performance.now();
  let traceId: string | undefined;
  try {
    const data = await withQuerySpan(name, { 'datasource.uid': uid, 'db.query.text': params.get('query')?.slice(0, 500) ?? '' }, (span) => {
      traceId = sampledTraceId(span);
      return run();
    });
    const entry = resourceEntry(url);
    const inspection: Inspection = {
      ...base,
      status: entry?.responseStatus || 200,
      durationMs: Math.round(performance.now() - started),
      responseBytes: entry ? entry.encodedBodySize || entry.transferSize || null : null,
      traceId,
      ...count(data),
    };
    return { data, inspection };
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    const entry = resourceEntry(url);
    const status = error instanceof DatasourceError ? (error.status ?? null) : null;
    throw new InspectedError(error, {
      ...base,
      status,
      durationMs: Math.round(performance.now() - started),
      responseBytes: entry ? entry.encodedBodySize || null : null,
      series: 0,
      points: 0,
      traceId,
      error: (error as Error).message,
    });
  }
}

const seconds = (ms: number) => String(ms / 1000);

export function inspectedRange(uid: string, expr: string, fromMs: number, toMs: number, stepMs: number, signal: AbortSignal): Promise<Inspected<TimeSeries[]>> {
  const params = new URLSearchParams({ query: expr, start: seconds(fromMs), end: seconds(toMs), step: seconds(stepMs) });
  return inspect(
    'explore.metrics query_range',
    uid,
    'api/v1/query_range',
    params,
    () => queryRange(uid, { query: expr, start: fromMs, end: toMs, stepMs }, signal),
    (series) => ({ series: series.length, points: series.reduce((n, s) => n + s.timestamps.length, 0) }),
  );
}

export function inspectedInstant(uid: string, expr: string, timeMs: number, signal: AbortSignal): Promise<Inspected<InstantSample[]>> {
  const params = new URLSearchParams({ query: expr, time: seconds(timeMs) });
  return inspect(
    'explore.metrics query',
    uid,
    'api/v1/query',
    params,
    async () => {
      const result = await queryInstant(uid, { query: expr, time: timeMs }, signal);
      if (result.resultType === 'vector') return result.samples;
      if (result.resultType === 'scalar') return [{ labels: {}, timestamp: result.timestamp, value: result.value }];
      if (result.resultType === 'matrix') return result.series.map((s) => ({ labels: s.labels, timestamp: s.timestamps.at(-1) ?? timeMs, value: s.values.at(-1) ?? NaN }));
      return [];
    },
    (samples) => ({ series: samples.length, points: samples.length }),
  );
}
