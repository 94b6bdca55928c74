import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { traceRoute } from '../../app/router';
import { QueryError } from '../../app/QueryError';
import { DatasourceError } from '../../datasources/types';
import { computeTraceLayout } from './layout/traceLayout';
import { SpanDetail } from './gantt/SpanDetail';
import { TraceGantt } from './gantt/TraceGantt';
import type { GanttSearch } from './gantt/ganttUrl';
import { TraceSummary } from './gantt/TraceSummary';
import { useTrace } from './useTrace';
import { useTraceProgress } from './traceProgress';
import { formatValue } from '../../lib/units';
import './traces.css';
import { ShareViewButton } from '../embed/ShareViewButton';

export function TracePage() {
  const { traceId } = traceRoute.useParams();
  const search = traceRoute.useSearch();
  const { ds, span: selectedSpanId } = search;
  const navigate = useNavigate({ from: '/traces/$traceId' });
  const { datasource, data: trace, error, isLoading, isFetching, refetch } = useTrace(traceId, ds);
  // Computed once per trace, never per render of a row: tree, critical path, self time, summary.
  const layout = useMemo(() => {
    if (!trace) return null;
    const started = performance.now();
    const result = computeTraceLayout(trace);
    performance.measure('sightline:trace-layout', { start: started });
    return result;
  }, [trace]);
  const selectedNode = (selectedSpanId ? layout?.tree.nodeOfSpanId(selectedSpanId) : undefined) ?? -1;

  const selectSpanId = useCallback(
    (spanId: string | undefined) => void navigate({ search: (prev) => ({ ...prev, span: spanId }), replace: true }),
    [navigate],
  );
  const onGanttSearch = useCallback(
    (gantt: GanttSearch) => void navigate({ search: (prev) => ({ ...prev, ...gantt }), replace: true }),
    [navigate],
  );
  const onSelect = useCallback((node: number) => selectSpanId(layout?.tree.spans[node].spanId), [layout, selectSpanId]);
  const root = layout && layout.tree.spans.length > 0 ? layout.tree.spans[0] : undefined;
  const notFound = error instanceof DatasourceError && error.status === 404;

  return (
    <section className="page trace-page" aria-labelledby="page-title">
      <p className="trace-page-links">
        <Link to="/traces" search={{ ds }}>
          ← Trace search
        </Link>
        <ShareViewButton />
      </p>
      <h1 id="page-title">
        {root ? `${root.serviceName}: ${root.name}` : 'Trace'} <span className="mono muted trace-id">{traceId}</span>
      </h1>
      {!datasource && <p role="alert">No Tempo or Jaeger datasource is configured.</p>}
      {isLoading && <TraceLoading uid={datasource?.uid} traceId={traceId} />}
      {notFound ? (
        <p role="alert" className="error-box">
          Trace {traceId} was not found in datasource "{datasource?.uid}". It may be older than the backend's retention, or not
          received yet: a trace store takes a few seconds to take in a new trace.{' '}
          <button type="button" onClick={() => void refetch()} disabled={isFetching}>
            {isFetching ? 'Retrying…' : 'Retry'}
          </button>
        </p>
      ) : (
        error && <QueryError error={error} />
      )}
      {trace && trace.spans.length === 0 && <p>This trace has no spans.</p>}
      {layout && layout.tree.spans.length > 0 && (
        <>
          <TraceSummary layout={layout} traceId={trace!.traceId} partial={trace!.partial} onSelect={onSelect} />
          <div className={selectedNode >= 0 ? 'trace-view with-detail' : 'trace-view'}>
            {/* Keyed: another trace (a link in the detail pane) starts from its own URL, not this one's state. */}
            <TraceGantt key={trace!.traceId} layout={layout} selectedNode={selectedNode} onSelect={onSelect} search={search} onSearch={onGanttSearch} />
            {selectedNode >= 0 && (
              <SpanDetail layout={layout} node={selectedNode} ds={ds} onClose={() => selectSpanId(undefined)} onSelectSpan={selectSpanId} />
            )}
          </div>
          {selectedSpanId && selectedNode < 0 && <p role="alert">Span {selectedSpanId} is not in this trace.</p>}
        </>
      )}
    </section>
  );
}

/**
 * The loading message, with how much of the trace has arrived once it is large enough to take a
 * while. The amount is outside the status region: a live region that changed every 40 ms would
 * keep a screen reader talking; the progress bar is there to be read on demand.
 */
function TraceLoading({ uid, traceId }: { uid?: string; traceId: string }) {
  const progress = useTraceProgress(uid, traceId);
  const mb = (bytes: number) => formatValue(bytes, 'decbytes', 1);
  return (
    <div className="trace-loading">
      <p role="status">Loading trace…</p>
      {progress && (
        <p className="muted">
          {progress.total ? <progress max={progress.total} value={progress.loaded} aria-label="Trace received" /> : null}{' '}
          {progress.total ? `${mb(progress.loaded)} of ${mb(progress.total)}` : `${mb(progress.loaded)} received`}
        </p>
      )}
    </div>
  );
}
