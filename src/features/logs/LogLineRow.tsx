import { memo } from 'react';
import { Link } from '@tanstack/react-router';
import type { LogLine } from '../../datasources/types';
import { detectLevel, parseJsonLine, traceIdOf } from './lineFields';

const timeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false,
});

/** One log line. The text is always rendered as text, never as HTML. */
export const LogLineRow = memo(function LogLineRow({ line }: { line: LogLine }) {
  const fields = parseJsonLine(line.line);
  const level = detectLevel(line, fields);
  const traceId = traceIdOf(line, fields);
  return (
    <li className={`log-line level-${level}`}>
      <time dateTime={new Date(line.timestampMs).toISOString()} className="mono muted">
        {timeFormat.format(line.timestampMs)}
      </time>
      <span className="log-level">{level === 'unknown' ? '' : level}</span>
      <span className="log-text mono">{line.line}</span>
      {traceId && (
        <Link to="/traces/$traceId" params={{ traceId }} className="trace-link" aria-label={`Open trace ${traceId}`}>
          trace
        </Link>
      )}
    </li>
  );
});
