import { useMemo } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { queryRange, type LokiDirection } from '../../datasources/loki';
import type { LogMetricResult, LogQueryStats, LogsResult } from '../../datasources/types';
import { withQuerySpan } from '../../telemetry/query';
import { stepForRange } from '../../lib/step';
import { compareNs, msToNs } from '../../lib/nanoseconds';
import { mergePages, newerPageStart, olderPageEnd } from './paging';

export interface LogLinesArgs {
  uid?: string;
  query: string;
  isMetric: boolean;
  fromMs?: number;
  toMs?: number;
  limit: number;
  direction: LokiDirection;
}

/**
 * Lines of a log query, page by page. The first page covers the range; each "load older" page
 * ends just after the oldest line so far (oldest first: starts at the newest), see paging.ts.
 */
export function useLogLines({ uid, query, isMetric, fromMs, toMs, limit, direction }: LogLinesArgs) {
  const enabled = Boolean(uid && query && !isMetric && fromMs !== undefined && toMs !== undefined);
  const result = useInfiniteQuery({
    queryKey: ['loki', 'lines', uid, query, fromMs, toMs, limit, direction],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      withQuerySpan('logs query_range', { 'datasource.uid': uid!, 'db.query.text': query.slice(0, 500), 'loki.page': pageParam ? 'older' : 'first' }, () =>
        queryRange(
          uid!,
          direction === 'backward'
            ? { query, start: fromMs!, end: pageParam ?? toMs!, limit, direction }
            : { query, start: pageParam ?? fromMs!, end: toMs!, limit, direction },
          signal,
        ) as Promise<LogsResult>,
      ),
    getNextPageParam: (last, pages) => {
      if (last.kind !== 'streams' || last.lines.length < limit) return undefined;
      // A page full of lines sharing one nanosecond cannot move on: stop rather than loop.
      const previous = pages.length > 1 ? pages[pages.length - 2].lines : undefined;
      if (direction === 'backward') {
        const end = olderPageEnd(last.lines);
        return end && end !== (previous && olderPageEnd(previous)) && compareNs(end, msToNs(fromMs!)) > 0 ? end : undefined;
      }
      const start = newerPageStart(last.lines);
      return start && start !== (previous && newerPageStart(previous)) ? start : undefined;
    },
  });
  const pages = result.data?.pages;
  const lines = useMemo(() => (pages ? mergePages(pages.map((p) => p.lines)) : []), [pages]);
  const stats = useMemo(() => sumStats(pages?.map((p) => p.stats)), [pages]);
  return { ...result, lines, stats, limitReached: Boolean(pages && pages[pages.length - 1].lines.length >= limit) };
}

function sumStats(all: Array<LogQueryStats | undefined> | undefined): LogQueryStats | undefined {
  const present = all?.filter((s): s is LogQueryStats => Boolean(s));
  if (!present?.length) return undefined;
  const sum = (pick: (s: LogQueryStats) => number | undefined) => present.reduce((n, s) => n + (pick(s) ?? 0), 0);
  return { bytesProcessed: sum((s) => s.bytesProcessed), linesProcessed: sum((s) => s.linesProcessed), execTimeSeconds: sum((s) => s.execTimeSeconds) };
}

/** A metric LogQL query (`rate`, `count_over_time`, `sum by`) as series for a chart. */
export function useLogMetric(uid: string | undefined, query: string, enabled: boolean, fromMs?: number, toMs?: number, fixedStepMs?: number, name = 'logs metric query_range') {
  const stepMs = fixedStepMs ?? (fromMs !== undefined && toMs !== undefined ? stepForRange(toMs - fromMs, 300) : 0);
  return useQuery({
    queryKey: ['loki', 'metric', uid, query, fromMs, toMs, stepMs],
    enabled: Boolean(enabled && uid && query && fromMs !== undefined && toMs !== undefined),
    queryFn: ({ signal }) =>
      withQuerySpan(name, { 'datasource.uid': uid!, 'db.query.text': query.slice(0, 500) }, () =>
        queryRange(uid!, { query, start: fromMs!, end: toMs!, stepMs }, signal) as Promise<LogMetricResult>,
      ),
  });
}
