import type { IncomingHttpHeaders } from 'node:http';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, type Span, type TextMapGetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { DatasourceConfig } from '../configSchema.ts';
import type { ServerTracing } from './nodeTracing.ts';

/** The trace context the proxy sends upstream in place of the browser's. */
export interface UpstreamTraceContext {
  traceparent: string;
  tracestate?: string;
}

export interface ProxySpan {
  upstream: UpstreamTraceContext;
  /** Marks the moment the backend's answer began (its status is known then). */
  responded: (status: number) => void;
  countBytes: (bytes: number) => void;
  /** Ends the span; `error` when the exchange broke (backend unreachable, timeout, client gone). */
  end: (error?: { status?: number; message: string }) => void;
}

const w3c = new W3CTraceContextPropagator();
const headerGetter: TextMapGetter<IncomingHttpHeaders> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key.toLowerCase()],
};

// One route name for every proxied path keeps span names low-cardinality (as in fixture trace C).
const proxyRoute = '/api/datasources/proxy/uid/:uid/*';

/**
 * A SERVER span for one proxied request: the child of the browser's `traceparent` (or a root
 * when there is none), and the parent of whatever the backend records, since its own context
 * is what goes upstream.
 */
export function startProxySpan(tracing: ServerTracing, incoming: IncomingHttpHeaders, datasource: DatasourceConfig, method: string, path: string): ProxySpan {
  const parent = w3c.extract(ROOT_CONTEXT, incoming, headerGetter);
  const started = performance.now();
  const span: Span = tracing.tracer.startSpan(
    `${method} ${proxyRoute}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'http.method': method,
        'http.route': proxyRoute,
        'http.target': `/api/datasources/proxy/uid/${datasource.uid}/${path}`,
        'sightline.datasource.uid': datasource.uid,
        'sightline.datasource.type': datasource.type,
      },
    },
    parent,
  );
  const { traceId, spanId, traceFlags, traceState } = span.spanContext();
  let bytes = 0;
  let status: number | undefined;
  let ended = false;
  return {
    upstream: {
      traceparent: `00-${traceId}-${spanId}-0${traceFlags & 1}`,
      tracestate: traceState?.serialize() || undefined,
    },
    responded: (code) => {
      status = code;
      span.setAttributes({ 'http.status_code': code, 'sightline.upstream.first_byte_ms': Math.round(performance.now() - started) });
      // A server span's 4xx is the caller's mistake (a PromQL typo), not the proxy's failure.
      if (code >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `upstream answered ${code}` });
    },
    countBytes: (count) => {
      bytes += count;
    },
    end: (error) => {
      if (ended) return;
      ended = true;
      if (error) {
        if (status === undefined && error.status) span.setAttribute('http.status_code', error.status);
        span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      }
      span.setAttributes({ 'sightline.upstream.bytes': bytes, 'sightline.upstream.duration_ms': Math.round(performance.now() - started) });
      span.end();
    },
  };
}

