// URL state of /traces: a TraceQL query for Tempo, or Jaeger's search form fields. Imported by
// the router, so it stays free of dependencies.

export interface TraceSearchParams {
  q?: string;
  ds?: string;
  /** Jaeger search. */
  service?: string;
  operation?: string;
  /** logfmt, as Jaeger UI takes them: `http.status_code=500 error=true`. */
  tags?: string;
  minDuration?: string;
  maxDuration?: string;
  limit?: number;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function validateTraceSearch(search: Record<string, unknown>): TraceSearchParams {
  const limit = Number(search.limit);
  return {
    q: str(search.q),
    ds: str(search.ds),
    service: str(search.service),
    operation: str(search.operation),
    tags: str(search.tags),
    minDuration: str(search.minDuration),
    maxDuration: str(search.maxDuration),
    limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, 1500) : undefined,
  };
}
