import { useCallback } from 'react';
import { keepPreviousData, useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { inspectedInstant, inspectedRange, type Inspected } from './inspectedQuery';
import type { InstantSample, TimeSeries } from '../../datasources/types';
import { useRefreshStore } from '../../app/refresh';

export interface ExploreWindow {
  fromMs: number;
  toMs: number;
  stepMs: number;
}

type Result = Inspected<TimeSeries[]> | Inspected<InstantSample[]>;

/** One request per non-empty query: query_range for the graph, an instant query for the table. */
export function useExploreQueries(uid: string | undefined, exprs: string[], tab: 'graph' | 'table', w: ExploreWindow | null) {
  const client = useQueryClient();
  // Refresh (the button or refresh=) re-queries even when the step-aligned window has not moved.
  const refreshTick = useRefreshStore((s) => s.nowMs);
  const keys = exprs.map((expr) =>
    tab === 'graph'
      ? (['prometheus', 'explore', 'query_range', uid, expr, w?.fromMs, w?.toMs, w?.stepMs, refreshTick] as const)
      : (['prometheus', 'explore', 'query', uid, expr, w?.toMs, refreshTick] as const),
  );
  // As `combine`, rerun only when a result changes: the series array keeps its identity otherwise,
  // so the memoized chart is not redrawn by unrelated re-renders (typing in the editor).
  const combine = useCallback(
    (results: UseQueryResult<Result>[]) => ({
      results,
      series: tab === 'graph' ? results.flatMap((r) => (r.data?.data as TimeSeries[] | undefined) ?? []) : [],
    }),
    [tab],
  );
  const { results, series } = useQueries({
    combine,
    queries: exprs.map((expr, i) => ({
      queryKey: keys[i],
      enabled: Boolean(uid && w && expr),
      placeholderData: keepPreviousData,
      queryFn: ({ signal }: { signal: AbortSignal }): Promise<Result> =>
        tab === 'graph' ? inspectedRange(uid!, expr, w!.fromMs, w!.toMs, w!.stepMs, signal) : inspectedInstant(uid!, expr, w!.toMs, signal),
    })),
  });
  return {
    results,
    series,
    isFetching: results.some((r) => r.isFetching),
    cancel: () => keys.forEach((queryKey) => void client.cancelQueries({ queryKey })),
  };
}
