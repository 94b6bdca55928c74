// Loki results to our models: log streams become one time-ordered list of lines.

import { fnv1a32 } from '../../lib/fnv1a';
import { compareNs, nsToMs } from '../../lib/nanoseconds';
import { parsePromMatrix, parsePromScalar, parsePromVector } from '../prometheus/parse';
import type { Labels, LogLine, LogMetricResult, LogQueryStats, LogsResult, LogVectorResult } from '../types';
import type { LokiDirection, LokiQueryData, LokiStats, LokiStream } from './types';

/**
 * Flattens streams into one list ordered by time (newest first for `backward`, as Loki pages).
 * Loki orders lines only within a stream, and `| json` makes a stream per distinct label set,
 * so a merge is always needed. Lines with equal timestamps keep Loki's order (stable sort).
 */
export function lokiStreamsToLines(streams: LokiStream[], direction: LokiDirection = 'backward'): LogLine[] {
  const lines: LogLine[] = [];
  for (const { stream, values } of streams) {
    const streamHash = fnv1a32(streamKey(stream));
    // A stream is time-ordered, so equal ids can only occur within a run of equal timestamps.
    let runTimestamp = '';
    let runIds: string[] = [];
    for (const [timestampNs, line] of values) {
      // Identity = stream + time + content, so the same line gets the same id on every page.
      const base = `${timestampNs}_${streamHash}_${fnv1a32(line)}`;
      if (timestampNs !== runTimestamp) {
        runTimestamp = timestampNs;
        runIds = [];
      }
      let id = base;
      for (let n = 1; runIds.includes(id); n++) id = `${base}_${n}`;
      runIds.push(id);
      lines.push({ timestampNs, timestampMs: nsToMs(timestampNs), line, labels: stream, id });
    }
  }
  return direction === 'forward'
    ? lines.sort((a, b) => compareNs(a.timestampNs, b.timestampNs))
    : lines.sort((a, b) => compareNs(b.timestampNs, a.timestampNs));
}

/** Label order in Loki's JSON is Go map order, so identity uses the sorted pairs. */
export function streamKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(',');
}

export function lokiStats(stats: LokiStats | undefined): LogQueryStats | undefined {
  const summary = stats?.summary;
  if (!summary) return undefined;
  return {
    bytesProcessed: summary.totalBytesProcessed,
    linesProcessed: summary.totalLinesProcessed,
    execTimeSeconds: summary.execTime,
  };
}

export function parseLokiQueryData(
  data: LokiQueryData,
  direction: LokiDirection = 'backward',
): LogsResult | LogMetricResult | LogVectorResult {
  switch (data.resultType) {
    case 'streams':
      return { kind: 'streams', lines: lokiStreamsToLines(data.result, direction), stats: lokiStats(data.stats) };
    case 'matrix':
      return { kind: 'matrix', series: parsePromMatrix(data.result) };
    case 'vector':
      return { kind: 'vector', samples: parsePromVector(data.result) };
    case 'scalar':
      // `vector(1)`-style LogQL; shown like a one-sample vector.
      return { kind: 'vector', samples: [{ labels: {}, ...parsePromScalar(data.result) }] };
  }
}
