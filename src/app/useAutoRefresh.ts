import { useEffect } from 'react';
import { rootRoute } from './router';
import { useRefreshStore } from './refresh';
import { parseDuration } from '../lib/timeRange';

/** Minimum auto-refresh period: protects backends from `refresh=100ms` links. */
const MIN_REFRESH_MS = 5000;

export function useAutoRefresh() {
  const { refresh } = rootRoute.useSearch();
  const bump = useRefreshStore((s) => s.refresh);
  useEffect(() => {
    const period = refresh ? parseDuration(refresh) : null;
    if (!period) return;
    const id = window.setInterval(bump, Math.max(period, MIN_REFRESH_MS));
    return () => window.clearInterval(id);
  }, [refresh, bump]);
}
