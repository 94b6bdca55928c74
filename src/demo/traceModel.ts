// The demo's own trace model: the normalized `Trace` plus what the wire formats need
// (instrumentation scope per span) and the log events each span writes.

import type { AttributeValue, Span, SpanEvent, SpanKind, SpanLink, SpanStatusCode, Trace } from '../datasources/types.ts';
import { demoSpanId } from './ids.ts';

export interface Scope {
  name: string;
  version?: string;
}

export interface DemoSpan extends Span {
  scope: Scope;
}

export interface DemoTrace extends Trace {
  spans: DemoSpan[];
}

export type LogLevel = 'debug' | 'info' | 'warning' | 'error';

/** A structlog event written while a span was active. */
export interface DemoLogEvent {
  timeUs: number;
  service: string;
  version: string;
  level: LogLevel;
  logger: string;
  event: string;
  fields: Record<string, AttributeValue>;
  traceId?: string;
  spanId?: string;
}

export interface Service {
  name: string;
  version: string;
  resource: Record<string, AttributeValue>;
}

export const DEMO_ENVIRONMENT = 'demo';
const CLUSTER = 'sightline-demo';

function pythonResource(name: string, version: string, host: string, extra: Record<string, AttributeValue> = {}): Service {
  return {
    name,
    version,
    resource: {
      'service.version': version,
      ...extra,
      'deployment.environment': DEMO_ENVIRONMENT,
      'host.name': host,
      'telemetry.sdk.language': 'python',
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.version': '1.22.0',
      'service.name': name,
      'k8s.cluster.name': CLUSTER,
    },
  };
}

export const SERVICES = {
  homebot: pythonResource('homebot', '0.1.0', 'homebot-0'),
  dyocense: pythonResource('dyocense-api', '1.4.2', 'dyocense-api-7d9f8c6b5-x2k4p', { 'service.namespace': 'dyocense' }),
  barcode: {
    name: 'barcode-lookup-provider',
    version: '3.2.0',
    resource: {
      'service.version': '3.2.0',
      'deployment.environment': DEMO_ENVIRONMENT,
      'telemetry.sdk.language': 'java',
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.version': '1.32.0',
      'service.name': 'barcode-lookup-provider',
      'k8s.cluster.name': CLUSTER,
    },
  },
} satisfies Record<string, Service>;

export const SCOPES = {
  fastapi: { name: 'opentelemetry.instrumentation.fastapi', version: '0.43b0' },
  httpx: { name: 'opentelemetry.instrumentation.httpx', version: '0.43b0' },
  redis: { name: 'opentelemetry.instrumentation.redis', version: '0.43b0' },
  asyncpg: { name: 'opentelemetry.instrumentation.asyncpg', version: '0.43b0' },
  tomcat: { name: 'io.opentelemetry.tomcat-10.0', version: '1.32.0-alpha' },
  jdbc: { name: 'io.opentelemetry.jdbc', version: '1.32.0-alpha' },
} satisfies Record<string, Scope>;

export interface SpanSpec {
  parent?: DemoSpan;
  name: string;
  service: Service;
  kind: SpanKind;
  scope: Scope;
  /** Offset from the trace start, µs. */
  atUs: number;
  durationUs: number;
  attributes?: Record<string, AttributeValue>;
  status?: { code: SpanStatusCode; message?: string };
  events?: Array<{ name: string; atUs: number; attributes?: Record<string, AttributeValue> }>;
  links?: SpanLink[];
}

/** Builds one trace and the log lines its spans write, with ids keyed on (seed, bucket, kind). */
export class TraceBuilder {
  readonly spans: DemoSpan[] = [];
  readonly logs: DemoLogEvent[] = [];

  constructor(
    readonly traceId: string,
    readonly startUs: number,
    private readonly idKey: Array<number | string>,
  ) {}

  span(spec: SpanSpec): DemoSpan {
    const events: SpanEvent[] = (spec.events ?? []).map((e) => ({
      name: e.name,
      timeUs: this.startUs + e.atUs,
      attributes: e.attributes ?? {},
    }));
    const span: DemoSpan = {
      spanId: demoSpanId(...this.idKey, this.spans.length),
      parentSpanId: spec.parent?.spanId,
      traceId: this.traceId,
      name: spec.name,
      serviceName: spec.service.name,
      kind: spec.kind,
      startUs: this.startUs + spec.atUs,
      durationUs: spec.durationUs,
      status: spec.status ?? { code: 'unset' },
      attributes: spec.attributes ?? {},
      resource: spec.service.resource,
      events,
      links: spec.links ?? [],
      scope: spec.scope,
    };
    if (!span.parentSpanId) delete span.parentSpanId;
    this.spans.push(span);
    return span;
  }

  /** A log line written inside `span`, `atUs` after the trace start. */
  log(span: DemoSpan, atUs: number, level: LogLevel, logger: string, event: string, fields: Record<string, AttributeValue> = {}): void {
    const service = span.resource['service.name'] as string;
    const version = span.resource['service.version'] as string;
    this.logs.push({ timeUs: this.startUs + atUs, service, version, level, logger, event, fields, traceId: this.traceId, spanId: span.spanId });
  }

  build(): { trace: DemoTrace; logs: DemoLogEvent[] } {
    return { trace: { traceId: this.traceId, spans: this.spans }, logs: this.logs };
  }
}

/** The root span (the one without a parent id); undefined for a rootless trace. */
export function rootSpan<T extends Span>(spans: T[]): T | undefined {
  return spans.find((s) => !s.parentSpanId);
}

export function traceBoundsUs(trace: Trace): { startUs: number; endUs: number } {
  let startUs = Infinity;
  let endUs = -Infinity;
  for (const s of trace.spans) {
    if (s.startUs < startUs) startUs = s.startUs;
    if (s.startUs + s.durationUs > endUs) endUs = s.startUs + s.durationUs;
  }
  return { startUs, endUs };
}
