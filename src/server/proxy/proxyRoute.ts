/** The Grafana-compatible prefix, so `curl .../api/datasources/proxy/uid/prometheus/api/v1/query?query=up` works. */
export const proxyPrefix = '/api/datasources/proxy/uid/';

export interface ProxyRoute {
  uid: string;
  /** Backend path, still percent-encoded, without the leading slash. */
  rawPath: string;
  /** Query string without `?`, passed on byte for byte. */
  query: string;
}

/** Splits `/api/datasources/proxy/uid/<uid>/<path>?<query>`; undefined when the URL is not a proxy URL. */
export function parseProxyRoute(url: string): ProxyRoute | undefined {
  if (!url.startsWith(proxyPrefix)) return undefined;
  const rest = url.slice(proxyPrefix.length);
  const queryStart = rest.indexOf('?');
  const pathPart = queryStart === -1 ? rest : rest.slice(0, queryStart);
  const query = queryStart === -1 ? '' : rest.slice(queryStart + 1);
  const slash = pathPart.indexOf('/');
  const encodedUid = slash === -1 ? pathPart : pathPart.slice(0, slash);
  let uid: string;
  try {
    uid = decodeURIComponent(encodedUid);
  } catch {
    uid = encodedUid;
  }
  return { uid, rawPath: slash === -1 ? '' : pathPart.slice(slash + 1), query };
}
