import { searchString } from '../../app/searchParams';

export type VarSearch = { [key: `var-${string}`]: string | string[] | undefined };
export type DashboardSearch = VarSearch & { viewPanel?: string };

/** Keeps `var-NAME` (one value or several) and `viewPanel`: the dashboard's state in its link. */
export function validateDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  const out: DashboardSearch = { viewPanel: searchString(search.viewPanel) };
  for (const [key, value] of Object.entries(search)) {
    if (!key.startsWith('var-')) continue;
    if (Array.isArray(value)) out[key as `var-${string}`] = value.map(String);
    else if (value !== undefined && value !== null && value !== '') out[key as `var-${string}`] = String(value);
  }
  return out;
}

export function validateDashboardListSearch(search: Record<string, unknown>): { query?: string; tag?: string } {
  return { query: searchString(search.query), tag: searchString(search.tag) };
}
