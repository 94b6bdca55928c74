import { memo } from 'react';
import { Link } from '@tanstack/react-router';
import { formatDurationUs, formatShare } from '../layout/format';
import type { TraceLayout } from '../layout/traceLayout';
import { useTimeFormatters } from '../../../lib/timeFormat';
import { traceLogsSearch } from '../logsLink';

interface TraceSummaryProps {
  layout: TraceLayout;
  traceId: string;
  partial?: boolean;
  onSelect: (node: number) => void;
}

/** The trace at a glance: size, time, errors, and where its time went (critical path). */
/** Memoized: the page re-renders on every change of its URL (selection, Gantt view), this need not. */
export const TraceSummary = memo(function TraceSummary({ layout, traceId, partial, onSelect }: TraceSummaryProps) {
  const { tree, contributors, services, errorCount } = layout;
  const logs = traceLogsSearch(
    traceId,
    services.map((s) => s.name),
    tree.traceStartUs,
    tree.traceStartUs + tree.durationUs,
  );
  const [bottleneck] = contributors;
  // In the zone chosen in the header (browser or UTC), as logs and charts show their times.
  const { full } = useTimeFormatters(0);
  const startMs = tree.traceStartUs / 1000;
  return (
    <section className="trace-summary" aria-label="Trace summary">
      <p className="toolbar">
        <time dateTime={new Date(startMs).toISOString()}>{full(startMs)}</time>
        <span>Duration {formatDurationUs(tree.durationUs)}</span>
        <span>{tree.spans.length.toLocaleString()} spans</span>
        <span>Depth {tree.maxDepth + 1}</span>
        <span>{services.length} services</span>
        <span className={errorCount ? 'error-text' : undefined}>
          {errorCount} {errorCount === 1 ? 'error' : 'errors'}
        </span>
        {tree.rootCount > 1 && <span className="muted">{tree.rootCount} top-level spans (missing parents or several roots)</span>}
        <Link to="/logs" search={{ q: logs.q, from: logs.from, to: logs.to }}>
          Logs for this trace
        </Link>
      </p>
      {partial && <p className="error-text">Partial trace: the backend returned only part of it.</p>}
      {bottleneck && bottleneck.share > 0 && (
        <div className="contributors">
          <p>
            <strong>Bottleneck:</strong>{' '}
            <button type="button" className="link-button" onClick={() => onSelect(bottleneck.node)}>
              {bottleneck.name}: {formatDurationUs(bottleneck.timeUs)}, {formatShare(bottleneck.share)}
            </button>{' '}
            <span className="muted">of the trace on the critical path ({bottleneck.serviceName})</span>
          </p>
          {contributors.length > 1 && (
            <ol aria-label="Biggest contributors">
              {contributors.map((c) => (
                <li key={`${c.serviceName}\u0000${c.name}`}>
                  <span className="contributor-bar" style={{ width: `${Math.max(c.share * 100, 1)}%` }} aria-hidden="true" />
                  <button type="button" className="link-button" onClick={() => onSelect(c.node)}>
                    {c.name}
                  </button>{' '}
                  <span className="muted">{c.serviceName}</span> {formatDurationUs(c.timeUs)}, {formatShare(c.share)}
                  {c.spanCount > 1 && <span className="muted"> ({c.spanCount} spans)</span>}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
});
