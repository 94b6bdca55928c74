// Tempo's trace by id as protobuf (`Accept: application/protobuf`), read into the same Trace as
// its JSON (otlp.ts). Messages, by field number:
//   tempopb.Trace (v1 route): 1 repeated ResourceSpans
//   tempopb.TraceByIDResponse (v2 route): 1 Trace, 2 metrics, 3 PartialStatus (1 = PARTIAL), 4 message
//   OTLP (opentelemetry/proto/trace/v1/trace.proto): ResourceSpans 1 Resource, 2 ScopeSpans (2 was
//   InstrumentationLibrarySpans before OTLP 0.15, the same shape), 1000 InstrumentationLibrarySpans;
//   ScopeSpans 2 repeated Span; Span 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind,
//   7/8 start/end (fixed64 ns), 9 attributes, 11 events, 13 links, 15 status (2 message, 3 code);
//   Event 1 time (fixed64), 2 name, 3 attributes; Link 1 trace_id, 2 span_id, 4 attributes;
//   KeyValue 1 key, 2 AnyValue (1 string, 2 bool, 3 int64, 4 double, 5 array, 6 kvlist, 7 bytes).
// A third of the JSON's size for the same trace, and read without building JSON's objects first.

import type { AttributeValue, Span, SpanEvent, SpanLink, Trace } from '../types';
import { padTraceId } from '../../lib/traceIds';
import { KINDS, NO_EVENTS, NO_LINKS, NO_RESOURCE, serviceNameOf, STATUS_CODES, STATUS_WITHOUT_MESSAGE } from './otlp';
import { durationUs, secondsNsToUs } from '../../lib/nanoseconds';

type Attributes = Record<string, AttributeValue>;

const LEN = 2;

/** The message being read: a cursor over one buffer (module state: no object per field). */
let buf: Uint8Array = new Uint8Array(0);
let pos = 0;

function fail(): never {
  throw new SyntaxError('Invalid protobuf');
}

function varint(): number {
  let result = 0;
  let shift = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= buf.length) fail();
    const byte = buf[pos++];
    result += (byte & 0x7f) * shift;
    if (byte < 0x80) return result;
    shift *= 128;
  }
  return fail();
}

/** A varint's 64 bits as two uint32s (int64 attribute values: exact, negative ones included). */
let lo = 0;
let hi = 0;
function varint64(): void {
  lo = 0;
  hi = 0;
  let i = 0;
  for (let shift = 0; i < 10; i++, shift += 7) {
    if (pos >= buf.length) fail();
    const byte = buf[pos++];
    if (shift < 28) lo |= (byte & 0x7f) << shift;
    else if (shift === 28) {
      lo |= (byte & 0x0f) << 28;
      hi |= (byte & 0x7f) >> 4;
    } else hi |= (byte & 0x7f) << (shift - 32);
    if (byte < 0x80) break;
  }
  if (i === 10) fail();
  lo >>>= 0;
  hi >>>= 0;
}

function fixed64(): void {
  if (pos + 8 > buf.length) fail();
  lo = (buf[pos] | (buf[pos + 1] << 8) | (buf[pos + 2] << 16) | (buf[pos + 3] << 24)) >>> 0;
  hi = (buf[pos + 4] | (buf[pos + 5] << 8) | (buf[pos + 6] << 16) | (buf[pos + 7] << 24)) >>> 0;
  pos += 8;
}

/** The end of a length-delimited field that starts here. */
function lengthEnd(): number {
  const length = varint();
  const end = pos + length;
  if (end > buf.length) fail();
  return end;
}

function skip(wireType: number): void {
  if (wireType === 0) varint();
  else if (wireType === 1) pos += 8;
  else if (wireType === LEN) pos = lengthEnd();
  else if (wireType === 5) pos += 4;
  else fail();
  if (pos > buf.length) fail();
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Short ASCII strings seen lately, by a hash of their bytes: attribute keys, span names and many
 * values repeat across a trace's spans, and one string each spares an allocation per use.
 */
const CACHE_SLOTS = 4096;
const recent: (string | undefined)[] = new Array<string | undefined>(CACHE_SLOTS);

function string(): string {
  const end = lengthEnd();
  const start = pos;
  pos = end;
  const length = end - start;
  if (length <= 48) {
    let hash = length;
    let ascii = true;
    for (let i = start; i < end; i++) {
      const byte = buf[i];
      if (byte >= 0x80) {
        ascii = false;
        break;
      }
      hash = Math.imul(hash ^ byte, 0x01000193);
    }
    if (ascii) {
      const slot = (hash >>> 0) & (CACHE_SLOTS - 1);
      const cached = recent[slot];
      if (cached !== undefined && cached.length === length && sameChars(cached, start)) return cached;
      const text = String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
      recent[slot] = text;
      return text;
    }
  }
  return utf8.decode(buf.subarray(start, end));
}

function sameChars(text: string, start: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== buf[start + i]) return false;
  return true;
}

const hexCodes: number[] = [];
const HEX_CODE = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** Bytes as lowercase hex, left-padded to `width`, as otlpIdToHex gives. */
function hexId(width: number): string {
  const end = lengthEnd();
  const hex = hexOf(pos, end, width);
  pos = end;
  return hex;
}

function hexOf(start: number, end: number, width: number): string {
  let length = 0;
  for (let i = start; i < end; i++) {
    hexCodes[length++] = HEX_CODE[buf[i] >> 4];
    hexCodes[length++] = HEX_CODE[buf[i] & 15];
  }
  if (length === 0) return '';
  if (hexCodes.length !== length) hexCodes.length = length;
  const hex = String.fromCharCode.apply(null, hexCodes);
  return hex.length < width ? hex.padStart(width, '0') : hex;
}

/** Every span repeats the trace id: compared as bytes, made into hex once. */
let lastTraceIdBytes: Uint8Array = new Uint8Array(0);
let lastTraceIdHex = '';
function traceIdHex(): string {
  const end = lengthEnd();
  const length = end - pos;
  let same = length === lastTraceIdBytes.length;
  for (let i = 0; same && i < length; i++) same = buf[pos + i] === lastTraceIdBytes[i];
  if (!same) {
    lastTraceIdBytes = buf.slice(pos, end);
    lastTraceIdHex = hexOf(pos, end, 32);
  }
  pos = end;
  return lastTraceIdHex;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Bytes values stay base64, as the JSON sends them. */
function base64(): string {
  const end = lengthEnd();
  let out = '';
  for (let i = pos; i < end; i += 3) {
    const n = (buf[i] << 16) | ((i + 1 < end ? buf[i + 1] : 0) << 8) | (i + 2 < end ? buf[i + 2] : 0);
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63] + (i + 1 < end ? BASE64[(n >> 6) & 63] : '=') + (i + 2 < end ? BASE64[n & 63] : '=');
  }
  pos = end;
  return out;
}

/** A fixed64 ns time (in lo/hi) as whole seconds and the ns within them, each exact. */
let seconds = 0;
let nanos = 0;
function splitTime(): void {
  // Long division by 1e9 in 16-bit limbs: every intermediate stays below 2^53.
  let current = hi >>> 16;
  let q3 = Math.floor(current / 1e9);
  let rest = current - q3 * 1e9;
  current = rest * 65536 + (hi & 0xffff);
  const q2 = Math.floor(current / 1e9);
  rest = current - q2 * 1e9;
  current = rest * 65536 + (lo >>> 16);
  const q1 = Math.floor(current / 1e9);
  rest = current - q1 * 1e9;
  current = rest * 65536 + (lo & 0xffff);
  const q0 = Math.floor(current / 1e9);
  nanos = current - q0 * 1e9;
  q3 = ((q3 * 65536 + q2) * 65536 + q1) * 65536 + q0;
  seconds = q3;
}

function anyValue(end: number): AttributeValue {
  let value: AttributeValue = null;
  while (pos < end) {
    const tag = varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 1 && wire === LEN) value = string();
    else if (field === 2 && wire === 0) value = varint() !== 0;
    else if (field === 3 && wire === 0) value = int64Value();
    else if (field === 4 && wire === 1) {
      const view = new DataView(buf.buffer, buf.byteOffset + pos, 8);
      value = view.getFloat64(0, true);
      pos += 8;
    } else if (field === 5 && wire === LEN) {
      const arrayEnd = lengthEnd();
      const values: AttributeValue[] = [];
      while (pos < arrayEnd) {
        const t = varint();
        if (t >>> 3 === 1 && (t & 7) === LEN) values.push(anyValue(lengthEnd()));
        else skip(t & 7);
      }
      value = values;
    } else if (field === 6 && wire === LEN) {
      const listEnd = lengthEnd();
      const out: Attributes = {};
      while (pos < listEnd) {
        const t = varint();
        if (t >>> 3 === 1 && (t & 7) === LEN) keyValue(lengthEnd(), out);
        else skip(t & 7);
      }
      value = out;
    } else if (field === 7 && wire === LEN) value = base64();
    else skip(wire);
  }
  pos = end;
  return value;
}

/** int64 as a number when exact, else as its decimal string (as the JSON path keeps it). */
function int64Value(): number | string {
  varint64();
  if (hi < 0x200000) return hi * 4294967296 + lo;
  const n = BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
  return Number.isSafeInteger(Number(n)) ? Number(n) : n.toString();
}

function keyValue(end: number, out: Attributes): void {
  let key = '';
  let value: AttributeValue = null;
  while (pos < end) {
    const tag = varint();
    if (tag === ((1 << 3) | LEN)) key = string();
    else if (tag === ((2 << 3) | LEN)) value = anyValue(lengthEnd());
    else skip(tag & 7);
  }
  pos = end;
  out[key] = value;
}

function attributesInto(out: Attributes): void {
  keyValue(lengthEnd(), out);
}

function span(end: number): Span {
  let spanId = '';
  let parentSpanId: string | undefined;
  let traceId = '';
  let name = '';
  let kind = 0;
  let startS = 0;
  let startNs = 0;
  let endS = -1;
  let endNs = 0;
  let attributes: Attributes | undefined;
  let events: SpanEvent[] | undefined;
  let links: SpanLink[] | undefined;
  let statusCode = 0;
  let statusMessage = '';
  while (pos < end) {
    const tag = varint();
    switch (tag) {
      case (1 << 3) | LEN:
        traceId = traceIdHex();
        break;
      case (2 << 3) | LEN:
        spanId = hexId(16);
        break;
      case (4 << 3) | LEN:
        parentSpanId = hexId(16) || undefined;
        break;
      case (5 << 3) | LEN:
        name = string();
        break;
      case 6 << 3:
        kind = varint();
        break;
      case (7 << 3) | 1:
        fixed64();
        splitTime();
        startS = seconds;
        startNs = nanos;
        break;
      case (8 << 3) | 1:
        fixed64();
        splitTime();
        endS = seconds;
        endNs = nanos;
        break;
      case (9 << 3) | LEN:
        attributesInto((attributes ??= {}));
        break;
      case (11 << 3) | LEN:
        (events ??= []).push(event(lengthEnd()));
        break;
      case (13 << 3) | LEN:
        (links ??= []).push(link(lengthEnd()));
        break;
      case (15 << 3) | LEN: {
        const statusEnd = lengthEnd();
        while (pos < statusEnd) {
          const t = varint();
          if (t === ((2 << 3) | LEN)) statusMessage = string();
          else if (t === 3 << 3) statusCode = varint();
          else skip(t & 7);
        }
        break;
      }
      default:
        skip(tag & 7);
    }
  }
  pos = end;
  if (endS < 0) {
    endS = startS;
    endNs = startNs;
  }
  // Events without a time take the span's start, as the JSON path does.
  for (const e of events ?? []) if (Number.isNaN(e.timeUs)) e.timeUs = secondsNsToUs(startS, startNs);
  const code = STATUS_CODES[statusCode] ?? STATUS_CODES[0];
  return {
    spanId,
    parentSpanId,
    traceId,
    name,
    serviceName: '',
    kind: KINDS[kind] ?? KINDS[0],
    startUs: secondsNsToUs(startS, startNs),
    durationUs: durationUs(startS, startNs, endS, endNs),
    status: statusMessage ? { code, message: statusMessage } : STATUS_WITHOUT_MESSAGE[code],
    attributes: attributes ?? {},
    resource: NO_RESOURCE,
    events: events ?? NO_EVENTS,
    links: links ?? NO_LINKS,
  };
}

function event(end: number): SpanEvent {
  let time = NaN;
  let name = '';
  const attributes: Attributes = {};
  while (pos < end) {
    const tag = varint();
    if (tag === ((1 << 3) | 1)) {
      fixed64();
      splitTime();
      time = secondsNsToUs(seconds, nanos);
    } else if (tag === ((2 << 3) | LEN)) name = string();
    else if (tag === ((3 << 3) | LEN)) attributesInto(attributes);
    else skip(tag & 7);
  }
  pos = end;
  return { name, timeUs: time, attributes };
}

function link(end: number): SpanLink {
  let traceId = '';
  let spanId = '';
  const attributes: Attributes = {};
  while (pos < end) {
    const tag = varint();
    if (tag === ((1 << 3) | LEN)) traceId = hexId(32);
    else if (tag === ((2 << 3) | LEN)) spanId = hexId(16);
    else if (tag === ((4 << 3) | LEN)) attributesInto(attributes);
    else skip(tag & 7);
  }
  pos = end;
  return { traceId, spanId, attributes };
}

/** The containers a trace's spans sit in, outermost first (ResourceSpans counts its own resource). */
const enum Level {
  /** v2: TraceByIDResponse. */
  Response,
  /** tempopb.Trace. */
  Trace,
  ResourceSpans,
  ScopeSpans,
}

interface Open {
  level: Level;
  /** Where it ends; Infinity for the message itself, whose end is the body's. */
  end: number;
  /** ResourceSpans: its resource, and the first of its spans. */
  resource?: Attributes;
  firstSpan?: number;
}

/** A varint that may not have arrived whole: its value, or -1 (and `pos` unmoved). */
function tryVarint(): number {
  const start = pos;
  let result = 0;
  let shift = 1;
  for (let i = 0; i < 10 && pos < buf.length; i++) {
    const byte = buf[pos++];
    result += (byte & 0x7f) * shift;
    if (byte < 0x80) return result;
    shift *= 128;
  }
  if (pos - start >= 10) fail();
  pos = start;
  return -1;
}

/**
 * Takes the body as it downloads (`write`) and reads each span as soon as its bytes are all in,
 * so that when the last byte arrives little is left to do; `end` gives the Trace. Containers
 * (the v2 response, the trace, its batches and scopes) are entered as soon as their length is
 * known; every other field is read once it has arrived whole.
 */
export class OtlpProtoReader {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;
  private offset = 0;
  private readonly open: Open[];
  private readonly spans: Span[] = [];
  private partial = false;

  constructor(
    v2: boolean,
    private readonly requestedTraceId = '',
  ) {
    this.open = [{ level: v2 ? Level.Response : Level.Trace, end: Infinity }];
  }

  /** Throws a SyntaxError when what has arrived cannot be the start of a trace. */
  write(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.buffer.length) {
      let size = this.buffer.length * 2;
      while (size < this.length + bytes.length) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    this.read();
  }

  /** Throws a SyntaxError when the body is not a whole trace. */
  end(): Trace {
    this.read();
    if (this.offset !== this.length || this.open.length !== 1) fail();
    this.buffer = new Uint8Array(0);
    const trace: Trace = { traceId: this.spans[0]?.traceId || padTraceId(this.requestedTraceId), spans: this.spans };
    if (this.partial) trace.partial = true;
    return trace;
  }

  private read(): void {
    buf = this.buffer.subarray(0, this.length);
    pos = this.offset;
    try {
      this.readAvailable();
    } finally {
      this.offset = pos;
      buf = new Uint8Array(0);
      lastTraceIdBytes = new Uint8Array(0);
      lastTraceIdHex = '';
    }
  }

  private readAvailable(): void {
    for (;;) {
      let top = this.open[this.open.length - 1]!;
      while (pos === top.end) {
        this.close(this.open.pop()!);
        top = this.open[this.open.length - 1]!;
      }
      if (pos > top.end) fail();
      if (top.level === Level.ScopeSpans && !this.readSpans(top.end)) return;
      if (pos === top.end) continue;
      if (pos >= buf.length) return;
      const start = pos;
      const tag = tryVarint();
      if (tag < 0) return;
      const wire = tag & 7;
      if (wire !== LEN) {
        // Varints and fixed-size fields: small, read once whole.
        const need = wire === 1 ? 8 : wire === 5 ? 4 : 0;
        if (wire === 0) {
          const value = tryVarint();
          if (value < 0) return void (pos = start);
          if (top.level === Level.Response && tag === 3 << 3) this.partial = value === 1;
        } else if (need && pos + need <= buf.length) pos += need;
        else if (need) return void (pos = start);
        else fail();
        continue;
      }
      const length = tryVarint();
      if (length < 0) return void (pos = start);
      const end = pos + length;
      if (end > top.end) fail();
      const child = childLevel(top.level, tag >>> 3);
      if (child !== undefined) {
        this.open.push(child === Level.ResourceSpans ? { level: child, end, resource: {}, firstSpan: this.spans.length } : { level: child, end });
        continue;
      }
      // Anything else is read whole: wait for all of it.
      if (end > buf.length) return void (pos = start);
      if (top.level === Level.ScopeSpans && tag >>> 3 === 2) this.spans.push(span(end));
      else if (top.level === Level.ResourceSpans && tag >>> 3 === 1) {
        while (pos < end) {
          const t = varint();
          if (t === ((1 << 3) | LEN)) attributesInto(top.resource!);
          else skip(t & 7);
        }
      }
      pos = end;
    }
  }

  /**
   * The hot path: a scope's spans, one after the other, as far as they have arrived. False when
   * it stopped for want of bytes; true at the scope's end or at a field that is not a span.
   */
  private readSpans(scopeEnd: number): boolean {
    const limit = Math.min(scopeEnd, buf.length);
    while (pos < limit) {
      const start = pos;
      if (buf[pos] !== ((2 << 3) | LEN)) return true;
      pos++;
      const length = tryVarint();
      if (length < 0 || pos + length > buf.length) {
        pos = start;
        return false;
      }
      const end = pos + length;
      if (end > scopeEnd) fail();
      this.spans.push(span(end));
    }
    return pos >= scopeEnd || pos < buf.length;
  }

  /** A batch is done: its spans get its service and resource. */
  private close(done: Open): void {
    if (done.level !== Level.ResourceSpans) return;
    const resource = done.resource!;
    const serviceName = serviceNameOf(resource);
    for (let i = done.firstSpan!; i < this.spans.length; i++) {
      this.spans[i].serviceName = serviceName;
      this.spans[i].resource = resource;
    }
  }
}

/** The container a length-delimited field opens, if it is one. */
function childLevel(level: Level, field: number): Level | undefined {
  if (level === Level.Response) return field === 1 ? Level.Trace : undefined;
  if (level === Level.Trace) return field === 1 ? Level.ResourceSpans : undefined;
  if (level === Level.ResourceSpans) return field === 2 || field === 1000 ? Level.ScopeSpans : undefined;
  return undefined;
}

/**
 * `bytes` is the v2 route's TraceByIDResponse when `v2`, else the v1 route's Trace. Throws a
 * SyntaxError for bytes that are not such a message.
 */
export function otlpProtoToTrace(bytes: Uint8Array, v2: boolean, requestedTraceId = ''): Trace {
  const reader = new OtlpProtoReader(v2, requestedTraceId);
  reader.write(bytes);
  return reader.end();
}
