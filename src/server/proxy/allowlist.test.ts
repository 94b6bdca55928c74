import type { DatasourceType } from '../../datasources/types.ts';
import { checkProxyRequest, isWebSocketPath } from './allowlist.ts';

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('checkProxyRequest allows read-only query endpoints', () => {
  it.each<[DatasourceType, string]>([
    ['prometheus', 'api/v1/query'],
    ['prometheus', 'api/v1/query_range'],
    ['prometheus', 'api/v1/series'],
    ['prometheus', 'api/v1/labels'],
    ['prometheus', 'api/v1/label/__name__/values'],
    ['prometheus', 'api/v1/label/U__http_2e_method/values'],
    ['prometheus', 'api/v1/metadata'],
    ['prometheus', 'api/v1/targets'],
    ['prometheus', 'api/v1/alerts'],
    ['prometheus', 'api/v1/rules'],
    ['prometheus', 'api/v1/status/buildinfo'],
    ['prometheus', 'api/v1/query_exemplars'],
    ['prometheus', 'api/v1/format_query'],
    ['prometheus', '-/ready'],
    ['prometheus', '-/healthy'],
    ['loki', 'loki/api/v1/query'],
    ['loki', 'loki/api/v1/query_range'],
    ['loki', 'loki/api/v1/labels'],
    ['loki', 'loki/api/v1/label/service_name/values'],
    ['loki', 'loki/api/v1/series'],
    ['loki', 'loki/api/v1/index/stats'],
    ['loki', 'loki/api/v1/index/volume'],
    ['loki', 'loki/api/v1/index/volume_range'],
    ['loki', 'loki/api/v1/tail'],
    ['loki', 'loki/api/v1/detected_fields'],
    ['loki', 'loki/api/v1/detected_labels'],
    ['loki', 'loki/api/v1/status/buildinfo'],
    ['loki', 'loki/api/v1/format_query'],
    ['loki', 'ready'],
    ['tempo', `api/traces/${traceId}`],
    ['tempo', `api/v2/traces/${traceId}`],
    ['tempo', 'api/traces/abc123'],
    ['tempo', 'api/search'],
    ['tempo', 'api/search/tags'],
    ['tempo', 'api/search/tag/service.name/values'],
    ['tempo', 'api/v2/search/tags'],
    ['tempo', 'api/v2/search/tag/resource.service.name/values'],
    ['tempo', 'api/status/buildinfo'],
    ['tempo', 'api/echo'],
    ['tempo', 'ready'],
    ['jaeger', 'api/traces'],
    ['jaeger', `api/traces/${traceId}`],
    ['jaeger', 'api/services'],
    ['jaeger', 'api/services/frontend/operations'],
    ['jaeger', 'api/services/my%20service/operations'],
    ['jaeger', 'api/dependencies'],
  ])('%s GET %s', (type, path) => {
    expect(checkProxyRequest(type, 'GET', path)).toEqual({ ok: true, path });
    expect(checkProxyRequest(type, 'HEAD', path)).toEqual({ ok: true, path });
  });
});

describe('checkProxyRequest allows form-encoded POST where the backend takes it', () => {
  it.each<[DatasourceType, string]>([
    ['prometheus', 'api/v1/query'],
    ['prometheus', 'api/v1/query_range'],
    ['prometheus', 'api/v1/series'],
    ['prometheus', 'api/v1/labels'],
    ['prometheus', 'api/v1/query_exemplars'],
    ['prometheus', 'api/v1/format_query'],
    ['loki', 'loki/api/v1/query'],
    ['loki', 'loki/api/v1/query_range'],
    ['loki', 'loki/api/v1/series'],
  ])('%s POST %s', (type, path) => {
    expect(checkProxyRequest(type, 'POST', path, form)).toEqual({ ok: true, path });
    expect(checkProxyRequest(type, 'post', path, { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' }).ok).toBe(true);
  });

  it('refuses a POST body that is not form-encoded', () => {
    expect(checkProxyRequest('prometheus', 'POST', 'api/v1/query', { 'content-type': 'application/json' })).toEqual({
      ok: false,
      reason: 'POST to api/v1/query must be application/x-www-form-urlencoded',
    });
    expect(checkProxyRequest('loki', 'POST', 'loki/api/v1/query_range').ok).toBe(false);
  });
});

describe('checkProxyRequest refuses', () => {
  it.each<[string, DatasourceType, string, string, RegExp]>([
    // admin and write endpoints
    ['Prometheus delete_series', 'prometheus', 'POST', 'api/v1/admin/tsdb/delete_series', /not an allowed prometheus query endpoint/],
    ['Prometheus snapshot', 'prometheus', 'POST', 'api/v1/admin/tsdb/snapshot', /not an allowed/],
    ['Prometheus clean_tombstones', 'prometheus', 'POST', 'api/v1/admin/tsdb/clean_tombstones', /not an allowed/],
    ['Prometheus quit', 'prometheus', 'POST', '-/quit', /not an allowed/],
    ['Prometheus quit via GET', 'prometheus', 'GET', '-/quit', /not an allowed/],
    ['Prometheus reload', 'prometheus', 'POST', '-/reload', /not an allowed/],
    ['Prometheus remote write', 'prometheus', 'POST', 'api/v1/write', /not an allowed/],
    ['Prometheus OTLP write', 'prometheus', 'POST', 'api/v1/otlp/v1/metrics', /not an allowed/],
    ['Prometheus DELETE series', 'prometheus', 'DELETE', 'api/v1/series', /method DELETE is not allowed/],
    ['Prometheus POST metadata', 'prometheus', 'POST', 'api/v1/metadata', /method POST is not allowed on api\/v1\/metadata/],
    ['Prometheus config (may hold secrets)', 'prometheus', 'GET', 'api/v1/status/config', /not an allowed/],
    ['Prometheus trailing slash', 'prometheus', 'GET', 'api/v1/query/', /empty path segment/],
    ['Prometheus encoded literal', 'prometheus', 'GET', 'api/v1/%71uery', /not an allowed/],
    ['Prometheus wrong case', 'prometheus', 'GET', 'API/v1/query', /not an allowed/],
    ['Loki push', 'loki', 'POST', 'loki/api/v1/push', /not an allowed loki query endpoint/],
    ['Loki legacy push', 'loki', 'POST', 'api/prom/push', /not an allowed/],
    ['Loki flush', 'loki', 'POST', 'flush', /not an allowed/],
    ['Loki ingester shutdown', 'loki', 'POST', 'ingester/shutdown', /not an allowed/],
    ['Loki delete request', 'loki', 'POST', 'loki/api/v1/delete', /not an allowed/],
    ['Loki POST labels', 'loki', 'POST', 'loki/api/v1/labels', /method POST is not allowed/],
    ['Loki Prometheus endpoint on a Loki datasource', 'loki', 'GET', 'api/v1/query', /not an allowed/],
    ['Tempo flush', 'tempo', 'POST', 'flush', /not an allowed tempo query endpoint/],
    ['Tempo flush via GET', 'tempo', 'GET', 'flush', /not an allowed/],
    ['Tempo shutdown', 'tempo', 'POST', 'shutdown', /not an allowed/],
    ['Tempo POST search', 'tempo', 'POST', 'api/search', /method POST is not allowed/],
    ['Tempo non-hex trace id', 'tempo', 'GET', 'api/traces/notanid', /not an allowed/],
    ['Tempo too long trace id', 'tempo', 'GET', `api/traces/${traceId}0`, /not an allowed/],
    ['Tempo OTLP ingest', 'tempo', 'POST', 'v1/traces', /not an allowed/],
    ['Jaeger unlisted', 'jaeger', 'GET', 'api/archive/abc', /not an allowed jaeger query endpoint/],
    ['Jaeger POST traces', 'jaeger', 'POST', 'api/traces', /method POST is not allowed/],
    ['Jaeger operations without service', 'jaeger', 'GET', 'api/services/operations', /not an allowed/],
    // methods
    ['PUT', 'prometheus', 'PUT', 'api/v1/query', /method PUT is not allowed/],
    ['DELETE', 'loki', 'DELETE', 'loki/api/v1/query', /method DELETE is not allowed/],
    ['PATCH', 'tempo', 'PATCH', 'api/search', /method PATCH is not allowed/],
    ['OPTIONS', 'jaeger', 'OPTIONS', 'api/services', /method OPTIONS is not allowed/],
    ['TRACE', 'prometheus', 'TRACE', 'api/v1/query', /method TRACE is not allowed/],
    ['CONNECT', 'prometheus', 'CONNECT', 'api/v1/query', /method CONNECT is not allowed/],
    // path tricks
    ['dot-dot', 'prometheus', 'GET', 'api/v1/../../-/quit', /dot segment/],
    ['dot-dot after allowed prefix', 'prometheus', 'GET', 'api/v1/label/../../admin/tsdb/delete_series', /dot segment/],
    ['single dot', 'prometheus', 'GET', 'api/./v1/query', /dot segment/],
    ['encoded dot-dot', 'prometheus', 'GET', 'api/v1/label/%2e%2e/values', /encoded character %2e/],
    ['upper-case encoded dot', 'prometheus', 'GET', 'api/v1/label/%2E%2E/values', /encoded character %2E/],
    ['half-encoded dot-dot', 'prometheus', 'GET', 'api/v1/label/.%2e/values', /encoded character %2e/],
    ['encoded slash', 'prometheus', 'GET', 'api/v1/label/a%2fb/values', /encoded character %2f/],
    ['upper-case encoded slash', 'loki', 'GET', 'loki/api/v1/label/..%2F..%2Fpush/values', /encoded character %2F/],
    ['encoded backslash', 'prometheus', 'GET', 'api/v1/label/a%5cb/values', /encoded character %5c/],
    ['backslash', 'prometheus', 'GET', 'api/v1\\..\\-/quit', /backslash/],
    ['double slash', 'prometheus', 'GET', 'api//v1/query', /empty path segment/],
    ['leading slash', 'prometheus', 'GET', '/api/v1/query', /empty path segment/],
    ['null byte', 'prometheus', 'GET', 'api/v1/query\u0000', /control character/],
    ['encoded null byte', 'prometheus', 'GET', 'api/v1/label/a%00/values', /encoded character %00/],
    ['encoded newline', 'jaeger', 'GET', 'api/services/a%0d%0aX-Injected:1/operations', /encoded control character/],
    ['double-encoded dot', 'prometheus', 'GET', 'api/v1/label/%252e%252e/values', /encoded character %25/],
    ['double-encoded slash', 'tempo', 'GET', 'api/search/tag/%252f/values', /encoded character %25/],
    ['malformed encoding', 'jaeger', 'GET', 'api/services/%zz/operations', /malformed percent-encoding/],
    ['empty path', 'prometheus', 'GET', '', /empty path/],
  ])('%s', (_name, type, method, path, reason) => {
    const result = checkProxyRequest(type, method, path, method === 'POST' ? form : {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it.each(['X-HTTP-Method-Override', 'X-HTTP-Method', 'X-Method-Override'])('the method override header %s', (header) => {
    // Node lower-cases incoming header names.
    const result = checkProxyRequest('prometheus', 'GET', 'api/v1/query', { [header.toLowerCase()]: 'DELETE' });
    expect(result).toEqual({ ok: false, reason: `method override header ${header.toLowerCase()} is not allowed` });
    expect(checkProxyRequest('prometheus', 'POST', 'api/v1/query', { ...form, [header.toLowerCase()]: 'GET' }).ok).toBe(false);
  });
});

describe('isWebSocketPath', () => {
  it('allows only Loki tail', () => {
    expect(isWebSocketPath('loki', 'loki/api/v1/tail')).toBe(true);
    expect(isWebSocketPath('loki', 'loki/api/v1/query')).toBe(false);
    expect(isWebSocketPath('prometheus', 'loki/api/v1/tail')).toBe(false);
    expect(isWebSocketPath('tempo', 'api/search')).toBe(false);
  });
});
