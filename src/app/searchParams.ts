import { DEFAULT_RANGE } from '../lib/timeRange';

/** Search params every route shares (Grafana's names, so links look familiar). */
export interface GlobalSearch {
  from?: string;
  to?: string;
  refresh?: string;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function validateGlobalSearch(search: Record<string, unknown>): GlobalSearch {
  return { from: str(search.from), to: str(search.to), refresh: str(search.refresh) };
}

export function rangeFromSearch(search: GlobalSearch) {
  return { from: search.from ?? DEFAULT_RANGE.from, to: search.to ?? DEFAULT_RANGE.to };
}

export function validateQuerySearch(search: Record<string, unknown>): { q?: string; ds?: string } {
  return { q: str(search.q), ds: str(search.ds) };
}

export { str as searchString };
