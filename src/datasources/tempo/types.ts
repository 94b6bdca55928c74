// OTLP JSON as Tempo serves it (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding
// and https://grafana.com/docs/tempo/latest/api_docs/). Proto JSON leaves zero values out, so
// nearly every field is optional; enums may be names or numbers, ids base64 or hex.

export interface OtlpAnyValue {
  stringValue?: string;
  /** int64: a string in proto JSON. */
  intValue?: string | number;
  doubleValue?: number | string;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
  /** base64. */
  bytesValue?: string;
}

export interface OtlpKeyValue {
  key: string;
  value?: OtlpAnyValue;
}

export interface OtlpEvent {
  timeUnixNano?: string | number;
  name?: string;
  attributes?: OtlpKeyValue[];
}

export interface OtlpLink {
  traceId: string;
  spanId: string;
  attributes?: OtlpKeyValue[];
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name?: string;
  /** `SPAN_KIND_SERVER` or 2. */
  kind?: string | number;
  startTimeUnixNano?: string | number;
  endTimeUnixNano?: string | number;
  attributes?: OtlpKeyValue[];
  events?: OtlpEvent[];
  links?: OtlpLink[];
  /** `{}` when unset; code `STATUS_CODE_ERROR` or 2. */
  status?: { code?: string | number; message?: string };
}

export interface OtlpScopeSpans {
  scope?: { name?: string; version?: string };
  spans?: OtlpSpan[];
}

export interface OtlpResourceSpans {
  resource?: { attributes?: OtlpKeyValue[] };
  scopeSpans?: OtlpScopeSpans[];
  /** The pre-1.0 OTLP name of scopeSpans, still sent by old Tempo versions. */
  instrumentationLibrarySpans?: OtlpScopeSpans[];
}

/** `/api/traces/<id>`: `batches` up to Tempo 2.x, `resourceSpans` in newer versions and OTLP itself. */
export interface TempoTraceV1 {
  batches?: OtlpResourceSpans[];
  resourceSpans?: OtlpResourceSpans[];
}

/** `/api/v2/traces/<id>` (Tempo 2.6+). */
export interface TempoTraceV2 {
  trace?: TempoTraceV1;
  status?: 'COMPLETE' | 'PARTIAL' | string;
  message?: string;
}

export interface TempoSearchTrace {
  /** Hex with leading zeros stripped. */
  traceID: string;
  /** `<root span not yet received>` when the root is missing; sometimes absent then. */
  rootServiceName?: string;
  rootTraceName?: string;
  startTimeUnixNano?: string;
  /** Left out when 0. */
  durationMs?: number;
  /** Spans matching the query: `matched` is how many, `spans` only the first few of them. */
  spanSet?: { matched?: number };
  spanSets?: { matched?: number }[];
  /** Per service, spans and errors in the whole trace (newer Tempo versions send it). */
  serviceStats?: Record<string, { spanCount?: number; errorCount?: number }>;
}

export interface TempoSearchResponse {
  traces?: TempoSearchTrace[];
  metrics?: { inspectedTraces?: number; inspectedBytes?: string; completedJobs?: number; totalJobs?: number };
}

/** Tag names of one TraceQL scope: `intrinsic`, `resource`, `span`, or `unscoped` for Tempo's v1 list. */
export interface TempoTagScope {
  name: string;
  tags: string[];
}

/** A tag value as v2 types it (`string`, `int`, `keyword`, ...); v1 values come back as `string`. */
export interface TempoTagValue {
  type: string;
  value: string;
}
