// The normalized models every backend client produces. Views only ever see these.

export type DatasourceType = 'prometheus' | 'loki' | 'tempo' | 'jaeger';

/** What /api/config tells the browser about a datasource: never URLs or secrets. */
export interface PublicDatasource {
  uid: string;
  type: DatasourceType;
  name: string;
  /** Tempo: whether the server found the v2 trace-by-id route (Tempo 2.6+); absent while not known. */
  traceByIdV2?: boolean;
}

export interface PublicConfig {
  /** true when no datasource is configured: the browser serves synthetic data through MSW. */
  demo: boolean;
  datasources: PublicDatasource[];
  telemetry: { serviceName: string; serviceVersion: string; environment: string; sampleRatio: number };
  /** Derived-field rules for log lines (`logs.derivedFields` in the config file). */
  logs?: { derivedFields: Array<{ name: string; field?: string; matcherRegex?: string; url: string }> };
}

export type Labels = Record<string, string>;

/** One metric series. Times in epoch milliseconds; NaN where the backend said "NaN". */
export interface TimeSeries {
  labels: Labels;
  timestamps: number[];
  values: number[];
}

export interface InstantSample {
  labels: Labels;
  timestamp: number;
  value: number;
}

export interface LogLine {
  /** Nanoseconds since the epoch as a decimal string: it does not fit a double. */
  timestampNs: string;
  /** Milliseconds since the epoch, for display and bucketing (loses sub-ms precision). */
  timestampMs: number;
  line: string;
  /** Stream labels as Loki returned them (including fields extracted by `| json`). */
  labels: Labels;
  /** Stable across pages: stream identity + timestamp + line. */
  id: string;
}

export interface LogQueryStats {
  bytesProcessed?: number;
  linesProcessed?: number;
  execTimeSeconds?: number;
}

export interface LogsResult {
  kind: 'streams';
  lines: LogLine[];
  stats?: LogQueryStats;
}

export interface LogMetricResult {
  kind: 'matrix';
  series: TimeSeries[];
}

/** An instant LogQL metric query (`/loki/api/v1/query`); times in epoch ms. */
export interface LogVectorResult {
  kind: 'vector';
  samples: InstantSample[];
}

export type SpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';
export type SpanStatusCode = 'unset' | 'ok' | 'error';
export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };

export interface SpanEvent {
  name: string;
  /** Microseconds since the epoch. */
  timeUs: number;
  attributes: Record<string, AttributeValue>;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  attributes: Record<string, AttributeValue>;
}

export interface Span {
  /** Lowercase hex, 16 chars. */
  spanId: string;
  /** Lowercase hex, 16 chars; undefined for a root. May point at a span that is not in the trace (orphan). */
  parentSpanId?: string;
  traceId: string;
  name: string;
  serviceName: string;
  kind: SpanKind;
  /** Microseconds since the epoch (fractional part keeps sub-µs precision where the backend had it). */
  startUs: number;
  durationUs: number;
  status: { code: SpanStatusCode; message?: string };
  attributes: Record<string, AttributeValue>;
  resource: Record<string, AttributeValue>;
  events: SpanEvent[];
  links: SpanLink[];
}

export interface Trace {
  /** Lowercase hex, 32 chars (left-padded with zeros). */
  traceId: string;
  spans: Span[];
  /** Tempo v2 may answer with a partial trace. */
  partial?: boolean;
}

export interface TraceSearchHit {
  traceId: string;
  rootServiceName?: string;
  rootTraceName?: string;
  startUs: number;
  durationMs: number;
  spanCount?: number;
  errorCount?: number;
  /** Spans that matched the search (Tempo), when the trace's total is not known. */
  matchedSpans?: number;
}

/** A backend or transport failure with a message a person can act on. */
export class DatasourceError extends Error {
  constructor(
    message: string,
    readonly datasourceUid: string,
    readonly status?: number,
    readonly errorType?: string,
  ) {
    super(message);
    this.name = 'DatasourceError';
  }
}
