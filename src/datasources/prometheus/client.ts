// Prometheus client: every function takes the datasource uid and an optional AbortSignal,
// and returns our models. Times are epoch milliseconds in and out.

import { fetchJson, fetchJsonWith, type RequestOptions } from '../http';
import { matrixSeries, readMatrixBody } from './matrixBody';
import { proxyUrl } from '../proxyPath';
import { DatasourceError, type Labels, type TimeSeries } from '../types';
import { parsePromMatrix, parsePromQueryData } from './parse';
import type {
  PromAlert,
  PromBuildInfo,
  PromEnvelope,
  PromMetricMetadata,
  PromQueryData,
  PromQueryResult,
  PromRuleGroup,
  PromTargets,
} from './types';

/**
 * Queries go as GET (cacheable, readable in the proxy's logs) while the URL stays short; longer
 * ones go as a form-encoded POST like Prometheus's own UI, since proxies and servers cap URL length
 * at a few KB.
 */
export const MAX_GET_URL_LENGTH = 4000;

export interface PromRangeQuery {
  query: string;
  /** Epoch ms. */
  start: number;
  end: number;
  /** Resolution in ms (see stepForRange in src/lib/step.ts). */
  stepMs: number;
}

export interface PromInstantQuery {
  query: string;
  /** Epoch ms; Prometheus uses its current time when left out. */
  time?: number;
}

export interface PromSelectorOptions {
  /** Series selectors (`match[]`) narrowing the answer. */
  match?: string | string[];
  /** Epoch ms. */
  start?: number;
  end?: number;
}

export async function queryRange(uid: string, q: PromRangeQuery, signal?: AbortSignal): Promise<TimeSeries[]> {
  const params = new URLSearchParams({
    query: q.query,
    start: msToSeconds(q.start),
    end: msToSeconds(q.end),
    step: msToSeconds(q.stepMs),
  });
  // Large matrices are read without JSON.parse-ing every sample pair (see matrixBody.ts).
  const read = (text: string) => readMatrixBody(text) ?? { envelope: JSON.parse(text) as unknown, columns: null };
  const body = await fetchJsonWith({ uid, signal }, 'api/v1/query_range', read, queryOptions(uid, 'api/v1/query_range', params));
  const data = unwrap(uid, body.envelope as PromEnvelope<PromQueryData>);
  if (data.resultType !== 'matrix') {
    throw new DatasourceError(`Expected a matrix from query_range, got ${data.resultType}`, uid, 200, 'invalid_response');
  }
  return body.columns ? matrixSeries(data.result, body.columns) : parsePromMatrix(data.result);
}

export async function queryInstant(uid: string, q: PromInstantQuery, signal?: AbortSignal): Promise<PromQueryResult> {
  const params = new URLSearchParams({ query: q.query });
  if (q.time !== undefined) params.set('time', msToSeconds(q.time));
  const data = await promGet<PromQueryData>(uid, 'api/v1/query', queryOptions(uid, 'api/v1/query', params), signal);
  return parsePromQueryData(data);
}

export function labelNames(uid: string, opts: PromSelectorOptions = {}, signal?: AbortSignal): Promise<string[]> {
  return promGet<string[]>(uid, 'api/v1/labels', { params: selectorParams(opts) }, signal);
}

export function labelValues(uid: string, name: string, opts: PromSelectorOptions = {}, signal?: AbortSignal): Promise<string[]> {
  return promGet<string[]>(uid, `api/v1/label/${encodeURIComponent(name)}/values`, { params: selectorParams(opts) }, signal);
}

export function series(
  uid: string,
  match: string | string[],
  opts: Omit<PromSelectorOptions, 'match'> = {},
  signal?: AbortSignal,
): Promise<Labels[]> {
  return promGet<Labels[]>(uid, 'api/v1/series', { params: selectorParams({ ...opts, match }) }, signal);
}

/** Keyed by metric name; Prometheus lists one entry per distinct metadata seen across targets. */
export function metricMetadata(
  uid: string,
  opts: { metric?: string; limit?: number } = {},
  signal?: AbortSignal,
): Promise<Record<string, PromMetricMetadata[]>> {
  const params = new URLSearchParams();
  if (opts.metric) params.set('metric', opts.metric);
  if (opts.limit !== undefined) params.set('limit', String(opts.limit));
  return promGet(uid, 'api/v1/metadata', { params }, signal);
}

export function targets(uid: string, signal?: AbortSignal): Promise<PromTargets> {
  return promGet<PromTargets>(uid, 'api/v1/targets', {}, signal);
}

/** Pending and firing alerts only; inactive rules show up in `rules`. */
export async function alerts(uid: string, signal?: AbortSignal): Promise<PromAlert[]> {
  return (await promGet<{ alerts: PromAlert[] }>(uid, 'api/v1/alerts', {}, signal)).alerts;
}

export async function rules(uid: string, signal?: AbortSignal): Promise<PromRuleGroup[]> {
  return (await promGet<{ groups: PromRuleGroup[] }>(uid, 'api/v1/rules', {}, signal)).groups;
}

export function buildInfo(uid: string, signal?: AbortSignal): Promise<PromBuildInfo> {
  return promGet<PromBuildInfo>(uid, 'api/v1/status/buildinfo', {}, signal);
}

async function promGet<T>(uid: string, path: string, options: RequestOptions, signal?: AbortSignal): Promise<T> {
  return unwrap(uid, await fetchJson<PromEnvelope<T>>({ uid, signal }, path, options));
}

function unwrap<T>(uid: string, body: PromEnvelope<T>): T {
  if (body.status !== 'success') {
    throw new DatasourceError(`${body.errorType}: ${body.error}`, uid, 200, body.errorType);
  }
  return body.data;
}

function queryOptions(uid: string, path: string, params: URLSearchParams): RequestOptions {
  return proxyUrl(uid, path, params).length <= MAX_GET_URL_LENGTH ? { params } : { form: params };
}

function selectorParams({ match, start, end }: PromSelectorOptions): URLSearchParams {
  const params = new URLSearchParams();
  for (const m of typeof match === 'string' ? [match] : (match ?? [])) params.append('match[]', m);
  if (start !== undefined) params.set('start', msToSeconds(start));
  if (end !== undefined) params.set('end', msToSeconds(end));
  return params;
}

/** Prometheus takes float unix seconds; division is exact to the ms digit it prints. */
function msToSeconds(ms: number): string {
  return String(ms / 1000);
}
