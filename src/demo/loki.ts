// The demo Loki (2.9.4 answer shapes): query_range and query for log and metric LogQL, labels,
// label values (no `data` key when empty), series, index stats, the disabled volume endpoints,
// buildinfo, and the batches the live tail sends. Errors are plain text, as Loki writes them.

import type { Labels } from '../datasources/types.ts';
import { DEMO_STREAMS, linesAfter } from './logs.ts';
import { LogQLError, parseLogQL, type LogExpr, type Query } from './logql.ts';
import { compilePipeline, evaluateMetric, labelsKey, scanLines, streamMatches, type MetricSeries, type ProcessedLine, type ScanStats } from './logqlEval.ts';
import { formatPromValue } from './metrics.ts';
import { DEMO_SEED } from './random.ts';
import { msToNs, nsToMs, parseDurationMs, parseLokiTimeNs, parseStepMs, usToNs } from './timefmt.ts';

export interface LokiResponse {
  status: number;
  contentType: string;
  /** A JSON value, or the plain-text body. */
  body: unknown;
}

export const JSON_UTF8 = 'application/json; charset=UTF-8';
const JSON_PLAIN = 'application/json';
const TEXT = 'text/plain; charset=utf-8';
const MAX_ENTRIES = 5000;
const MAX_POINTS = 11_000;
const MAX_QUERY_LENGTH_MS = 7 * 86_400_000;

export function lokiText(status: number, text: string): LokiResponse {
  return { status, contentType: TEXT, body: text };
}

/**
 * Loki's `data.stats`, filled in from what the query scanned. The timings are modelled (from the
 * lines scanned), not measured, so the same query gives a byte-identical answer.
 */
export function lokiStats(stats: ScanStats, returned: number): Record<string, unknown> {
  const execSeconds = Math.round((0.0004 + stats.linesScanned * 0.0000012) * 1e6) / 1e6;
  const chunk = { headChunkBytes: stats.bytesScanned, headChunkLines: stats.linesScanned, decompressedBytes: 0, decompressedLines: 0, compressedBytes: 0, totalDuplicates: 0, postFilterLines: returned, headChunkStructuredMetadataBytes: 0, decompressedStructuredMetadataBytes: 0 };
  const emptyChunk = { ...chunk, headChunkBytes: 0, headChunkLines: 0, postFilterLines: 0 };
  const cacheEntry = { entriesFound: 0, entriesRequested: 0, entriesStored: 0, bytesReceived: 0, bytesSent: 0, requests: 0, downloadTime: 0 };
  const exec = execSeconds;
  return {
    summary: {
      bytesProcessedPerSecond: Math.round(stats.bytesScanned / exec),
      linesProcessedPerSecond: Math.round(stats.linesScanned / exec),
      totalBytesProcessed: stats.bytesScanned,
      totalLinesProcessed: stats.linesScanned,
      execTime: execSeconds,
      queueTime: 0.000124,
      subqueries: 0,
      totalEntriesReturned: returned,
      splits: 0,
      shards: 0,
      totalPostFilterLines: returned,
      totalStructuredMetadataBytesProcessed: 0,
    },
    querier: { store: { totalChunksRef: 0, totalChunksDownloaded: 0, chunksDownloadTime: 0, chunk: emptyChunk } },
    ingester: { totalReached: 1, totalChunksMatched: DEMO_STREAMS.length, totalBatches: 1, totalLinesSent: returned, store: { totalChunksRef: 0, totalChunksDownloaded: 0, chunksDownloadTime: 0, chunk } },
    cache: { chunk: cacheEntry, index: cacheEntry, result: cacheEntry, statsResult: cacheEntry },
  };
}

/** Lines grouped into Loki streams (sorted by labels), values in the order given. */
export function toStreams(lines: ProcessedLine[]): Array<{ stream: Labels; values: Array<[string, string]> }> {
  const streams = new Map<string, { stream: Labels; values: Array<[string, string]> }>();
  for (const l of lines) {
    const key = labelsKey(l.labels);
    let s = streams.get(key);
    if (!s) streams.set(key, (s = { stream: l.labels, values: [] }));
    s.values.push([usToNs(l.tsUs), l.line]);
  }
  return [...streams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}

function matrix(series: MetricSeries[], times: number[]): Array<{ metric: Labels; values: Array<[number, string]> }> {
  return series
    .map((s) => {
      const values: Array<[number, string]> = [];
      for (let i = 0; i < times.length; i++) if (s.has[i]) values.push([times[i]! / 1000, formatPromValue(s.v[i]!)]);
      return { metric: s.labels, values };
    })
    .filter((s) => s.values.length)
    .sort((a, b) => labelsKey(a.metric).localeCompare(labelsKey(b.metric)));
}

export interface LokiOptions {
  seed?: number;
  now?: () => number;
}

export class DemoLoki {
  readonly seed: number;
  private readonly now: () => number;

  constructor(options: LokiOptions = {}) {
    this.seed = options.seed ?? DEMO_SEED;
    this.now = options.now ?? Date.now;
  }

  private parse(query: string): Query | LokiResponse {
    try {
      return parseLogQL(query);
    } catch (err) {
      if (err instanceof LogQLError) return lokiText(400, err.message);
      throw err;
    }
  }

  private time(params: URLSearchParams, name: string, fallbackNs: bigint): bigint | LokiResponse {
    const text = params.get(name);
    if (!text) return fallbackNs;
    const ns = parseLokiTimeNs(text);
    if (ns === undefined) return lokiText(400, `invalid parameter "${name}": could not parse '${text}' as a timestamp`);
    return ns;
  }

  queryRange(params: URLSearchParams): LokiResponse {
    const nowNs = msToNs(this.now());
    const end = this.time(params, 'end', nowNs);
    if (typeof end !== 'bigint') return end;
    const sinceMs = params.get('since') ? parseDurationMs(params.get('since')!) : undefined;
    const start = this.time(params, 'start', end - BigInt(Math.round((sinceMs ?? 3_600_000) * 1e6)));
    if (typeof start !== 'bigint') return start;
    if (end < start) return lokiText(400, 'end timestamp must not be before or equal to start time');
    const query = this.parse(params.get('query') ?? '');
    if ('status' in query) return query;
    const startMs = nsToMs(start);
    const endMs = nsToMs(end);
    if (endMs - startMs > MAX_QUERY_LENGTH_MS) {
      return lokiText(400, `the query time range exceeds the limit (query length: ${Math.round((endMs - startMs) / 3_600_000)}h0m0s, limit: 168h0m0s)`);
    }
    const stats: ScanStats = { linesScanned: 0, bytesScanned: 0 };
    if (query.type === 'log') {
      const limit = Number(params.get('limit') ?? '100');
      if (limit > MAX_ENTRIES) return lokiText(400, `max entries limit per query exceeded, limit > max_entries_limit (${limit} > ${MAX_ENTRIES})`);
      const direction = (params.get('direction') ?? 'backward').toLowerCase() === 'forward' ? 'forward' : 'backward';
      const lines = scanLines(this.seed, query, Math.ceil(nsToMs(start) * 1000), Math.ceil(nsToMs(end) * 1000), this.now() * 1000, direction, limit, stats);
      return {
        status: 200,
        contentType: JSON_UTF8,
        body: { status: 'success', data: { resultType: 'streams', result: toStreams(lines), stats: lokiStats(stats, lines.length) } },
      };
    }
    const stepText = params.get('step');
    const stepMs = stepText ? parseStepMs(stepText) : Math.max(Math.floor((endMs - startMs) / 1000 / 250), 1) * 1000;
    if (stepMs === undefined) return lokiText(400, `invalid parameter "step": could not parse '${stepText}' as a duration`);
    if (stepMs <= 0) return lokiText(400, 'zero or negative query resolution step widths are not accepted. Try a positive integer');
    if ((endMs - startMs) / stepMs > MAX_POINTS) return lokiText(400, 'exceeded maximum resolution of 11,000 points per timeseries. Try increasing the value of the step parameter');
    // Loki aligns metric steps to multiples of the step (the fixtures' 60 s steps land on whole minutes).
    const times: number[] = [];
    for (let t = Math.ceil(startMs / stepMs) * stepMs; t <= endMs; t += stepMs) times.push(t);
    const result = evaluateMetric(this.seed, query, times, this.now() * 1000, stats);
    const series = Array.isArray(result) && result.length && typeof result[0] === 'number' ? [{ labels: {}, v: Float64Array.from(result as number[]), has: new Uint8Array(times.length).fill(1) }] : (result as MetricSeries[]);
    const out = matrix(series, times);
    return {
      status: 200,
      contentType: JSON_PLAIN,
      body: { status: 'success', data: { resultType: 'matrix', result: out, stats: lokiStats(stats, out.reduce((n, s) => n + s.values.length, 0)) } },
    };
  }

  query(params: URLSearchParams): LokiResponse {
    const time = this.time(params, 'time', msToNs(this.now()));
    if (typeof time !== 'bigint') return time;
    const query = this.parse(params.get('query') ?? '');
    if ('status' in query) return query;
    const stats: ScanStats = { linesScanned: 0, bytesScanned: 0 };
    if (query.type === 'log') {
      // Loki 2.9 answers a log selector on the instant endpoint with an empty stream list.
      return { status: 200, contentType: 'application/json; charset=utf-8', body: { status: 'success', data: { resultType: 'streams', result: [], stats: lokiStats(stats, 0) } } };
    }
    const tMs = Math.floor(nsToMs(time));
    const result = evaluateMetric(this.seed, query, [tMs], this.now() * 1000, stats);
    if (result.length && typeof result[0] === 'number') {
      return { status: 200, contentType: JSON_PLAIN, body: { status: 'success', data: { resultType: 'scalar', result: [tMs / 1000, formatPromValue(result[0] as number)], stats: lokiStats(stats, 1) } } };
    }
    const vector = (result as MetricSeries[])
      .filter((s) => s.has[0])
      .map((s) => ({ metric: s.labels, value: [tMs / 1000, formatPromValue(s.v[0]!)] }))
      .sort((a, b) => labelsKey(a.metric).localeCompare(labelsKey(b.metric)));
    return { status: 200, contentType: JSON_PLAIN, body: { status: 'success', data: { resultType: 'vector', result: vector, stats: lokiStats(stats, vector.length) } } };
  }

  /** Streams matching a selector given as `query` or `match[]` (all streams when absent). */
  private streams(selectors: string[]): Labels[] | LokiResponse {
    if (!selectors.length) return DEMO_STREAMS;
    const out = new Map<string, Labels>();
    for (const sel of selectors) {
      const q = this.parse(sel);
      if ('status' in q) return q;
      if (q.type !== 'log') return lokiText(400, 'parse error : only log selectors are allowed here');
      for (const s of DEMO_STREAMS) if (streamMatches(s, q.matchers)) out.set(labelsKey(s), s);
    }
    return [...out.values()];
  }

  labels(): LokiResponse {
    const names = [...new Set(DEMO_STREAMS.flatMap((s) => Object.keys(s)))].sort();
    return { status: 200, contentType: JSON_UTF8, body: { status: 'success', data: names } };
  }

  labelValues(name: string, params: URLSearchParams): LokiResponse {
    const q = params.get('query');
    const streams = this.streams(q ? [q] : []);
    if (!Array.isArray(streams)) return streams;
    const values = [...new Set(streams.map((s) => s[name]).filter((v): v is string => v !== undefined))].sort();
    return { status: 200, contentType: JSON_UTF8, body: values.length ? { status: 'success', data: values } : { status: 'success' } };
  }

  series(params: URLSearchParams): LokiResponse {
    const matches = params.getAll('match[]');
    if (!matches.length) return lokiText(400, 'match[] parameter is required');
    const streams = this.streams(matches);
    if (!Array.isArray(streams)) return streams;
    return { status: 200, contentType: JSON_UTF8, body: { status: 'success', data: streams } };
  }

  /** Index stats read only flushed chunks; like a fresh Loki, the demo has none. */
  indexStats(): LokiResponse {
    return { status: 200, contentType: JSON_UTF8, body: { streams: 0, chunks: 0, bytes: 0, entries: 0 } };
  }

  buildinfo(): LokiResponse {
    return { status: 200, contentType: JSON_PLAIN, body: { version: '2.9.4', revision: 'f599ebc535', branch: 'v2.9.4', buildUser: 'acceptance', buildDate: '2026-11-22T12:27:22Z', goVersion: '' } };
  }

  /**
   * A live tail of `query`: call `next()` about once a second; it returns the `{streams}` frame of
   * lines written since the previous call (or undefined when there are none). The first call
   * sends up to `limit` lines since `startNs` (default: the last hour).
   */
  tail(query: string, startNs?: string, limit = 100): { next(): { streams: ReturnType<typeof toStreams> } | undefined } | LokiResponse {
    const q = this.parse(query);
    if ('status' in q) return q;
    if (q.type !== 'log') return lokiText(400, 'parse error : tail requires a log query');
    const logQuery: LogExpr = q;
    const pipeline = compilePipeline(logQuery.stages);
    let cursorUs = startNs ? Number(BigInt(startNs) / 1000n) : (this.now() - 3_600_000) * 1000;
    let first = true;
    return {
      next: () => {
        const nowUs = this.now() * 1000;
        const lines: ProcessedLine[] = [];
        for (const l of linesAfter(this.seed, cursorUs, nowUs)) {
          if (!streamMatches(l.labels, logQuery.matchers)) continue;
          const p = pipeline(l);
          if (p) lines.push(p);
        }
        cursorUs = nowUs;
        const batch = first ? lines.slice(-limit) : lines;
        first = false;
        return batch.length ? { streams: toStreams(batch) } : undefined;
      },
    };
  }
}
