// Prometheus HTTP API shapes (https://prometheus.io/docs/prometheus/latest/querying/api/),
// typed as Prometheus 2.42 sends them. Field names and units are Prometheus's own.

import type { InstantSample, Labels, TimeSeries } from '../types';

/** `[unix seconds (float), "value"]`; values are strings because of NaN and ±Inf. */
export type PromSamplePair = [number, string];

export interface PromMatrixSeries {
  metric: Labels;
  values?: PromSamplePair[];
}

export interface PromVectorSample {
  metric: Labels;
  value?: PromSamplePair;
}

export type PromQueryData =
  | { resultType: 'matrix'; result: PromMatrixSeries[] }
  | { resultType: 'vector'; result: PromVectorSample[] }
  | { resultType: 'scalar'; result: PromSamplePair }
  | { resultType: 'string'; result: PromSamplePair };

export type PromEnvelope<T> =
  | { status: 'success'; data: T; warnings?: string[] }
  | { status: 'error'; errorType: string; error: string };

/** An instant query's result in our units (epoch ms, numbers). */
export type PromQueryResult =
  | { resultType: 'matrix'; series: TimeSeries[] }
  | { resultType: 'vector'; samples: InstantSample[] }
  | { resultType: 'scalar'; timestamp: number; value: number }
  | { resultType: 'string'; timestamp: number; value: string };

export interface PromTarget {
  discoveredLabels: Labels;
  labels: Labels;
  scrapePool: string;
  scrapeUrl: string;
  globalUrl: string;
  /** '' when the last scrape succeeded. */
  lastError: string;
  /** RFC 3339 with nanoseconds. */
  lastScrape: string;
  /** Seconds. */
  lastScrapeDuration: number;
  health: 'up' | 'down' | 'unknown';
  /** Duration strings such as `1s`. */
  scrapeInterval: string;
  scrapeTimeout: string;
}

export interface PromDroppedTarget {
  discoveredLabels: Labels;
}

export interface PromTargets {
  activeTargets: PromTarget[];
  droppedTargets: PromDroppedTarget[];
}

export type PromAlertState = 'firing' | 'pending' | 'inactive';

export interface PromAlert {
  labels: Labels;
  annotations: Labels;
  state: PromAlertState;
  /** RFC 3339 with nanoseconds. */
  activeAt?: string;
  /** Go `%e` formatting, e.g. `1e+00`: `Number(value)` reads it. */
  value: string;
  keepFiringSince?: string;
}

interface PromRuleBase {
  name: string;
  query: string;
  labels?: Labels;
  health: 'ok' | 'err' | 'unknown';
  lastError?: string;
  /** Seconds. */
  evaluationTime: number;
  /** RFC 3339 with nanoseconds. */
  lastEvaluation: string;
}

export interface PromAlertingRule extends PromRuleBase {
  type: 'alerting';
  state: PromAlertState;
  /** The rule's `for`, in whole seconds. */
  duration: number;
  keepFiringFor?: number;
  annotations: Labels;
  alerts: PromAlert[];
}

export interface PromRecordingRule extends PromRuleBase {
  type: 'recording';
}

export type PromRule = PromAlertingRule | PromRecordingRule;

export interface PromRuleGroup {
  name: string;
  file: string;
  rules: PromRule[];
  /** Seconds. */
  interval: number;
  limit?: number;
  evaluationTime: number;
  lastEvaluation: string;
}

export interface PromBuildInfo {
  version: string;
  revision: string;
  branch: string;
  buildUser: string;
  buildDate: string;
  goVersion: string;
}

export interface PromMetricMetadata {
  type: 'counter' | 'gauge' | 'histogram' | 'gaugehistogram' | 'summary' | 'info' | 'stateset' | 'unknown';
  help: string;
  unit: string;
}
