import { Link } from '@tanstack/react-router';
import type { Inspection } from './inspectedQuery';

const bytes = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatBytes(n: number | null): string {
  if (n === null) return 'not reported';
  return n < 1024 ? `${n} B` : n < 1048576 ? `${bytes.format(n / 1024)} KiB` : `${bytes.format(n / 1048576)} MiB`;
}

/** What was asked and what came back, as Grafana's query inspector shows it. */
export function Inspector({ inspection }: { inspection: Inspection }) {
  return (
    <dl className="inspector">
      <dt>Request</dt>
      <dd className="mono">
        {inspection.method} {inspection.url}
      </dd>
      <dt>Parameters</dt>
      <dd>
        <ul className="inspector-params">
          {inspection.params.map(([k, v]) => (
            <li key={k} className="mono">
              {k}={v}
            </li>
          ))}
        </ul>
      </dd>
      <dt>Status</dt>
      <dd>{inspection.status ?? 'no response'}{inspection.error ? `: ${inspection.error}` : ''}</dd>
      <dt>Duration</dt>
      <dd>{inspection.durationMs} ms</dd>
      <dt>Returned</dt>
      <dd>
        {inspection.series} series, {inspection.points} points
      </dd>
      <dt>Response size</dt>
      <dd>{formatBytes(inspection.responseBytes)}</dd>
      <dt>Trace</dt>
      <dd>
        {inspection.traceId ? (
          <Link to="/traces/$traceId" params={{ traceId: inspection.traceId }} className="mono">
            {inspection.traceId}
          </Link>
        ) : (
          'not sampled'
        )}
      </dd>
    </dl>
  );
}
