import type { QueryKey } from '@tanstack/react-query';
import { DatasourceError } from '../../../datasources/types';

/** What the panel inspector shows of a target's last request. */
export interface TargetRun {
  status: number | null;
  durationMs: number;
  /** Bytes of the response body as sent, when the browser reports it. */
  responseBytes: number | null;
  /** "3 series, 360 points", "120 lines". */
  returned?: string;
  error?: string;
  /** Set when the request's trace was sampled: the inspector links to it. */
  traceId?: string;
}

// Per query key, bounded: keys change with every range and refresh.
const runsByKey = new Map<string, TargetRun>();
const MAX_RUNS = 500;

export function rememberRun(key: QueryKey, run: TargetRun): void {
  const id = JSON.stringify(key);
  runsByKey.delete(id);
  if (runsByKey.size >= MAX_RUNS) runsByKey.delete(runsByKey.keys().next().value!);
  runsByKey.set(id, run);
}

export function runsFor(keys: QueryKey[]): (TargetRun | undefined)[] {
  return keys.map((key) => runsByKey.get(JSON.stringify(key)));
}

/** The browser's Resource Timing entry for a request URL (status and size as sent). */
function timingOf(url: string): PerformanceResourceTiming | undefined {
  if (typeof performance === 'undefined' || typeof location === 'undefined') return undefined;
  const entries = performance.getEntriesByName(new URL(url, location.href).href, 'resource') as PerformanceResourceTiming[];
  return entries[entries.length - 1];
}

/** A finished request, described from its answer and the browser's timing of it. */
export function describeRun(url: string, startedMs: number, outcome: { returned: string } | { error: unknown }, traceId?: string): TargetRun {
  const entry = timingOf(url);
  const durationMs = Math.round(performance.now() - startedMs);
  const responseBytes = entry ? entry.encodedBodySize || entry.transferSize || null : null;
  if ('returned' in outcome) return { status: entry?.responseStatus || 200, durationMs, responseBytes, returned: outcome.returned, traceId };
  const error = outcome.error;
  const status = error instanceof DatasourceError ? (error.status ?? null) : (entry?.responseStatus ?? null);
  return { status, durationMs, responseBytes, error: error instanceof Error ? error.message : String(error), traceId };
}
