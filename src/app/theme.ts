import { useEffect, useSyncExternalStore } from 'react';
import { usePreferences } from './preferences';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void) {
  const query = darkQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The theme in force: the user's choice, or the system's when they chose "system". */
export function useResolvedTheme(): 'light' | 'dark' {
  const preference = usePreferences((p) => p.theme);
  const systemDark = useSyncExternalStore(subscribe, () => darkQuery().matches);
  if (preference === 'system') return systemDark ? 'dark' : 'light';
  return preference;
}

export function useApplyTheme(override?: 'light' | 'dark') {
  const resolved = useResolvedTheme();
  const theme = override ?? resolved;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
