import { Link } from '@tanstack/react-router';
import type { LogLine } from '../../../datasources/types';
import { useTimeFormatters } from '../../../lib/timeFormat';


/** Newest first; lines are text nodes only (never HTML), and the query opens in the Logs view. */
export function LogsPanel({ lines, query, from, to }: { lines: LogLine[]; query: string; from: string; to: string }) {
  const times = useTimeFormatters(0);
  return (
    <div className="logs-panel">
      <ol aria-label="Log lines, newest first">
        {lines.map((line) => (
          <li key={line.id}>
            <time className="muted mono" dateTime={new Date(line.timestampMs).toISOString()}>
              {times.full(line.timestampMs)}
            </time>{' '}
            <span className="mono log-text">{line.line}</span>
          </li>
        ))}
      </ol>
      <Link to="/logs" search={{ q: query, from, to }} className="panel-footer-link">
        Open in Logs
      </Link>
    </div>
  );
}
