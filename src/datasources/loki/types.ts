// Loki HTTP API shapes (https://grafana.com/docs/loki/latest/reference/loki-http-api/) as
// Loki 2.9 sends them. Log times are nanosecond strings; metric results use float seconds.

import type { Labels } from '../types';
import type { PromMatrixSeries, PromSamplePair, PromVectorSample } from '../prometheus/types';

export type LokiDirection = 'forward' | 'backward';

/** `[ns timestamp, line]`; Loki 3 may add a third element (structured metadata), ignored here. */
export type LokiEntry = [string, string, ...unknown[]];

export interface LokiStream {
  stream: Labels;
  values: LokiEntry[];
}

export interface LokiStatsSummary {
  totalBytesProcessed?: number;
  totalLinesProcessed?: number;
  /** Seconds. */
  execTime?: number;
}

export interface LokiStats {
  summary?: LokiStatsSummary;
}

export type LokiQueryData = (
  | { resultType: 'streams'; result: LokiStream[] }
  | { resultType: 'matrix'; result: PromMatrixSeries[] }
  | { resultType: 'vector'; result: PromVectorSample[] }
  | { resultType: 'scalar'; result: PromSamplePair }
) & { stats?: LokiStats };

export interface LokiEnvelope<T> {
  status: string;
  /** Absent when label values match nothing. */
  data?: T;
}

/** Loki marks entries it dropped because the tail client was too slow. */
export interface LokiDroppedEntry {
  labels: Labels | string;
  timestamp: string;
}

export interface LokiTailFrame {
  streams?: LokiStream[];
  dropped_entries?: LokiDroppedEntry[] | null;
}
