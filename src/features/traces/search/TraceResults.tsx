import { Link } from '@tanstack/react-router';
import type { TraceSearchHit } from '../../../datasources/types';
import { useTimeFormatters } from '../../../lib/timeFormat';

/** Matching traces: root service and name, start, duration, span and error counts where the backend gives them. */
export function TraceResults({ hits, ds }: { hits: TraceSearchHit[]; ds?: string }) {
  // In the zone chosen in the header (browser or UTC).
  const { full } = useTimeFormatters(0);
  return (
    <table className="data" aria-label="Matching traces">
      <thead>
        <tr>
          <th scope="col">Trace</th>
          <th scope="col">Root service</th>
          <th scope="col">Start</th>
          <th scope="col">Duration</th>
          <th scope="col">Spans</th>
          <th scope="col">Errors</th>
        </tr>
      </thead>
      <tbody>
        {hits.map((hit) => (
          <tr key={hit.traceId}>
            <td>
              <Link to="/traces/$traceId" params={{ traceId: hit.traceId }} search={{ ds }}>
                {hit.rootTraceName ?? '(root span not received)'}
              </Link>
              <div className="mono muted">{hit.traceId}</div>
            </td>
            <td>{hit.rootServiceName ?? '-'}</td>
            <td>{full(hit.startUs / 1000)}</td>
            <td className="mono">{hit.durationMs < 1 ? '<1 ms' : `${Math.round(hit.durationMs * 10) / 10} ms`}</td>
            <td className="mono">
              {hit.spanCount ?? (hit.matchedSpans !== undefined ? <span title="Spans that matched the query; Tempo did not report the trace's total">{hit.matchedSpans} matched</span> : '-')}
            </td>
            <td className={hit.errorCount ? 'mono error-text' : 'mono'}>{hit.errorCount ?? '-'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
