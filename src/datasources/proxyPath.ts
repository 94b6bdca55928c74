/** Grafana-compatible proxy URL for a datasource's backend path. */
export function proxyUrl(uid: string, path: string, params?: URLSearchParams | Record<string, string>): string {
  const base = `/api/datasources/proxy/uid/${encodeURIComponent(uid)}/${path.replace(/^\/+/, '')}`;
  if (!params) return base;
  const search = params instanceof URLSearchParams ? params : new URLSearchParams(params);
  const qs = search.toString();
  return qs ? `${base}?${qs}` : base;
}
