import { context, propagation, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { RequestTrace } from '../datasources/http';

/**
 * Trace bodies, the largest responses by far (35 MB at 100,000 spans): traced here, not by the
 * fetch instrumentation, which reads a copy of every response to see where it ends. That copy
 * competed with our own streamed read and cost 100-200 ms on a 100,000-span trace.
 */
export const SELF_TRACED_URL = /\/api\/datasources\/proxy\/uid\/[^/?#]+\/api\/(?:v2\/)?traces\/[0-9a-fA-F]+(?:[?#]|$)/;

/**
 * The span the fetch instrumentation would make (same name, kind and attributes), child of the
 * active context (the view's query span), with `traceparent` for the proxy; it ends when the
 * client has read the body, or the request failed.
 */
export function selfTracedRequest(tracer: Tracer) {
  return (method: string, url: string): RequestTrace | undefined => {
    if (!SELF_TRACED_URL.test(url)) return undefined;
    const parent = context.active();
    const span = tracer.startSpan(
      method,
      { kind: SpanKind.CLIENT, attributes: { 'http.request.method': method, 'url.full': new URL(url, globalThis.location?.href ?? 'http://localhost/').href } },
      parent,
    );
    const headers: Record<string, string> = {};
    propagation.inject(trace.setSpan(parent, span), headers);
    let ended = false;
    return {
      headers,
      end({ status, error }) {
        if (ended) return;
        ended = true;
        if (status !== undefined) span.setAttribute('http.response.status_code', status);
        if (error !== undefined || (status !== undefined && status >= 400)) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : status !== undefined ? `HTTP ${status}` : String(error) });
        }
        span.end();
      },
    };
  };
}
