import { Link } from '@tanstack/react-router';
import type { LogLine } from '../../../datasources/types';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Newest first; lines are text nodes only (never HTML), and the query opens in the Logs view. */
export function LogsPanel({ lines, query, from, to }: { lines: LogLine[]; query: string; from: string; to: string }) {
  return (
    <div className="logs-panel">
      <ol aria-label="Log lines, newest first">
        {lines.map((line) => (
          <li key={line.id}>
            <time className="muted mono" dateTime={new Date(line.timestampMs).toISOString()}>
              {timeFormat.format(line.timestampMs)}
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
