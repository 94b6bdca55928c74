import { searchString } from '../../app/searchParams';
import { validateDashboardSearch, type VarSearch } from '../dashboards/dashboardSearch';

export type EmbedSearch = VarSearch & { theme?: 'light' | 'dark'; transparent?: boolean; hideTitle?: boolean };

// `?transparent` arrives as '' from the URL; navigate() may hand over the key with `undefined`.
const yes = (value: unknown) => value === true || value === 'true' || value === '1' || value === '';

/** `theme=light|dark`, `transparent`, `hideTitle` and the dashboard's `var-NAME` values. */
export function validateEmbedSearch(search: Record<string, unknown>): EmbedSearch {
  const { viewPanel: _ignored, ...vars } = validateDashboardSearch(search);
  const theme = searchString(search.theme);
  return {
    ...vars,
    theme: theme === 'light' || theme === 'dark' ? theme : undefined,
    transparent: yes(search.transparent) ? true : undefined,
    hideTitle: yes(search.hideTitle) ? true : undefined,
  };
}
