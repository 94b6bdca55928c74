import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import { traceRoute } from '../../app/router';
import { QueryError } from '../../app/QueryError';
import { colorForName } from '../../lib/colors';
import { formatDurationUs, orderSpansDepthFirst } from './spanOrder';
import { useTrace } from './useTrace';

export function TracePage() {
  const { traceId } = traceRoute.useParams();
  const { ds } = traceRoute.useSearch();
  const { datasource, data: trace, error, isLoading } = useTrace(traceId, ds);
  const rows = useMemo(() => (trace ? orderSpansDepthFirst(trace.spans) : []), [trace]);
  const bounds = useMemo(() => {
    if (!trace || trace.spans.length === 0) return null;
    let start = Infinity;
    let end = -Infinity;
    for (const span of trace.spans) {
      start = Math.min(start, span.startUs);
      end = Math.max(end, span.startUs + span.durationUs);
    }
    return { start, duration: end - start };
  }, [trace]);
  const services = useMemo(() => [...new Set(trace?.spans.map((s) => s.serviceName))].sort(), [trace]);

  return (
    <section className="page" aria-labelledby="page-title">
      <p>
        <Link to="/traces">← Trace search</Link>
      </p>
      <h1 id="page-title">
        Trace <span className="mono">{traceId}</span>
      </h1>
      {!datasource && <p role="alert">No Tempo or Jaeger datasource is configured.</p>}
      {isLoading && <p role="status">Loading trace…</p>}
      {error && <QueryError error={error} />}
      {trace && bounds && (
        <>
          <p className="toolbar">
            <span>{trace.spans.length} spans</span>
            <span>Duration {formatDurationUs(bounds.duration)}</span>
            <span>Services: {services.join(', ')}</span>
            {trace.partial && <span className="error-text">Partial trace: the backend returned only part of it.</span>}
          </p>
          <table className="data span-table" aria-label="Spans">
            <thead>
              <tr>
                <th scope="col">Span</th>
                <th scope="col">Service</th>
                <th scope="col">Start</th>
                <th scope="col">Duration</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ span, depth, orphan }) => (
                <tr key={span.spanId} className={span.status.code === 'error' ? 'span-error' : undefined}>
                  <td style={{ paddingLeft: 8 + depth * 16 }}>
                    <span className="swatch" style={{ background: colorForName(span.serviceName) }} aria-hidden="true" /> {span.name}
                    {span.status.code === 'error' && <span className="badge error-text"> error</span>}
                    {orphan && <span className="badge muted"> (parent missing)</span>}
                  </td>
                  <td>{span.serviceName}</td>
                  <td className="mono">+{formatDurationUs(span.startUs - bounds.start)}</td>
                  <td className="mono">{formatDurationUs(span.durationUs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {trace && trace.spans.length === 0 && <p>This trace has no spans.</p>}
    </section>
  );
}
