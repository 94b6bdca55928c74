// Jaeger query client: every function takes the datasource uid and an optional AbortSignal.

import { fetchJson, fetchJsonStreamed, type RequestOptions } from '../http';
import { DatasourceError, type Trace, type TraceSearchHit } from '../types';
import { jaegerToTrace, jaegerTraceToHit } from './parse';
import { JaegerTraceReader } from './traceStream';
import type { JaegerResponse, JaegerTrace } from './types';

export interface JaegerSearchQuery {
  service: string;
  operation?: string;
  /** Matched exactly, all of them (Jaeger's `tags` JSON parameter). */
  tags?: Record<string, string>;
  /** Durations such as `100ms` or `1.5s`. */
  minDuration?: string;
  maxDuration?: string;
  /** Jaeger's default is 20. */
  limit?: number;
  /** Epoch ms (sent to Jaeger as µs). */
  start?: number;
  end?: number;
}

/** A missing trace rejects with a DatasourceError of status 404. */
/** Parsed while it downloads (traceStream.ts): a large trace is tens of megabytes. */
export async function getTrace(uid: string, traceId: string, signal?: AbortSignal, onProgress?: RequestOptions['onProgress']): Promise<Trace> {
  const path = `api/traces/${encodeURIComponent(traceId.trim())}`;
  const trace = await fetchJsonStreamed({ uid, signal }, path, new JaegerTraceReader(), { onProgress });
  if (!trace) throw new DatasourceError('trace not found', uid, 404);
  return trace;
}

export async function services(uid: string, signal?: AbortSignal): Promise<string[]> {
  const body = await fetchJson<JaegerResponse<string[]>>({ uid, signal }, 'api/services');
  return [...(body.data ?? [])].sort();
}

/** Uses `/api/services/<service>/operations`: the proxy allowlists `api/services*`, not `api/operations`. */
export async function operations(uid: string, service: string, signal?: AbortSignal): Promise<string[]> {
  const path = `api/services/${encodeURIComponent(service)}/operations`;
  const body = await fetchJson<JaegerResponse<string[]>>({ uid, signal }, path);
  return [...(body.data ?? [])].sort();
}

export async function searchTraces(uid: string, q: JaegerSearchQuery, signal?: AbortSignal): Promise<TraceSearchHit[]> {
  const params = new URLSearchParams({ service: q.service });
  if (q.operation) params.set('operation', q.operation);
  if (q.tags && Object.keys(q.tags).length) params.set('tags', JSON.stringify(q.tags));
  if (q.minDuration) params.set('minDuration', q.minDuration);
  if (q.maxDuration) params.set('maxDuration', q.maxDuration);
  if (q.limit !== undefined) params.set('limit', String(q.limit));
  if (q.start !== undefined) params.set('start', String(Math.round(q.start * 1000)));
  if (q.end !== undefined) params.set('end', String(Math.round(q.end * 1000)));
  const body = await fetchJson<JaegerResponse<JaegerTrace[]>>({ uid, signal }, 'api/traces', { params });
  return (body.data ?? []).map((t) => jaegerTraceToHit(jaegerToTrace(t)));
}
