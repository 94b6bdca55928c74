// Jaeger query API JSON (`/api/traces/<id>`, `/api/traces?service=`): hex ids (trace ids with
// leading zeros dropped, as Jaeger's TraceID.String() prints them), microsecond times, tags with
// types, span kind and OTel status as tags, and a `processes` table keyed p1, p2, ...

import type { AttributeValue, Span } from '../datasources/types.ts';
import { stripLeadingZeros } from './ids.ts';
import type { DemoSpan } from './traceModel.ts';

interface JaegerTag {
  key: string;
  type: 'string' | 'bool' | 'int64' | 'float64';
  value: string | number | boolean;
}

function tag(key: string, v: AttributeValue): JaegerTag {
  if (typeof v === 'boolean') return { key, type: 'bool', value: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { key, type: 'int64', value: v } : { key, type: 'float64', value: v };
  if (typeof v === 'string') return { key, type: 'string', value: v };
  return { key, type: 'string', value: JSON.stringify(v) };
}

function tags(attrs: Record<string, AttributeValue>): JaegerTag[] {
  return Object.entries(attrs).map(([k, v]) => tag(k, v));
}

/** Envelope every Jaeger query API answer uses. */
export function jaegerEnvelope(data: unknown, errors: Array<{ code: number; msg: string }> | null = null): Record<string, unknown> {
  const total = Array.isArray(data) ? data.length : 0;
  return { data, total, limit: 0, offset: 0, errors };
}

export function toJaegerTrace(trace: { traceId: string; spans: Span[] }): Record<string, unknown> {
  const processIds = new Map<string, string>();
  const processes: Record<string, unknown> = {};
  const traceID = stripLeadingZeros(trace.traceId);
  const spans = trace.spans.map((s) => {
    const processKey = JSON.stringify(s.resource);
    let processID = processIds.get(processKey);
    if (!processID) {
      processID = `p${processIds.size + 1}`;
      processIds.set(processKey, processID);
      const { ['service.name']: _service, ...rest } = s.resource;
      processes[processID] = { serviceName: s.serviceName, tags: tags(rest) };
    }
    const references: Array<Record<string, string>> = [];
    if (s.parentSpanId) references.push({ refType: 'CHILD_OF', traceID, spanID: s.parentSpanId });
    for (const l of s.links) references.push({ refType: 'FOLLOWS_FROM', traceID: stripLeadingZeros(l.traceId), spanID: l.spanId });
    const spanTags = tags(s.attributes);
    const scope = 'scope' in s ? (s as DemoSpan).scope : undefined;
    if (scope?.name) spanTags.push(tag('otel.scope.name', scope.name));
    if (scope?.version) spanTags.push(tag('otel.scope.version', scope.version));
    if (s.kind !== 'unspecified' && s.kind !== 'internal') spanTags.push(tag('span.kind', s.kind));
    if (s.status.code === 'ok') spanTags.push(tag('otel.status_code', 'OK'));
    if (s.status.code === 'error') {
      spanTags.push(tag('otel.status_code', 'ERROR'), tag('error', true));
      if (s.status.message) spanTags.push(tag('otel.status_description', s.status.message));
    }
    spanTags.push(tag('internal.span.format', 'otlp'));
    return {
      traceID,
      spanID: s.spanId,
      operationName: s.name,
      references,
      startTime: Math.floor(s.startUs),
      duration: Math.round(s.durationUs),
      tags: spanTags,
      logs: s.events.map((e) => ({ timestamp: Math.floor(e.timeUs), fields: [tag('event', e.name), ...tags(e.attributes)] })),
      processID,
      warnings: null,
      flags: 1,
    };
  });
  return { traceID, spans, processes, warnings: null };
}
