import type { DatasourceType } from '../../datasources/types.ts';

// The proxy is read-only: every backend path it forwards must match one of these query
// endpoints. `:name` matches one path segment, `:id` a hex trace id. `post` marks the
// endpoints whose backend also takes the query as a form-encoded POST body (long PromQL or
// LogQL that would not fit in a URL).
// Prometheus: https://prometheus.io/docs/prometheus/latest/querying/api/
// Loki: https://grafana.com/docs/loki/latest/reference/loki-http-api/
// Tempo: https://grafana.com/docs/tempo/latest/api_docs/
// Jaeger: the query service's internal HTTP API (what Jaeger UI calls).

interface Endpoint {
  pattern: string;
  post?: true;
}

const prometheus: Endpoint[] = [
  { pattern: 'api/v1/query', post: true },
  { pattern: 'api/v1/query_range', post: true },
  { pattern: 'api/v1/series', post: true },
  { pattern: 'api/v1/labels', post: true },
  { pattern: 'api/v1/label/:name/values' },
  { pattern: 'api/v1/metadata' },
  { pattern: 'api/v1/targets' },
  { pattern: 'api/v1/alerts' },
  { pattern: 'api/v1/rules' },
  { pattern: 'api/v1/status/buildinfo' },
  { pattern: 'api/v1/query_exemplars', post: true },
  { pattern: 'api/v1/format_query', post: true },
  { pattern: '-/ready' },
  { pattern: '-/healthy' },
];

const loki: Endpoint[] = [
  { pattern: 'loki/api/v1/query', post: true },
  { pattern: 'loki/api/v1/query_range', post: true },
  { pattern: 'loki/api/v1/labels' },
  { pattern: 'loki/api/v1/label/:name/values' },
  { pattern: 'loki/api/v1/series', post: true },
  { pattern: 'loki/api/v1/index/stats' },
  { pattern: 'loki/api/v1/index/volume' },
  { pattern: 'loki/api/v1/index/volume_range' },
  { pattern: 'loki/api/v1/tail' },
  { pattern: 'loki/api/v1/detected_fields' },
  { pattern: 'loki/api/v1/detected_labels' },
  { pattern: 'loki/api/v1/status/buildinfo' },
  { pattern: 'loki/api/v1/format_query' },
  { pattern: 'ready' },
];

const tempo: Endpoint[] = [
  { pattern: 'api/traces/:id' },
  { pattern: 'api/v2/traces/:id' },
  { pattern: 'api/search' },
  { pattern: 'api/search/tags' },
  { pattern: 'api/search/tag/:name/values' },
  { pattern: 'api/v2/search/tags' },
  { pattern: 'api/v2/search/tag/:name/values' },
  { pattern: 'api/status/buildinfo' },
  { pattern: 'api/echo' },
  { pattern: 'ready' },
];

const jaeger: Endpoint[] = [
  { pattern: 'api/traces' },
  { pattern: 'api/traces/:id' },
  { pattern: 'api/services' },
  { pattern: 'api/services/:name/operations' },
  { pattern: 'api/dependencies' },
];

const endpointsByType: Record<DatasourceType, Endpoint[]> = { prometheus, loki, tempo, jaeger };

/** Paths that may be opened as a WebSocket (Loki's live tail). */
const webSocketPaths: Partial<Record<DatasourceType, string[]>> = { loki: ['loki/api/v1/tail'] };

const methodOverrideHeaders = ['x-http-method-override', 'x-http-method', 'x-method-override'];

export type ProxyCheck = { ok: true; path: string } | { ok: false; reason: string };

type Headers = Record<string, string | string[] | undefined>;

/**
 * Decides whether the proxy may forward a request. `rawPath` is the backend path exactly as
 * it appeared in the request URL (still percent-encoded, no query string); on success the
 * same path is returned for forwarding, because the backend must see what we checked.
 * Pass the request headers to also refuse method-override headers and non-form POST bodies.
 */
export function checkProxyRequest(type: DatasourceType, method: string, rawPath: string, headers: Headers = {}): ProxyCheck {
  const trick = findPathTrick(rawPath);
  if (trick) return refuse(`path refused: ${trick}`);

  const override = methodOverrideHeaders.find((name) => headers[name] !== undefined);
  if (override) return refuse(`method override header ${override} is not allowed`);

  const segments = rawPath.split('/');
  const endpoint = endpointsByType[type].find((candidate) => matches(candidate.pattern, segments));
  if (!endpoint) return refuse(`${rawPath} is not an allowed ${type} query endpoint`);

  const upper = method.toUpperCase();
  if (upper === 'GET' || upper === 'HEAD') return { ok: true, path: rawPath };
  if (upper !== 'POST' || !endpoint.post) return refuse(`method ${upper} is not allowed on ${rawPath}`);
  const contentType = String(headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') {
    return refuse(`POST to ${rawPath} must be application/x-www-form-urlencoded`);
  }
  return { ok: true, path: rawPath };
}

export function isWebSocketPath(type: DatasourceType, path: string): boolean {
  return webSocketPaths[type]?.includes(path) ?? false;
}

function refuse(reason: string): ProxyCheck {
  return { ok: false, reason };
}

/**
 * Anything that could make the backend (or a reverse proxy in front of it) resolve a
 * different path than the one we matched: dot segments, encoded dots or separators,
 * double encoding, empty segments, control characters.
 */
function findPathTrick(rawPath: string): string | undefined {
  if (rawPath === '') return 'empty path';
  if (rawPath.includes('\\')) return 'backslash';
  if (/[\u0000-\u001f\u007f]/.test(rawPath)) return 'control character';
  const encoded = /%(2e|2f|5c|25|00)/i.exec(rawPath);
  if (encoded) return `encoded character ${encoded[0]}`;
  const segments = rawPath.split('/');
  if (segments.includes('')) return 'empty path segment (double or leading slash)';
  if (segments.some((segment) => segment === '.' || segment === '..')) return 'dot segment';
  for (const segment of segments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 'malformed percent-encoding';
    }
    if (/[\u0000-\u001f\u007f]/.test(decoded)) return 'encoded control character';
  }
  return undefined;
}

// Fixed parts must match literally (an encoded `%71uery` is refused, not decoded); only
// `:name` segments may carry percent-encoding, e.g. a Jaeger service name with a space.
function matches(pattern: string, segments: string[]): boolean {
  const parts = pattern.split('/');
  if (parts.length !== segments.length) return false;
  return parts.every((part, index) => {
    const segment = segments[index]!;
    if (part === ':id') return /^[0-9a-fA-F]{1,32}$/.test(segment);
    if (part === ':name') return true;
    return part === segment;
  });
}
