// Jaeger JSON to the same Trace that Tempo's OTLP becomes. Kind and status live in tags
// (`span.kind`, `otel.status_code`, `error`), as Jaeger's OTLP translation and its clients write them.

import { padSpanId, padTraceId } from '../../lib/traceIds';
import type { AttributeValue, Span, SpanKind, SpanLink, SpanStatusCode, Trace, TraceSearchHit } from '../types';
import type { JaegerKeyValue, JaegerProcess, JaegerSpan, JaegerTrace } from './types';

type Attributes = Record<string, AttributeValue>;

const KINDS = new Set<SpanKind>(['internal', 'server', 'client', 'producer', 'consumer']);

type Process = { serviceName: string; resource: Attributes };

export function jaegerToTrace(trace: JaegerTrace): Trace {
  const traceId = padTraceId(trace.traceID);
  const processes = jaegerProcesses(trace);
  return { traceId, spans: trace.spans.map((span) => jaegerSpan(span, traceId, processes.get(span.processID))) };
}

/** The trace's processes by id: its spans' service and resource. */
export function jaegerProcesses(trace: Pick<JaegerTrace, 'processes'>): Map<string, Process> {
  const processes = new Map<string, Process>();
  for (const [id, process] of Object.entries(trace.processes ?? {})) processes.set(id, jaegerProcess(process));
  return processes;
}

function jaegerProcess(process: JaegerProcess): Process {
  return { serviceName: process.serviceName, resource: { 'service.name': process.serviceName, ...jaegerTags(process.tags) } };
}

/**
 * One span; `process` may be left out and set later with setJaegerProcess (a streamed trace
 * lists its processes after its spans).
 */
export function jaegerSpan(span: JaegerSpan, traceId: string, process: Process | undefined): Span {
  const attributes = jaegerTags(span.tags);
  const { parentSpanId, links } = parentAndLinks(span, traceId);
  const converted: Span = {
    spanId: padSpanId(span.spanID),
    parentSpanId,
    traceId,
    name: span.operationName,
    serviceName: '',
    kind: KINDS.has(attributes['span.kind'] as SpanKind) ? (attributes['span.kind'] as SpanKind) : 'unspecified',
    startUs: span.startTime,
    durationUs: span.duration,
    status: jaegerStatus(attributes),
    attributes,
    resource: {},
    events: (span.logs ?? []).map((log) => {
      const fields = jaegerTags(log.fields);
      // Jaeger's OTLP translation keeps an event's name in the `event` field.
      return { name: typeof fields.event === 'string' ? fields.event : 'log', timeUs: log.timestamp, attributes: fields };
    }),
    links,
  };
  setJaegerProcess(converted, process);
  return converted;
}

/** A span's service and resource from its process (`unknown_service` for a process not listed). */
export function setJaegerProcess(span: Span, process: Process | undefined): void {
  span.serviceName = process?.serviceName ?? 'unknown_service';
  span.resource = process?.resource ?? {};
}

/**
 * The parent is the first CHILD_OF reference within the trace, else the first FOLLOWS_FROM
 * within it (as Jaeger UI does). Every other reference, e.g. into another trace, is a link.
 */
function parentAndLinks(span: JaegerSpan, traceId: string): { parentSpanId?: string; links: SpanLink[] } {
  const refs = span.references ?? [];
  const inTrace = (r: { traceID: string }) => padTraceId(r.traceID) === traceId;
  const parent = refs.find((r) => r.refType === 'CHILD_OF' && inTrace(r)) ?? refs.find((r) => r.refType === 'FOLLOWS_FROM' && inTrace(r));
  const links = refs
    .filter((r) => r !== parent)
    .map((r) => ({ traceId: padTraceId(r.traceID), spanId: padSpanId(r.spanID), attributes: {} }));
  const parentSpanId = parent ? padSpanId(parent.spanID) : span.parentSpanID ? padSpanId(span.parentSpanID) : undefined;
  return { parentSpanId, links };
}

function jaegerStatus(tags: Attributes): { code: SpanStatusCode; message?: string } {
  const otel = tags['otel.status_code'];
  const code: SpanStatusCode =
    otel === 'ERROR' || tags.error === true || tags.error === 'true' ? 'error' : otel === 'OK' ? 'ok' : 'unset';
  const message = tags['otel.status_description'];
  return typeof message === 'string' && message ? { code, message } : { code };
}

export function jaegerTags(tags: JaegerKeyValue[] | null | undefined): Attributes {
  const out: Attributes = {};
  for (const { key, value } of tags ?? []) out[key] = value;
  return out;
}

/** Jaeger search answers with whole traces; a hit summarises one. */
export function jaegerTraceToHit(trace: Trace): TraceSearchHit {
  const ids = new Set(trace.spans.map((s) => s.spanId));
  const roots = trace.spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
  const root = roots.find((s) => !s.parentSpanId) ?? roots[0];
  let start = Infinity;
  let end = -Infinity;
  for (const s of trace.spans) {
    start = Math.min(start, s.startUs);
    end = Math.max(end, s.startUs + s.durationUs);
  }
  return {
    traceId: trace.traceId,
    rootServiceName: root?.serviceName,
    rootTraceName: root?.name,
    startUs: trace.spans.length ? start : 0,
    durationMs: trace.spans.length ? (end - start) / 1000 : 0,
    spanCount: trace.spans.length,
    errorCount: trace.spans.filter((s) => s.status.code === 'error').length,
  };
}
