// Tempo 2.3 wire shapes: `/api/traces/<id>` OTLP JSON (`batches`, base64 ids, enum-name kinds
// and status codes, int64 as strings, zero values left out, one batch per resource + scope) and
// `/api/search` hits (leading-zero-stripped hex ids, `spanSet` and `spanSets`). Also the reverse:
// OTLP/HTTP JSON as exporters post it (hex ids, numeric kinds) into the demo model.

import type { AttributeValue, Span, SpanKind, SpanStatusCode } from '../datasources/types.ts';
import { base64ToHex, hexToBase64, stripLeadingZeros } from './ids.ts';
import type { Attr } from './traceql.ts';
import { usToNs } from './timefmt.ts';
import { rootSpan, type DemoSpan, type DemoTrace, type Scope } from './traceModel.ts';

export type OtlpAnyValue =
  | { stringValue: string }
  | { intValue: string | number }
  | { doubleValue: number }
  | { boolValue: boolean }
  | { arrayValue: { values?: OtlpAnyValue[] } }
  | { kvlistValue: { values?: OtlpKeyValue[] } };
export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

const KIND_NAMES: Record<SpanKind, string> = {
  unspecified: 'SPAN_KIND_UNSPECIFIED',
  internal: 'SPAN_KIND_INTERNAL',
  server: 'SPAN_KIND_SERVER',
  client: 'SPAN_KIND_CLIENT',
  producer: 'SPAN_KIND_PRODUCER',
  consumer: 'SPAN_KIND_CONSUMER',
};
const KIND_BY_NUMBER: SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

export function toOtlpValue(v: AttributeValue): OtlpAnyValue {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
  if (v === null) return { stringValue: '' };
  if (Array.isArray(v)) return { arrayValue: { values: v.map(toOtlpValue) } };
  return { kvlistValue: { values: toOtlpAttributes(v) } };
}

export function toOtlpAttributes(attrs: Record<string, AttributeValue>): OtlpKeyValue[] {
  return Object.entries(attrs).map(([key, value]) => ({ key, value: toOtlpValue(value) }));
}

function otlpStatus(status: Span['status']): Record<string, string> {
  if (status.code === 'unset') return {};
  const out: Record<string, string> = {};
  if (status.message) out.message = status.message;
  out.code = status.code === 'ok' ? 'STATUS_CODE_OK' : 'STATUS_CODE_ERROR';
  return out;
}

function otlpSpan(s: Span): Record<string, unknown> {
  const out: Record<string, unknown> = {
    traceId: hexToBase64(s.traceId.padStart(32, '0')),
    spanId: hexToBase64(s.spanId),
  };
  if (s.parentSpanId) out.parentSpanId = hexToBase64(s.parentSpanId);
  out.name = s.name;
  if (s.kind !== 'unspecified') out.kind = KIND_NAMES[s.kind];
  out.startTimeUnixNano = usToNs(s.startUs);
  out.endTimeUnixNano = usToNs(s.startUs + s.durationUs);
  if (Object.keys(s.attributes).length) out.attributes = toOtlpAttributes(s.attributes);
  if (s.events.length) {
    out.events = s.events.map((e) => {
      const ev: Record<string, unknown> = { timeUnixNano: usToNs(e.timeUs), name: e.name };
      if (Object.keys(e.attributes).length) ev.attributes = toOtlpAttributes(e.attributes);
      return ev;
    });
  }
  if (s.links.length) {
    out.links = s.links.map((l) => {
      const link: Record<string, unknown> = { traceId: hexToBase64(l.traceId.padStart(32, '0')), spanId: hexToBase64(l.spanId) };
      if (Object.keys(l.attributes).length) link.attributes = toOtlpAttributes(l.attributes);
      return link;
    });
  }
  out.status = otlpStatus(s.status);
  return out;
}

function scopeOf(s: Span): Scope {
  return 'scope' in s ? (s as DemoSpan).scope : { name: '' };
}

/** `/api/traces/<id>` body as Tempo 2.3 answers with `Accept: application/json`. */
export function toTempoTraceJson(trace: { spans: Span[] }): { batches: unknown[] } {
  const batches = new Map<string, { resource: Record<string, AttributeValue>; scope: Scope; spans: Span[] }>();
  const resourceKeys = new Map<Record<string, AttributeValue>, string>();
  for (const s of trace.spans) {
    const scope = scopeOf(s);
    let resourceKey = resourceKeys.get(s.resource);
    if (resourceKey === undefined) resourceKeys.set(s.resource, (resourceKey = JSON.stringify(s.resource)));
    const key = `${resourceKey}\u0000${scope.name}\u0000${scope.version ?? ''}`;
    let batch = batches.get(key);
    if (!batch) batches.set(key, (batch = { resource: s.resource, scope, spans: [] }));
    batch.spans.push(s);
  }
  return {
    batches: [...batches.values()].map((b) => ({
      resource: { attributes: toOtlpAttributes(b.resource) },
      scopeSpans: [{ scope: b.scope.version ? { name: b.scope.name, version: b.scope.version } : { name: b.scope.name }, spans: b.spans.map(otlpSpan) }],
    })),
  };
}

/** One entry of `/api/search`'s `traces`. `matched` undefined means a tag search: no span sets. */
export function toSearchHit(trace: DemoTrace, matched: DemoSpan[] | undefined, named: Attr[], spansPerSet = 3): Record<string, unknown> {
  let startUs = Infinity;
  let endUs = -Infinity;
  for (const s of trace.spans) {
    startUs = Math.min(startUs, s.startUs);
    endUs = Math.max(endUs, s.startUs + s.durationUs);
  }
  const root = rootSpan(trace.spans);
  const hit: Record<string, unknown> = { traceID: stripLeadingZeros(trace.traceId) };
  hit.rootServiceName = root ? root.serviceName : '<root span not yet received>';
  if (root) hit.rootTraceName = root.name;
  hit.startTimeUnixNano = usToNs(startUs);
  const durationMs = Math.floor((endUs - startUs) / 1000);
  if (durationMs > 0) hit.durationMs = durationMs;
  if (matched) {
    const set = { spans: matched.slice(0, spansPerSet).map((s) => searchSpan(s, named)), matched: matched.length };
    hit.spanSet = set;
    hit.spanSets = [set];
  }
  return hit;
}

function searchSpan(s: DemoSpan, named: Attr[]): Record<string, unknown> {
  const out: Record<string, unknown> = { spanID: s.spanId, startTimeUnixNano: usToNs(s.startUs), durationNanos: usToNs(s.durationUs) };
  const attrs: OtlpKeyValue[] = [];
  const seen = new Set<string>();
  const ordered = [...named.filter((a) => 'intrinsic' in a), ...named.filter((a) => !('intrinsic' in a))];
  for (const a of ordered) {
    if ('intrinsic' in a) {
      if (a.intrinsic === 'status' && !seen.has('status')) {
        seen.add('status');
        attrs.push({ key: 'status', value: { stringValue: s.status.code } });
      } else if (a.intrinsic === 'name' && !seen.has('name')) {
        seen.add('name');
        attrs.push({ key: 'name', value: { stringValue: s.name } });
      }
      continue;
    }
    const v = a.scope === 'resource' ? s.resource[a.key] : a.scope === 'span' ? s.attributes[a.key] : (s.attributes[a.key] ?? s.resource[a.key]);
    if (v === undefined || seen.has(a.key)) continue;
    seen.add(a.key);
    attrs.push({ key: a.key, value: toOtlpValue(v) });
  }
  if (attrs.length) out.attributes = attrs;
  return out;
}

function fromOtlpValue(v: OtlpAnyValue | undefined): AttributeValue {
  if (!v) return null;
  if ('stringValue' in v) return v.stringValue;
  if ('intValue' in v) return Number(v.intValue);
  if ('doubleValue' in v) return v.doubleValue;
  if ('boolValue' in v) return v.boolValue;
  if ('arrayValue' in v) return (v.arrayValue.values ?? []).map(fromOtlpValue);
  if ('kvlistValue' in v) return fromOtlpAttributes(v.kvlistValue.values);
  return null;
}

function fromOtlpAttributes(kvs: OtlpKeyValue[] | undefined): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const kv of kvs ?? []) out[kv.key] = fromOtlpValue(kv.value);
  return out;
}

/** An id from OTLP JSON: hex as the OTLP/HTTP exporters send it, or base64 as Tempo answers. */
function idToHex(id: string, bytes: number): string {
  if (new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(id)) return id.toLowerCase();
  return base64ToHex(id).padStart(bytes * 2, '0');
}

function toKind(kind: unknown): SpanKind {
  if (typeof kind === 'number') return KIND_BY_NUMBER[kind] ?? 'unspecified';
  const entry = Object.entries(KIND_NAMES).find(([, name]) => name === kind);
  return (entry?.[0] as SpanKind | undefined) ?? 'unspecified';
}

function toStatus(status: { code?: unknown; message?: string } | undefined): { code: SpanStatusCode; message?: string } {
  const code = status?.code;
  const c: SpanStatusCode = code === 1 || code === 'STATUS_CODE_OK' ? 'ok' : code === 2 || code === 'STATUS_CODE_ERROR' ? 'error' : 'unset';
  return status?.message ? { code: c, message: status.message } : { code: c };
}

const nsToUs = (ns: string | number): number => Number(BigInt(ns) / 1000n) + Number(BigInt(ns) % 1000n) / 1000;

interface OtlpSpanJson {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number | string;
  startTimeUnixNano: string | number;
  endTimeUnixNano: string | number;
  attributes?: OtlpKeyValue[];
  events?: Array<{ timeUnixNano: string | number; name: string; attributes?: OtlpKeyValue[] }>;
  links?: Array<{ traceId: string; spanId: string; attributes?: OtlpKeyValue[] }>;
  status?: { code?: number | string; message?: string };
}

export interface OtlpTracesJson {
  resourceSpans?: Array<{ resource?: { attributes?: OtlpKeyValue[] }; scopeSpans?: Array<{ scope?: Scope; spans?: OtlpSpanJson[] }> }>;
  batches?: OtlpTracesJson['resourceSpans'];
}

/** OTLP/HTTP JSON (`resourceSpans`, or Tempo's `batches`) to demo traces, one per trace id. */
export function fromOtlpJson(body: OtlpTracesJson): DemoTrace[] {
  const traces = new Map<string, DemoTrace>();
  for (const rs of body.resourceSpans ?? body.batches ?? []) {
    const resource = fromOtlpAttributes(rs.resource?.attributes);
    const serviceName = typeof resource['service.name'] === 'string' ? resource['service.name'] : 'unknown_service';
    for (const ss of rs.scopeSpans ?? []) {
      const scope: Scope = ss.scope?.version ? { name: ss.scope.name ?? '', version: ss.scope.version } : { name: ss.scope?.name ?? '' };
      for (const s of ss.spans ?? []) {
        const traceId = idToHex(s.traceId, 16);
        const startUs = nsToUs(s.startTimeUnixNano);
        const span: DemoSpan = {
          traceId,
          spanId: idToHex(s.spanId, 8),
          name: s.name,
          serviceName,
          kind: toKind(s.kind),
          startUs,
          durationUs: nsToUs(s.endTimeUnixNano) - startUs,
          status: toStatus(s.status),
          attributes: fromOtlpAttributes(s.attributes),
          resource,
          events: (s.events ?? []).map((e) => ({ name: e.name, timeUs: nsToUs(e.timeUnixNano), attributes: fromOtlpAttributes(e.attributes) })),
          links: (s.links ?? []).map((l) => ({ traceId: idToHex(l.traceId, 16), spanId: idToHex(l.spanId, 8), attributes: fromOtlpAttributes(l.attributes) })),
          scope,
        };
        if (s.parentSpanId) span.parentSpanId = idToHex(s.parentSpanId, 8);
        let trace = traces.get(traceId);
        if (!trace) traces.set(traceId, (trace = { traceId, spans: [] }));
        trace.spans.push(span);
      }
    }
  }
  return [...traces.values()];
}
