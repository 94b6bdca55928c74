import { searchString } from '../../app/searchParams';

export type VarSearch = { [key: `var-${string}`]: string | string[] | undefined };
export type DashboardSearch = VarSearch & { viewPanel?: string; kiosk?: boolean };

/** Keeps `var-NAME` (one value or several) and `viewPanel`: the dashboard's state in its link. */
export function validateDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  // `?kiosk` (no value) or `kiosk=true`: the dashboard alone, for the team TV.
  // Judged by value: objects handed over by navigate() can carry the key with `undefined`.
  const kiosk = search.kiosk !== undefined && search.kiosk !== 'false' && search.kiosk !== false ? true : undefined;
  const out: DashboardSearch = { viewPanel: searchString(search.viewPanel), kiosk };
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
