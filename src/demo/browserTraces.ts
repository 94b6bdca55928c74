// Demo mode has no proxy and no backends, so the browser's own traces would stop at its fetch
// spans. Each fetch to the datasource proxy gets the spans the real stack would add beneath it:
// Sightline's proxy server span (as src/server/telemetry/proxySpan.ts records it) and the
// backend's server span, marked `sightline.demo.synthetic` so nobody mistakes them for measurements.

import type { AttributeValue } from '../datasources/types.ts';
import { demoSpanId } from './ids.ts';
import type { DemoSpan, DemoTrace } from './traceModel.ts';

const PROXY_PATH = /\/api\/datasources\/proxy\/uid\/([^/]+)\/([^?]*)/;

// The demo datasources' uids are their types (src/demo/handlers.ts DEMO_UIDS).
const BACKEND_SERVICE: Record<string, string> = { prometheus: 'prometheus', loki: 'loki', tempo: 'tempo', jaeger: 'jaeger-query' };

/** The trace with synthetic proxy and backend spans under each proxied fetch span. */
export function withSyntheticBackendSpans(trace: DemoTrace): DemoTrace {
  const synthetic: DemoSpan[] = [];
  for (const fetchSpan of trace.spans) {
    const url = fetchSpan.attributes['url.full'] ?? fetchSpan.attributes['http.url'];
    const match = typeof url === 'string' && fetchSpan.kind === 'client' ? PROXY_PATH.exec(url) : null;
    if (!match) continue;
    const [, uid, path] = match as unknown as [string, string, string];
    const method = String(fetchSpan.attributes['http.request.method'] ?? fetchSpan.attributes['http.method'] ?? 'GET');
    const status = fetchSpan.attributes['http.response.status_code'] ?? fetchSpan.attributes['http.status_code'] ?? 200;
    // Network time on either side: a small share of the fetch, at least a few µs.
    const gapUs = Math.max(5, fetchSpan.durationUs * 0.04);
    const proxy = childOf(fetchSpan, 'proxy', gapUs, {
      name: `${method} /api/datasources/proxy/uid/:uid/*`,
      serviceName: 'sightline-proxy',
      attributes: {
        'http.method': method,
        'http.route': '/api/datasources/proxy/uid/:uid/*',
        'http.target': `/api/datasources/proxy/uid/${uid}/${path}`,
        'http.status_code': status,
        'sightline.datasource.uid': uid,
        'sightline.datasource.type': uid,
      },
    });
    const backend = childOf(proxy, 'backend', gapUs, {
      name: `${method} /${path}`,
      serviceName: BACKEND_SERVICE[uid] ?? uid,
      attributes: { 'http.method': method, 'http.target': `/${path}`, 'http.status_code': status },
    });
    synthetic.push(proxy, backend);
  }
  return synthetic.length ? { ...trace, spans: [...trace.spans, ...synthetic] } : trace;
}

function childOf(
  parent: DemoSpan,
  role: string,
  gapUs: number,
  fields: { name: string; serviceName: string; attributes: Record<string, AttributeValue> },
): DemoSpan {
  return {
    traceId: parent.traceId,
    spanId: demoSpanId('browser-trace', role, parent.spanId),
    parentSpanId: parent.spanId,
    name: fields.name,
    serviceName: fields.serviceName,
    kind: 'server',
    startUs: parent.startUs + gapUs,
    durationUs: Math.max(1, parent.durationUs - 2 * gapUs),
    status: { code: Number(fields.attributes['http.status_code']) >= 500 ? 'error' : 'unset' },
    attributes: { ...fields.attributes, 'sightline.demo.synthetic': true },
    resource: { 'service.name': fields.serviceName, 'deployment.environment': 'demo' },
    events: [],
    links: [],
    scope: { name: 'sightline-demo' },
  };
}
