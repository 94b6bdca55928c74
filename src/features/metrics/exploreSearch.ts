import { searchString } from '../../app/searchParams';

export interface ExploreSearch {
  /** One PromQL expression per query row; repeated `q` params keep their order. */
  q?: string | string[];
  ds?: string;
  tab?: 'graph' | 'table';
}

export function validateExploreSearch(search: Record<string, unknown>): ExploreSearch {
  const q = Array.isArray(search.q) ? search.q.map(String) : searchString(search.q);
  const tab = search.tab === 'table' ? 'table' : undefined;
  return { q, ds: searchString(search.ds), tab };
}

/** The query rows a search holds: at least one, possibly empty. */
export function exploreQueries(q: string | string[] | undefined): string[] {
  if (Array.isArray(q)) return q.length ? q : [''];
  return [q ?? ''];
}
