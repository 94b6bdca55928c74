import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { DatasourceConfig } from '../configSchema.ts';
import type { UpstreamTraceContext } from '../telemetry/proxySpan.ts';

// Only what a query needs crosses the proxy. Everything else the browser sends (Cookie,
// Authorization, Origin, Referer, X-Forwarded-*) stays here: the datasource gets Sightline's
// own credentials, never the user's session.
const passthroughRequestHeaders = ['accept', 'accept-encoding', 'content-type', 'user-agent'];
const w3cTraceHeaders = ['traceparent', 'tracestate'];

// Hop-by-hop headers describe one connection, not the message (RFC 9110 §7.6.1). Set-Cookie
// would plant a backend's cookie on Sightline's origin; WWW-Authenticate would make the
// browser pop up a login dialog for a backend whose credentials are Sightline's business.
const droppedResponseHeaders = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'set-cookie',
  'www-authenticate',
]);

export const datasourceHeader = 'X-Sightline-Datasource';

/**
 * The headers sent to the datasource. `traceContext` is the proxy's own span when it traces
 * (so the backend's spans become children of the proxy span); without it the browser's trace
 * headers pass through as they came. Each datasource gets the format it understands: W3C by
 * default, Jaeger's `uber-trace-id` for `propagation: jaeger`, both for `both`.
 */
export function upstreamRequestHeaders(
  incoming: IncomingHttpHeaders,
  datasource: DatasourceConfig,
  method: string,
  traceContext?: UpstreamTraceContext,
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const copy = (name: string) => {
    const value = incoming[name];
    if (value !== undefined) headers[name] = value;
  };
  passthroughRequestHeaders.forEach(copy);
  if (method === 'POST') copy('content-length');
  if (datasource.propagation !== 'jaeger') {
    if (traceContext) Object.assign(headers, w3cHeaders(traceContext));
    else w3cTraceHeaders.forEach(copy);
  }
  if (datasource.propagation !== 'w3c') {
    const uberTraceId = traceContext
      ? uberTraceIdFromTraceparent(traceContext.traceparent)
      : (firstValue(incoming['uber-trace-id']) ?? uberTraceIdFromTraceparent(firstValue(incoming.traceparent)));
    if (uberTraceId) headers['uber-trace-id'] = uberTraceId;
  }
  return { ...headers, ...credentialHeaders(datasource) };
}

function w3cHeaders({ traceparent, tracestate }: UpstreamTraceContext): OutgoingHttpHeaders {
  return tracestate ? { traceparent, tracestate } : { traceparent };
}

/** Basic auth or bearer token, the tenant, then the datasource's own headers (which may override the rest). */
export function credentialHeaders(datasource: DatasourceConfig): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  if (datasource.basicAuth) {
    const { username, password } = datasource.basicAuth;
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  if (datasource.bearerToken) headers.authorization = `Bearer ${datasource.bearerToken}`;
  if (datasource.tenant) headers['x-scope-orgid'] = datasource.tenant;
  for (const [name, value] of Object.entries(datasource.headers ?? {})) headers[name.toLowerCase()] = value;
  return headers;
}

export function downstreamResponseHeaders(upstream: IncomingHttpHeaders, datasourceUid: string): OutgoingHttpHeaders {
  const named = new Set(String(upstream.connection ?? '').toLowerCase().split(',').map((token) => token.trim()));
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (value !== undefined && !droppedResponseHeaders.has(name) && !named.has(name)) headers[name] = value;
  }
  headers[datasourceHeader] = datasourceUid;
  return headers;
}

/**
 * Jaeger's native header from a W3C traceparent, for backends that only understand Jaeger
 * propagation: https://www.jaegertracing.io/docs/latest/client-libraries/#propagation-format
 */
export function uberTraceIdFromTraceparent(traceparent: string | undefined): string | undefined {
  const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(traceparent?.trim() ?? '');
  if (!match) return undefined;
  const [, traceId, spanId, flags] = match;
  return `${traceId}:${spanId}:0:${parseInt(flags!, 16) & 1}`;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
