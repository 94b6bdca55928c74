// Loki client: every function takes the datasource uid and an optional AbortSignal.
// Times in: nanosecond strings (exact, e.g. a line's timestampNs when paging) or epoch ms numbers.

import { fetchJson } from '../http';
import { msToNs } from '../../lib/nanoseconds';
import { DatasourceError, type Labels, type LogMetricResult, type LogsResult, type LogVectorResult } from '../types';
import { parseLokiQueryData } from './parse';
import type { LokiDirection, LokiEnvelope, LokiQueryData } from './types';

/** A nanosecond string is passed through untouched; a number is epoch milliseconds. */
export type LokiTime = string | number;

export interface LokiRangeQuery {
  query: string;
  start: LokiTime;
  end: LokiTime;
  /** Loki's default is 100 lines. */
  limit?: number;
  /** Loki's default is backward (newest first). */
  direction?: LokiDirection;
  /** Metric queries only; Loki picks one from the range when left out. */
  stepMs?: number;
}

export interface LokiInstantQuery {
  query: string;
  time?: LokiTime;
  limit?: number;
  direction?: LokiDirection;
}

export interface LokiLabelOptions {
  /** A stream selector narrowing the answer (honoured by label values in 2.9, by names in 3.x). */
  query?: string;
  start?: LokiTime;
  end?: LokiTime;
}

export async function queryRange(uid: string, q: LokiRangeQuery, signal?: AbortSignal): Promise<LogsResult | LogMetricResult> {
  const params = new URLSearchParams({ query: q.query, start: toNs(q.start), end: toNs(q.end) });
  if (q.limit !== undefined) params.set('limit', String(q.limit));
  if (q.direction) params.set('direction', q.direction);
  if (q.stepMs !== undefined) params.set('step', String(q.stepMs / 1000));
  const data = await lokiGet<LokiQueryData>(uid, 'loki/api/v1/query_range', params, signal);
  const result = parseLokiQueryData(data ?? { resultType: 'streams', result: [] }, q.direction);
  if (result.kind === 'vector') {
    throw new DatasourceError('Expected streams or a matrix from query_range, got a vector', uid, 200, 'invalid_response');
  }
  return result;
}

/** A log selector here is not an error: Loki 2.9 answers with no streams. */
export async function queryInstant(uid: string, q: LokiInstantQuery, signal?: AbortSignal): Promise<LogsResult | LogVectorResult> {
  const params = new URLSearchParams({ query: q.query });
  if (q.time !== undefined) params.set('time', toNs(q.time));
  if (q.limit !== undefined) params.set('limit', String(q.limit));
  if (q.direction) params.set('direction', q.direction);
  const data = await lokiGet<LokiQueryData>(uid, 'loki/api/v1/query', params, signal);
  const result = parseLokiQueryData(data ?? { resultType: 'streams', result: [] }, q.direction);
  if (result.kind === 'matrix') {
    throw new DatasourceError('Expected streams or a vector from an instant query, got a matrix', uid, 200, 'invalid_response');
  }
  return result;
}

export async function labels(uid: string, opts: LokiLabelOptions = {}, signal?: AbortSignal): Promise<string[]> {
  return (await lokiGet<string[]>(uid, 'loki/api/v1/labels', labelParams(opts), signal)) ?? [];
}

export async function labelValues(uid: string, name: string, opts: LokiLabelOptions = {}, signal?: AbortSignal): Promise<string[]> {
  const path = `loki/api/v1/label/${encodeURIComponent(name)}/values`;
  return (await lokiGet<string[]>(uid, path, labelParams(opts), signal)) ?? [];
}

export async function series(
  uid: string,
  match: string | string[],
  opts: Omit<LokiLabelOptions, 'query'> = {},
  signal?: AbortSignal,
): Promise<Labels[]> {
  const params = labelParams(opts);
  for (const m of typeof match === 'string' ? [match] : match) params.append('match[]', m);
  return (await lokiGet<Labels[]>(uid, 'loki/api/v1/series', params, signal)) ?? [];
}

/** Loki leaves `data` out when there is nothing to return (label values with no match). */
async function lokiGet<T>(uid: string, path: string, params: URLSearchParams, signal?: AbortSignal): Promise<T | undefined> {
  const body = await fetchJson<LokiEnvelope<T>>({ uid, signal }, path, { params });
  if (body.status !== 'success') {
    throw new DatasourceError(`Loki answered with status "${body.status}"`, uid, 200, 'invalid_response');
  }
  return body.data;
}

function labelParams({ query, start, end }: LokiLabelOptions): URLSearchParams {
  const params = new URLSearchParams();
  if (query) params.set('query', query);
  if (start !== undefined) params.set('start', toNs(start));
  if (end !== undefined) params.set('end', toNs(end));
  return params;
}

function toNs(time: LokiTime): string {
  return typeof time === 'string' ? time : msToNs(time);
}
