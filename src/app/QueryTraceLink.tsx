import { Link } from '@tanstack/react-router';
import { useQueryTraces } from '../telemetry/queryTraces';

/**
 * The trace of a view's last query (by its span name), for "why was that slow?": a link when the
 * run was sampled (an unsampled one was never exported), with how long it took.
 */
export function QueryTraceLink({ spanName }: { spanName: string }) {
  const run = useQueryTraces((s) => s.byName[spanName]);
  if (!run || run.status === 'running' || !run.sampled) return null;
  return (
    <span className="query-trace">
      <Link to="/traces/$traceId" params={{ traceId: run.traceId }} aria-label={`Trace of this query: ${run.traceId}`}>
        Query trace
      </Link>
      {run.durationMs !== undefined && ` (${Math.round(run.durationMs)} ms)`}
    </span>
  );
}
