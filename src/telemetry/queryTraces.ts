import { create } from 'zustand';

/**
 * What the query inspector reads: for each query span, by its name (view and panel, e.g.
 * `dashboard homebot-overview panel 3`), the last run's trace. In a component:
 *
 *   const run = useQueryTraces((s) => s.byName['dashboard homebot-overview panel 3']);
 *   // run?.sampled ? link to `/traces/${run.traceId}` : say the query was not sampled
 *
 * A trace id is only worth linking when `sampled` is true: an unsampled run was never exported,
 * so the trace store will not have it. A sampled one may still take a few seconds to arrive
 * (the exporter batches every second, and the collector and store add their own delay).
 */
export interface QueryTraceRecord {
  name: string;
  traceId: string;
  spanId: string;
  sampled: boolean;
  /** Epoch ms. */
  startedAt: number;
  durationMs?: number;
  status: 'running' | 'ok' | 'error' | 'cancelled';
  attributes: Record<string, string | number>;
}

interface QueryTracesState {
  byName: Record<string, QueryTraceRecord>;
  /** The most recent runs, newest first, at most `RECENT_LIMIT` (for a debug panel). */
  recent: QueryTraceRecord[];
}

const RECENT_LIMIT = 50;

export const useQueryTraces = create<QueryTracesState>(() => ({ byName: {}, recent: [] }));

export function recordQueryTrace(record: QueryTraceRecord): void {
  useQueryTraces.setState((state) => ({
    byName: { ...state.byName, [record.name]: record },
    recent: [record, ...state.recent.filter((r) => r.spanId !== record.spanId)].slice(0, RECENT_LIMIT),
  }));
}
