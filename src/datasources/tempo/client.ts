// Tempo client: every function takes the datasource uid and an optional AbortSignal.

import { fetchBinaryOrJson, fetchJson, type BinaryFormat, type RequestOptions } from '../http';
import { padTraceId } from '../../lib/traceIds';
import { DatasourceError, type Trace, type TraceSearchHit } from '../types';
import { MissingRoutes, sessionStore } from './missingRoutes';
import { OtlpTraceReader } from './otlpStream';
import { tempoSearchToHits, tempoTagScopes, tempoTagValues, tempoV1TagScopes, tempoV1TagValues } from './search';
import type { TempoSearchResponse, TempoTagScope, TempoTagValue } from './types';

export interface TempoSearchQuery {
  /** TraceQL. */
  q?: string;
  /** Legacy logfmt tag search (`service.name=homebot`), for Tempo without TraceQL. */
  tags?: string;
  limit?: number;
  /** Unix seconds, as Tempo's API takes them. */
  start?: number;
  end?: number;
  /** Or epoch ms, the app's unit; widened to whole seconds so the range is covered. */
  startMs?: number;
  endMs?: number;
  /** Spans per span set. */
  spss?: number;
  /** Durations such as `100ms`, legacy search only. */
  minDuration?: string;
  maxDuration?: string;
}

/** v2 routes each datasource's Tempo lacks (missingRoutes.ts). */
const missingV2 = new MissingRoutes(sessionStore());

/**
 * A 404 for a missing route has Go's router body, `404 page not found`. Tempo's own 404s
 * (`trace not found`) and the proxy's JSON 404s (unknown datasource) must not cause a fallback.
 */
export function isRouteMissing(err: unknown): boolean {
  return err instanceof DatasourceError && err.status === 404 && err.message === '404 page not found';
}

/**
 * What the server found out about this Tempo's trace route (`traceByIdV2` in /api/config): the
 * trace's request goes where it should at once, with no probe from the page.
 */
export function knowTraceRoute(uid: string, hasV2: boolean): void {
  if (hasV2) missingV2.delete(uid, 'traces');
  else missingV2.add(uid, 'traces');
}

/** probeTraceRoute's answers, per datasource (one probe per page). */
const traceRouteProbes = new Map<string, Promise<void>>();

/**
 * Learns, with a request that needs no telemetry context, whether this Tempo has the v2 trace
 * route: trace id 0 limited to a time range in 1970 (`start`/`end`), which Tempo 2.6+ answers
 * from its ingesters without reading a block, and older Tempo's router rejects outright. The
 * trace route starts it as soon as it matches and waits for it (briefly) before the trace's own
 * request: on Tempo before 2.6 that request then goes to v1 at once, instead of after a v2
 * attempt (100 to 200 ms on a cold load, mostly waiting for the busy main thread). Settles when
 * the answer is in and never rejects; answers other than the router's 404 change nothing.
 */
export function probeTraceRoute(uid: string): Promise<void> {
  if (missingV2.has(uid, 'traces')) return Promise.resolve();
  let probe = traceRouteProbes.get(uid);
  if (!probe) {
    probe = fetchJson({ uid }, `api/v2/traces/${'0'.repeat(32)}`, { params: { start: '1', end: '2' } }).then(
      () => undefined,
      (err: unknown) => {
        if (isRouteMissing(err)) missingV2.add(uid, 'traces');
      },
    );
    traceRouteProbes.set(uid, probe);
  }
  return probe;
}

async function withV1Fallback<T>(uid: string, family: string, v2: () => Promise<T>, v1: () => Promise<T>): Promise<T> {
  if (!missingV2.has(uid, family)) {
    try {
      return await v2();
    } catch (err) {
      if (!isRouteMissing(err)) throw err;
      missingV2.add(uid, family);
    }
  }
  return v1();
}

/**
 * Tempo's protobuf answer (otlpProto.ts), read span by span as it downloads: a third of the
 * JSON's bytes, read without JSON's intermediate objects. For a 100,000-span trace, 13 MB instead
 * of 35, and about 200 ms of reading instead of 550 ms of streamed JSON parsing.
 */
function protobufTrace(v2: boolean, requestedTraceId: string): BinaryFormat<Trace> {
  // Loaded beside the first trace request rather than with every page (the router's loader, in
  // the first chunk, starts that request): it is needed only once the answer's first bytes are in.
  protoReader ??= import('./otlpProto');
  const loading = protoReader;
  return { contentType: 'application/protobuf', format: 'protobuf', sink: async () => new (await loading).OtlpProtoReader(v2, requestedTraceId) };
}

let protoReader: Promise<typeof import('./otlpProto')> | undefined;

/**
 * A missing trace rejects with a DatasourceError of status 404 (`trace not found`). Asks for
 * protobuf, as Grafana does; a JSON answer is parsed while it downloads (otlpStream.ts): a large
 * trace is tens of megabytes.
 */
export function getTrace(uid: string, traceId: string, signal?: AbortSignal, onProgress?: RequestOptions['onProgress']): Promise<Trace> {
  const req = { uid, signal };
  const options = { onProgress };
  const id = encodeURIComponent(traceId.trim());
  const fallbackId = /^[0-9a-fA-F]{1,32}$/.test(traceId.trim()) ? padTraceId(traceId.trim()) : '';
  return withV1Fallback(
    uid,
    'traces',
    () => fetchBinaryOrJson(req, `api/v2/traces/${id}`, protobufTrace(true, fallbackId), new OtlpTraceReader(fallbackId), options),
    () => fetchBinaryOrJson(req, `api/traces/${id}`, protobufTrace(false, fallbackId), new OtlpTraceReader(fallbackId), options),
  );
}

export async function search(uid: string, query: TempoSearchQuery, signal?: AbortSignal): Promise<TraceSearchHit[]> {
  const { startMs, endMs, ...rest } = query;
  const tempoParams: Record<string, string | number | undefined> = {
    ...rest,
    start: rest.start ?? (startMs === undefined ? undefined : Math.floor(startMs / 1000)),
    end: rest.end ?? (endMs === undefined ? undefined : Math.ceil(endMs / 1000)),
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(tempoParams)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return tempoSearchToHits(await fetchJson<TempoSearchResponse>({ uid, signal }, 'api/search', { params }));
}

export function searchTags(uid: string, signal?: AbortSignal): Promise<TempoTagScope[]> {
  const req = { uid, signal };
  return withV1Fallback(
    uid,
    'tags',
    async () => tempoTagScopes(await fetchJson(req, 'api/v2/search/tags')),
    async () => tempoV1TagScopes(await fetchJson(req, 'api/search/tags')),
  );
}

/**
 * Values of a scoped tag (`resource.service.name`). v1 knows no scopes, so the fallback asks
 * for the bare name. `q` narrows the values on Tempo versions that honour it (not 2.3).
 */
export function tagValues(uid: string, name: string, opts: { q?: string } = {}, signal?: AbortSignal): Promise<TempoTagValue[]> {
  const req = { uid, signal };
  const params = opts.q ? { q: opts.q } : undefined;
  const bare = name.replace(/^(resource|span|event|link|instrumentation)\./, '');
  return withV1Fallback(
    uid,
    'tags',
    async () => tempoTagValues(await fetchJson(req, `api/v2/search/tag/${encodeURIComponent(name)}/values`, { params })),
    async () => tempoV1TagValues(await fetchJson(req, `api/search/tag/${encodeURIComponent(bare)}/values`)),
  );
}
