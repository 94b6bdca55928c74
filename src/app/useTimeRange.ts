import { useMemo } from 'react';
import { rootRoute } from './router';
import { rangeFromSearch } from './searchParams';
import { useRefreshStore } from './refresh';
import { resolveRange, TimeRangeError, type ResolvedRange, type TimeRange } from '../lib/timeRange';

export interface TimeRangeState {
  range: TimeRange;
  /** null when the URL holds a range that cannot be read; `error` says why. */
  resolved: ResolvedRange | null;
  error: string | null;
}

/** The URL's time range, resolved against the shared refresh clock. */
export function useTimeRange(): TimeRangeState {
  const search = rootRoute.useSearch();
  const nowMs = useRefreshStore((s) => s.nowMs);
  const range = rangeFromSearch(search);
  return useMemo(() => {
    try {
      return { range, resolved: resolveRange(range, nowMs), error: null };
    } catch (e) {
      return { range, resolved: null, error: e instanceof TimeRangeError ? e.message : String(e) };
    }
    // range is rebuilt each render; its two strings are what matters.
  }, [range.from, range.to, nowMs]);
}
