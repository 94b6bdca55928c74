// Tempo's protobuf trace-by-id answer made from its JSON one, for the stand-ins that play Tempo
// (the demo store, the end-to-end fake upstream, the bench): field numbers as listed in
// src/datasources/tempo/otlpProto.ts. Written for clarity, not speed.

import type { OtlpAnyValue, OtlpKeyValue, OtlpResourceSpans, OtlpSpan, TempoTraceV1, TempoTraceV2 } from '../datasources/tempo/types.ts';

type Field = Uint8Array;

function varint(value: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? byte | 0x80 : byte);
  } while (v > 0n);
  return out;
}

const tag = (field: number, wire: number) => varint((field << 3) | wire);

function concat(parts: (Uint8Array | number[])[]): Uint8Array {
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function bytesField(field: number, bytes: Uint8Array): Field {
  return concat([tag(field, 2), varint(bytes.length), bytes]);
}

const utf8 = new TextEncoder();
const stringField = (field: number, value: string) => bytesField(field, utf8.encode(value));
const varintField = (field: number, value: number | bigint) => concat([tag(field, 0), varint(value)]);

function fixed64Field(field: number, ns: string | number): Field {
  const v = BigInt.asUintN(64, BigInt(ns));
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, v, true);
  return concat([tag(field, 1), bytes]);
}

function doubleField(field: number, value: number): Field {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value, true);
  return concat([tag(field, 1), bytes]);
}

/** Ids in OTLP JSON are base64 (Tempo) or hex (OTLP/HTTP). */
function idBytes(id: string): Uint8Array {
  if (/^[0-9a-fA-F]+$/.test(id) && (id.length === 16 || id.length === 32)) return Uint8Array.from(id.match(/../g)!.map((h) => parseInt(h, 16)));
  return Uint8Array.from(atob(id), (c) => c.charCodeAt(0));
}

const ENUM_NAMES: Record<string, readonly string[]> = {
  kind: ['SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT', 'SPAN_KIND_PRODUCER', 'SPAN_KIND_CONSUMER'],
  status: ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'],
};
function enumNumber(value: string | number | undefined, names: readonly string[]): number {
  if (typeof value === 'number') return value;
  return Math.max(0, names.indexOf(value ?? ''));
}

function anyValue(value: OtlpAnyValue): Uint8Array {
  if (value.stringValue !== undefined) return stringField(1, value.stringValue);
  if (value.boolValue !== undefined) return varintField(2, value.boolValue ? 1 : 0);
  if (value.intValue !== undefined) return varintField(3, BigInt(value.intValue));
  if (value.doubleValue !== undefined) return doubleField(4, Number(value.doubleValue));
  if (value.arrayValue) return bytesField(5, concat((value.arrayValue.values ?? []).map((v) => bytesField(1, anyValue(v)))));
  if (value.kvlistValue) return bytesField(6, concat((value.kvlistValue.values ?? []).map((kv) => bytesField(1, keyValue(kv)))));
  if (value.bytesValue !== undefined) return bytesField(7, Uint8Array.from(atob(value.bytesValue), (c) => c.charCodeAt(0)));
  return new Uint8Array(0);
}

function keyValue(kv: OtlpKeyValue): Uint8Array {
  return concat([stringField(1, kv.key), ...(kv.value ? [bytesField(2, anyValue(kv.value))] : [])]);
}

const attributes = (field: number, list: OtlpKeyValue[] | undefined) => (list ?? []).map((kv) => bytesField(field, keyValue(kv)));

function span(s: OtlpSpan): Uint8Array {
  const parts: Uint8Array[] = [bytesField(1, idBytes(s.traceId)), bytesField(2, idBytes(s.spanId))];
  if (s.parentSpanId) parts.push(bytesField(4, idBytes(s.parentSpanId)));
  if (s.name) parts.push(stringField(5, s.name));
  const kind = enumNumber(s.kind, ENUM_NAMES.kind);
  if (kind) parts.push(varintField(6, kind));
  if (s.startTimeUnixNano !== undefined) parts.push(fixed64Field(7, s.startTimeUnixNano));
  if (s.endTimeUnixNano !== undefined) parts.push(fixed64Field(8, s.endTimeUnixNano));
  parts.push(...attributes(9, s.attributes));
  for (const e of s.events ?? []) {
    const event = [...(e.timeUnixNano !== undefined ? [fixed64Field(1, e.timeUnixNano)] : []), ...(e.name ? [stringField(2, e.name)] : []), ...attributes(3, e.attributes)];
    parts.push(bytesField(11, concat(event)));
  }
  for (const l of s.links ?? []) parts.push(bytesField(13, concat([bytesField(1, idBytes(l.traceId)), bytesField(2, idBytes(l.spanId)), ...attributes(4, l.attributes)])));
  const code = enumNumber(s.status?.code, ENUM_NAMES.status);
  if (s.status && (code || s.status.message)) {
    parts.push(bytesField(15, concat([...(s.status.message ? [stringField(2, s.status.message)] : []), ...(code ? [varintField(3, code)] : [])])));
  }
  return concat(parts);
}

function resourceSpans(batch: OtlpResourceSpans): Uint8Array {
  const parts: Uint8Array[] = [];
  if (batch.resource) parts.push(bytesField(1, concat(attributes(1, batch.resource.attributes))));
  for (const scope of batch.scopeSpans ?? batch.instrumentationLibrarySpans ?? []) {
    const scopeParts: Uint8Array[] = [];
    if (scope.scope?.name || scope.scope?.version) {
      scopeParts.push(bytesField(1, concat([...(scope.scope.name ? [stringField(1, scope.scope.name)] : []), ...(scope.scope.version ? [stringField(2, scope.scope.version)] : [])])));
    }
    for (const s of scope.spans ?? []) scopeParts.push(bytesField(2, span(s)));
    parts.push(bytesField(2, concat(scopeParts)));
  }
  return concat(parts);
}

/** The v1 route's tempopb.Trace. */
export function traceToProtobuf(trace: TempoTraceV1): Uint8Array {
  return concat((trace.batches ?? trace.resourceSpans ?? []).map((batch) => bytesField(1, resourceSpans(batch))));
}

/** The v2 route's TraceByIDResponse. */
export function traceByIdResponseToProtobuf(response: TempoTraceV2): Uint8Array {
  const parts: Uint8Array[] = [];
  if (response.trace) parts.push(bytesField(1, traceToProtobuf(response.trace)));
  if (response.status === 'PARTIAL') parts.push(varintField(3, 1));
  if (response.message) parts.push(stringField(4, response.message));
  return concat(parts);
}
