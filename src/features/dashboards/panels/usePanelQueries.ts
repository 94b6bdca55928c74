import { useCallback } from 'react';
import { keepPreviousData, useQueries, useQueryClient, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { queryInstant, queryRange } from '../../../datasources/prometheus';
import { queryRange as lokiQueryRange } from '../../../datasources/loki';
import type { InstantSample, LogLine, TimeSeries } from '../../../datasources/types';
import { sampledTraceId, withQuerySpan } from '../../../telemetry/query';
import { useRefreshStore } from '../../../app/refresh';
import { formatSeriesName } from '../../metrics/seriesRows';
import { formatLegend, type PanelQueryPlan } from '../model/panelQuery';
import { panelRequestUrls } from './requestUrls';
import { describeRun, rememberRun, runsFor, type TargetRun } from './targetRuns';

export interface NamedSeries extends TimeSeries {
  name: string;
}

export interface PanelQueryState<T> {
  data: T | undefined;
  error: unknown;
  isFetching: boolean;
  cancel: () => void;
  /** Each target's last request, for the panel inspector. */
  runs: (TargetRun | undefined)[];
}

type Combined<R> = Omit<PanelQueryState<R>, 'cancel' | 'runs'>;

/**
 * Merges a panel's per-target results. Used as useQueries' `combine`, which TanStack Query reruns
 * only when a result changes: the merged array keeps its identity across unrelated re-renders, so
 * the (memoized) chart does not redraw for nothing.
 */
function useMerge<T, R>(merge: (parts: T[]) => R, deps: string) {
  return useCallback(
    (results: UseQueryResult<T>[]): Combined<R> => {
      const done = results.every((r) => r.data !== undefined);
      return {
        data: done && results.length > 0 ? merge(results.map((r) => r.data as T)) : undefined,
        error: results.find((r) => r.error)?.error ?? null,
        isFetching: results.some((r) => r.isFetching),
      };
    },
    [deps],
  );
}

/** Refresh (the button or refresh=) re-queries even when the aligned window has not moved. */
function useRefreshTick(): number {
  return useRefreshStore((s) => s.nowMs);
}

function useCancel() {
  const client = useQueryClient();
  return (keys: QueryKey[]) => keys.forEach((queryKey) => void client.cancelQueries({ queryKey }));
}

/** Newest first; nanosecond strings compare by length, then text (they do not fit a double). */
function newestFirst(a: LogLine, b: LogLine): number {
  if (a.timestampNs.length !== b.timestampNs.length) return b.timestampNs.length - a.timestampNs.length;
  return a.timestampNs < b.timestampNs ? 1 : a.timestampNs > b.timestampNs ? -1 : 0;
}

type PanelExpr = PanelQueryPlan['exprs'][number];

interface TargetQueries<T, R> {
  uid: string | undefined;
  exprs: PanelExpr[];
  keys: QueryKey[];
  combine: (results: UseQueryResult<T>[]) => Combined<R>;
  /** Each target's request URL (see requestUrls.ts), to find the browser's timing of it. */
  urls: string[];
  /** What came back, in words: "3 series, 360 points". */
  describe: (data: T) => string;
  spanName: string;
  spanAttributes?: Record<string, string | number>;
  panelTitle: string;
  /** The request itself: called synchronously inside the target's span, so its fetch joins it. */
  run: (expr: PanelExpr, signal: AbortSignal) => Promise<T>;
}

/** One query per target, each in its own span whose trace id the inspector can link to. */
function useTargetQueries<T, R>({ uid, exprs, keys, urls, describe, combine, spanName, spanAttributes, panelTitle, run }: TargetQueries<T, R>): PanelQueryState<R> {
  const cancel = useCancel();
  const combined = useQueries({
    combine,
    queries: exprs.map((e, i) => ({
      queryKey: keys[i],
      enabled: Boolean(uid),
      placeholderData: keepPreviousData,
      queryFn: ({ signal }: { signal: AbortSignal }) => {
        const started = performance.now();
        let traceId: string | undefined;
        return withQuerySpan(spanName, { 'datasource.uid': uid!, 'db.query.text': e.expr.slice(0, 500), 'panel.title': panelTitle, ...spanAttributes }, (span) => {
          traceId = sampledTraceId(span);
          return run(e, signal);
        }).then(
          (data) => {
            rememberRun(keys[i], describeRun(urls[i], started, { returned: describe(data) }, traceId));
            return data;
          },
          (error: unknown) => {
            if ((error as Error)?.name !== 'AbortError') rememberRun(keys[i], describeRun(urls[i], started, { error }, traceId));
            throw error;
          },
        );
      },
    })),
  });
  return { ...combined, cancel: () => cancel(keys), runs: runsFor(keys) };
}

/**
 * One query_range per visible target. Keys hold everything the request depends on, so identical
 * requests from several panels are made once, and a changed range or variable drops
 * the old request: TanStack Query aborts its signal once nothing observes it.
 */
export function useRangeSeries(uid: string | undefined, plan: PanelQueryPlan | null, panelTitle: string): PanelQueryState<NamedSeries[]> {
  const exprs = plan?.exprs ?? [];
  const tick = useRefreshTick();
  const combine = useMerge(
    (parts: TimeSeries[][]) => parts.flatMap((series, i) => series.map((s) => ({ ...s, name: formatLegend(exprs[i].legend, s.labels, formatSeriesName(s.labels)) }))),
    JSON.stringify(exprs),
  );
  return useTargetQueries({
    uid,
    exprs,
    combine,
    panelTitle,
    keys: exprs.map((e) => ['prometheus', 'query_range', uid, e.expr, plan!.fromMs, plan!.toMs, plan!.stepMs, tick] as const),
    urls: plan ? panelRequestUrls('range', uid ?? '', plan) : [],
    describe: (series) => `${series.length} series, ${series.reduce((n, x) => n + x.timestamps.length, 0)} points`,
    spanName: 'dashboard panel query_range',
    spanAttributes: plan ? { step: plan.stepMs / 1000 } : {},
    run: (e, signal) => queryRange(uid!, { query: e.expr, start: plan!.fromMs, end: plan!.toMs, stepMs: plan!.stepMs }, signal),
  });
}

/** Instant queries at the end of the range (tables). */
export function useInstantSamples(uid: string | undefined, plan: PanelQueryPlan | null, panelTitle: string): PanelQueryState<InstantSample[]> {
  const exprs = plan?.exprs ?? [];
  const tick = useRefreshTick();
  const combine = useMerge((parts: InstantSample[][]) => parts.flat(), '');
  return useTargetQueries({
    uid,
    exprs,
    combine,
    panelTitle,
    keys: exprs.map((e) => ['prometheus', 'query', uid, e.expr, plan!.toMs, tick] as const),
    urls: plan ? panelRequestUrls('instant', uid ?? '', plan) : [],
    describe: (samples) => `${samples.length} series`,
    spanName: 'dashboard panel query',
    run: async (e, signal) => {
      const result = await queryInstant(uid!, { query: e.expr, time: plan!.toMs }, signal);
      if (result.resultType === 'vector') return result.samples;
      if (result.resultType === 'scalar') return [{ labels: {}, timestamp: result.timestamp, value: result.value }];
      if (result.resultType === 'matrix') throw new Error('A table needs an instant vector; this query returns a range vector');
      return [];
    },
  });
}

/** Log lines, newest first (Loki's backward direction). */
export function useLogLines(uid: string | undefined, plan: PanelQueryPlan | null, limit: number, panelTitle: string): PanelQueryState<LogLine[]> {
  const exprs = plan?.exprs ?? [];
  const tick = useRefreshTick();
  const combine = useMerge((parts: LogLine[][]) => parts.flat().sort(newestFirst).slice(0, limit), String(limit));
  return useTargetQueries({
    uid,
    exprs,
    combine,
    panelTitle,
    keys: exprs.map((e) => ['loki', 'query_range', uid, e.expr, plan!.fromMs, plan!.toMs, limit, tick] as const),
    urls: plan ? panelRequestUrls('logs', uid ?? '', plan, limit) : [],
    describe: (lines) => `${lines.length} lines`,
    spanName: 'dashboard panel logs',
    run: async (e, signal) => {
      const result = await lokiQueryRange(uid!, { query: e.expr, start: plan!.fromMs, end: plan!.toMs, limit, direction: 'backward' }, signal);
      if (result.kind !== 'streams') throw new Error('A logs panel needs a log query; this one returns metrics');
      return result.lines;
    },
  });
}
