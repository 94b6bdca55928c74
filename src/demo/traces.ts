// The demo trace store. Time is cut into 20-second buckets; each bucket holds a homebot scan,
// every 6th bucket (2 minutes) a dyocense-api goal creation 7 s after the bucket starts, every 6th
// (offset 3) a `GET /v1/goals`, every 3rd a readiness probe. A trace id encodes its bucket and
// kind (see ids.ts), so any trace is found by id without an index. Nothing is generated ahead:
// buckets are built on demand and kept in a small LRU.

import type { Trace } from '../datasources/types.ts';
import { decodeDemoTraceId, demoSpanId, demoTraceId } from './ids.ts';
import { DEMO_SEED } from './random.ts';
import { GOAL_OFFSET_MS, buildGoalListTrace, buildGoalTrace } from './scenarioDyocense.ts';
import { buildProbeTrace, buildScanTrace } from './scenarioHomebot.ts';
import { parseTraceQL } from './traceql.ts';
import { traceBoundsUs, type DemoLogEvent, type DemoSpan, type DemoTrace } from './traceModel.ts';

export const BUCKET_MS = 20_000;
export const TRACE_KIND = { scan: 0, goal: 1, goalList: 2, probe: 3 } as const;
export const GOAL_EVERY_BUCKETS = 6;

export function bucketOf(ms: number): number {
  return Math.floor(ms / BUCKET_MS);
}

export function kindsInBucket(bucket: number): number[] {
  const kinds: number[] = [TRACE_KIND.scan];
  if (bucket % GOAL_EVERY_BUCKETS === 0) kinds.push(TRACE_KIND.goal);
  if (bucket % GOAL_EVERY_BUCKETS === 3) kinds.push(TRACE_KIND.goalList);
  if (bucket % 3 === 1) kinds.push(TRACE_KIND.probe);
  return kinds;
}

/** The id of the trace of `kind` in `bucket` (goal traces start with a 00 byte, like the fixtures' trace A). */
export function traceIdFor(seed: number, bucket: number, kind: number): string {
  return demoTraceId(seed, bucket, kind, kind === TRACE_KIND.goal);
}

export interface GeneratedTrace {
  trace: DemoTrace;
  logs: DemoLogEvent[];
  bucket: number;
  kind: number;
  startUs: number;
  endUs: number;
}

function buildTrace(seed: number, bucket: number, kind: number): GeneratedTrace {
  const traceId = traceIdFor(seed, bucket, kind);
  const bucketStartUs = bucket * BUCKET_MS * 1000;
  let builder;
  switch (kind) {
    case TRACE_KIND.goal: {
      const prev = bucket - GOAL_EVERY_BUCKETS;
      // create_goal is the third span of a goal trace.
      builder = buildGoalTrace(seed, bucket, traceId, bucketStartUs, { traceId: traceIdFor(seed, prev, TRACE_KIND.goal), spanId: demoSpanId(seed, prev, 'goal', 2) });
      break;
    }
    case TRACE_KIND.goalList:
      builder = buildGoalListTrace(seed, bucket, traceId, bucketStartUs);
      break;
    case TRACE_KIND.probe:
      builder = buildProbeTrace(seed, bucket, traceId, bucketStartUs);
      break;
    default:
      builder = buildScanTrace(seed, bucket, traceId, bucketStartUs);
  }
  const { trace, logs } = builder.build();
  const { startUs, endUs } = traceBoundsUs(trace);
  logs.sort((a, b) => a.timeUs - b.timeUs);
  return { trace, logs, bucket, kind, startUs, endUs };
}

const cache = new Map<string, GeneratedTrace[]>();
const CACHE_LIMIT = 4096;

/** All traces of one bucket, in start order (whether or not they have finished by "now"). */
export function bucketTraces(seed: number, bucket: number): GeneratedTrace[] {
  const key = `${seed}:${bucket}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const traces = kindsInBucket(bucket)
    .map((kind) => buildTrace(seed, bucket, kind))
    .sort((a, b) => a.startUs - b.startUs);
  cache.set(key, traces);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return traces;
}

/**
 * The reference trace: the latest dyocense-api `POST /v1/goals/create` (250 ms, 7 spans, like the
 * fixtures' trace A) that finished at least a minute before `nowMs`. Goal traces start at
 * hh:mm:07 on even minutes (UTC), so this one started 1 to 3 minutes ago; its id is a pure
 * function of the seed and its bucket.
 */
export function referenceTrace(nowMs: number, seed = DEMO_SEED): { traceId: string; bucket: number; startMs: number; endMs: number } {
  let bucket = bucketOf(nowMs - 60_000 - GOAL_OFFSET_MS - 250);
  bucket -= ((bucket % GOAL_EVERY_BUCKETS) + GOAL_EVERY_BUCKETS) % GOAL_EVERY_BUCKETS;
  const startMs = bucket * BUCKET_MS + GOAL_OFFSET_MS;
  return { traceId: traceIdFor(seed, bucket, TRACE_KIND.goal), bucket, startMs, endMs: startMs + 250 };
}

export interface TraceSearchQuery {
  /** TraceQL (the supported subset); empty or absent matches every trace. */
  traceql?: string;
  /** Legacy tag search: every tag must equal a span or resource attribute (or `name`, `status`). */
  tags?: Record<string, string>;
  minDurationMs?: number;
  maxDurationMs?: number;
  startMs: number;
  endMs: number;
  limit?: number;
}

export interface TraceSearchMatch {
  trace: DemoTrace;
  /** Spans that matched the TraceQL query (undefined for tag searches). */
  matched?: DemoSpan[];
  startUs: number;
  endUs: number;
}

export interface TraceStoreOptions {
  seed?: number;
  now?: () => number;
}

/** Searching more than this far back is cut short (the demo keeps no more "retention"). */
const MAX_SEARCH_SPAN_MS = 7 * 86_400_000;

export class DemoTraceStore {
  readonly seed: number;
  private readonly now: () => number;
  private readonly added = new Map<string, DemoTrace>();

  constructor(options: TraceStoreOptions = {}) {
    this.seed = options.seed ?? DEMO_SEED;
    this.now = options.now ?? Date.now;
  }

  /** A trace by (lowercase or uppercase, possibly zero-stripped) hex id, if it exists and has finished. */
  get(traceIdHex: string): DemoTrace | undefined {
    const id = traceIdHex.toLowerCase().padStart(32, '0');
    const added = this.added.get(id);
    if (added) return added;
    const decoded = decodeDemoTraceId(this.seed, id);
    if (!decoded || !kindsInBucket(decoded.bucket).includes(decoded.kind)) return undefined;
    if (traceIdFor(this.seed, decoded.bucket, decoded.kind) !== id) return undefined;
    const found = bucketTraces(this.seed, decoded.bucket).find((t) => t.kind === decoded.kind);
    if (!found || found.endUs > this.now() * 1000) return undefined;
    return found.trace;
  }

  /** Adds spans (for example the browser's own OTLP spans); spans of a known trace id are merged in. */
  add(trace: Trace | DemoTrace): void {
    const id = trace.traceId.toLowerCase().padStart(32, '0');
    const spans: DemoSpan[] = trace.spans.map((s) => ('scope' in s ? (s as DemoSpan) : { ...s, scope: { name: 'unknown' } }));
    const existing = this.added.get(id);
    if (existing) {
      const seen = new Set(existing.spans.map((s) => s.spanId));
      existing.spans.push(...spans.filter((s) => !seen.has(s.spanId)));
    } else {
      this.added.set(id, { traceId: id, spans });
    }
  }

  /** Finished traces that start in [startMs, endMs], newest first (or oldest first). */
  *traces(startMs: number, endMs: number, order: 'newest' | 'oldest' = 'newest'): Generator<GeneratedTrace | { trace: DemoTrace; startUs: number; endUs: number }> {
    const nowUs = this.now() * 1000;
    const hi = Math.min(endMs, this.now());
    const lo = Math.max(startMs, hi - MAX_SEARCH_SPAN_MS);
    const extra = [...this.added.values()]
      .map((trace) => ({ trace, ...traceBoundsUs(trace) }))
      .filter((t) => t.startUs >= lo * 1000 && t.startUs <= hi * 1000)
      .sort((a, b) => (order === 'newest' ? b.startUs - a.startUs : a.startUs - b.startUs));
    let e = 0;
    const first = order === 'newest' ? bucketOf(hi) : bucketOf(lo);
    const last = order === 'newest' ? bucketOf(lo) : bucketOf(hi);
    const dir = order === 'newest' ? -1 : 1;
    for (let b = first; dir < 0 ? b >= last : b <= last; b += dir) {
      const inBucket = bucketTraces(this.seed, b).filter((t) => t.endUs <= nowUs && t.startUs >= lo * 1000 && t.startUs <= hi * 1000);
      if (dir < 0) inBucket.reverse();
      for (const t of inBucket) {
        while (e < extra.length && (dir < 0 ? extra[e]!.startUs >= t.startUs : extra[e]!.startUs <= t.startUs)) yield extra[e++]!;
        yield t;
      }
    }
    while (e < extra.length) yield extra[e++]!;
  }

  /** Tempo-style search: newest first, at most `limit` (default 20) traces. Throws TraceQLError. */
  search(q: TraceSearchQuery): TraceSearchMatch[] {
    const query = q.traceql !== undefined ? parseTraceQL(q.traceql) : undefined;
    const limit = q.limit ?? 20;
    const out: TraceSearchMatch[] = [];
    if (limit <= 0) return out;
    for (const t of this.traces(q.startMs, q.endMs)) {
      const durationMs = (t.endUs - t.startUs) / 1000;
      if (q.minDurationMs !== undefined && durationMs < q.minDurationMs) continue;
      if (q.maxDurationMs !== undefined && durationMs > q.maxDurationMs) continue;
      if (q.tags && !matchesTags(t.trace, q.tags)) continue;
      let matched: DemoSpan[] | undefined;
      if (query) {
        matched = query.match(t.trace);
        if (matched.length === 0) continue;
      }
      out.push({ trace: t.trace, matched, startUs: t.startUs, endUs: t.endUs });
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Service names seen in the last `lookbackMs` (default 1 h), sorted. */
  services(lookbackMs = 3_600_000): string[] {
    const now = this.now();
    const names = new Set<string>();
    for (const t of this.traces(now - lookbackMs, now)) for (const s of t.trace.spans) names.add(s.serviceName);
    return [...names].sort();
  }

  /** Span names (with kinds) of one service seen in the last `lookbackMs`, sorted by name. */
  operations(service: string, lookbackMs = 3_600_000): Array<{ name: string; spanKind: string }> {
    const now = this.now();
    const ops = new Map<string, string>();
    for (const t of this.traces(now - lookbackMs, now)) for (const s of t.trace.spans) if (s.serviceName === service) ops.set(`${s.name}\u0000${s.kind}`, s.kind);
    return [...ops.keys()].sort().map((k) => ({ name: k.split('\u0000')[0]!, spanKind: ops.get(k)! }));
  }
}

function matchesTags(trace: DemoTrace, tags: Record<string, string>): boolean {
  return Object.entries(tags).every(([key, want]) =>
    trace.spans.some((s) => {
      if (key === 'name') return s.name === want;
      if (key === 'status') return s.status.code === want;
      const v = s.attributes[key] ?? s.resource[key];
      return v !== undefined && String(v) === want;
    }),
  );
}
