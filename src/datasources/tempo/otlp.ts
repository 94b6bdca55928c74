// OTLP JSON (Tempo's trace-by-id answer) to our Trace. The parser is faithful: orphans, clock
// skew and missing roots stay as they are, for the layout code to deal with visibly.

import { nsDurationUs, nsToUs } from '../../lib/nanoseconds';
import { otlpIdToHex, padTraceId, RepeatedIdConverter } from '../../lib/traceIds';
import type { AttributeValue, Span, SpanEvent, SpanKind, SpanLink, SpanStatusCode, Trace } from '../types';
import type { OtlpAnyValue, OtlpKeyValue, OtlpResourceSpans, OtlpSpan, TempoTraceV1, TempoTraceV2 } from './types';

type Attributes = Record<string, AttributeValue>;

export const KINDS: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
export const STATUS_CODES: readonly SpanStatusCode[] = ['unset', 'ok', 'error'];

/** Accepts `/api/traces` (`batches` or `resourceSpans`) and `/api/v2/traces` (`{trace, status}`). */
export function otlpToTrace(body: TempoTraceV1 | TempoTraceV2, requestedTraceId = ''): Trace {
  return assembleTrace(body, requestedTraceId);
}

/**
 * The one walk over the body's batches and scopes. `converted` holds spans converted ahead (while
 * the body streamed in, see otlpStream.ts): a number in a `spans` array is an index into it.
 */
export function assembleTrace(body: TempoTraceV1 | TempoTraceV2, requestedTraceId: string, converted: readonly Span[] = []): Trace {
  const v2 = 'trace' in body || 'status' in body ? (body as TempoTraceV2) : undefined;
  const inner: TempoTraceV1 = v2 ? (v2.trace ?? {}) : (body as TempoTraceV1);
  const spans: Span[] = [];
  const traceIds = new TraceIdDecoder();
  for (const batch of inner.batches ?? inner.resourceSpans ?? []) appendBatch(batch, spans, traceIds, converted);
  const trace: Trace = { traceId: spans[0]?.traceId ?? padTraceId(requestedTraceId), spans };
  if (v2?.status === 'PARTIAL') trace.partial = true;
  return trace;
}

function appendBatch(batch: OtlpResourceSpans, out: Span[], traceIds: TraceIdDecoder, converted: readonly Span[]): void {
  // One resource object shared by its spans: a 100,000-span trace has a handful of resources.
  const resource = otlpAttributes(batch.resource?.attributes);
  const serviceName = serviceNameOf(resource);
  for (const scope of batch.scopeSpans ?? batch.instrumentationLibrarySpans ?? []) {
    for (const raw of (scope.spans ?? []) as (OtlpSpan | number)[]) {
      const span = typeof raw === 'number' ? converted[raw] : otlpSpan(raw, traceIds);
      span.serviceName = serviceName;
      span.resource = resource;
      out.push(span);
    }
  }
}

/** Trace ids as OTLP JSON writes them (base64 or hex) to our hex, once per run of equal ids. */
export class TraceIdDecoder extends RepeatedIdConverter {
  constructor() {
    super((raw) => otlpIdToHex(raw, 32));
  }
}

/** A batch's service: its resource's `service.name`, as OTLP defines it. */
export function serviceNameOf(resource: Attributes): string {
  const service = resource['service.name'];
  return typeof service === 'string' && service !== '' ? service : 'unknown_service';
}

// Shared, frozen: most spans have no events, links or status message, and a 100,000-span trace
// allocating an empty array or a status object for each cost garbage collections while it loads.
export const NO_RESOURCE: Attributes = Object.freeze({}) as Attributes;
export const NO_EVENTS = Object.freeze([]) as unknown as SpanEvent[];
export const NO_LINKS = Object.freeze([]) as unknown as SpanLink[];
export const STATUS_WITHOUT_MESSAGE = Object.fromEntries(STATUS_CODES.map((code) => [code, Object.freeze({ code })])) as Record<SpanStatusCode, Span['status']>;

/** A span without its resource and service, which the batch gives (assembleTrace sets them). */
export function otlpSpan(span: OtlpSpan, traceIds: TraceIdDecoder): Span {
  const startNs = String(span.startTimeUnixNano ?? '0');
  const endNs = String(span.endTimeUnixNano ?? startNs);
  const code = enumValue(span.status?.code, 'STATUS_CODE_', STATUS_CODES);
  const message = span.status?.message;
  return {
    spanId: otlpIdToHex(span.spanId, 16),
    parentSpanId: span.parentSpanId ? otlpIdToHex(span.parentSpanId, 16) : undefined,
    traceId: traceIds.of(span.traceId),
    name: span.name ?? '',
    serviceName: '',
    kind: enumValue(span.kind, 'SPAN_KIND_', KINDS),
    startUs: nsToUs(startNs),
    durationUs: nsDurationUs(startNs, endNs),
    status: message ? { code, message } : STATUS_WITHOUT_MESSAGE[code],
    attributes: otlpAttributes(span.attributes),
    resource: NO_RESOURCE,
    events: span.events?.length
      ? span.events.map((e) => ({
          name: e.name ?? '',
          timeUs: nsToUs(String(e.timeUnixNano ?? startNs)),
          attributes: otlpAttributes(e.attributes),
        }))
      : NO_EVENTS,
    links: span.links?.length
      ? span.links.map((l) => ({
          traceId: otlpIdToHex(l.traceId, 32),
          spanId: otlpIdToHex(l.spanId, 16),
          attributes: otlpAttributes(l.attributes),
        }))
      : NO_LINKS,
  };
}

/** Names already seen, per prefix: a lookup instead of two new strings per span. */
const enumNames = new Map<string, Map<string, string>>();

/** Proto JSON writes enums as names (`SPAN_KIND_SERVER`) or numbers (2); a missing one is 0. */
function enumValue<T extends string>(raw: string | number | undefined, prefix: string, values: readonly T[]): T {
  if (typeof raw === 'number') return values[raw] ?? values[0];
  if (typeof raw === 'string') {
    let seen = enumNames.get(prefix);
    if (!seen) enumNames.set(prefix, (seen = new Map()));
    let value = seen.get(raw) as T | undefined;
    if (value === undefined) {
      const name = raw.replace(prefix, '').toLowerCase() as T;
      value = values.includes(name) ? name : values[0];
      if (seen.size < 64) seen.set(raw, value); // garbage input must not grow it without bound
    }
    return value;
  }
  return values[0];
}

export function otlpAttributes(list: OtlpKeyValue[] | undefined): Attributes {
  const out: Attributes = {};
  for (const { key, value } of list ?? []) out[key] = otlpAnyValue(value);
  return out;
}

/**
 * int64 values arrive as strings; they become numbers when that is exact and stay strings
 * otherwise. Bytes stay base64, as sent.
 */
export function otlpAnyValue(value: OtlpAnyValue | undefined): AttributeValue {
  if (!value) return null;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) {
    const n = Number(value.intValue);
    return Number.isSafeInteger(n) ? n : String(value.intValue);
  }
  if (value.doubleValue !== undefined) return Number(value.doubleValue);
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(otlpAnyValue);
  if (value.kvlistValue) return otlpAttributes(value.kvlistValue.values);
  if (value.bytesValue !== undefined) return value.bytesValue;
  return null;
}
