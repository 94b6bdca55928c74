import { memo } from 'react';
import { Link } from '@tanstack/react-router';
import type { LogLine } from '../../datasources/types';
import { splitHighlights } from './highlight';
import { formatLineTime, parsedLine } from './parsedLine';

export interface LogLineRowProps {
  line: LogLine;
  terms: Array<string | RegExp>;
  expanded: boolean;
  selected: boolean;
  utc: boolean;
  duplicates: number;
  onToggle: (id: string) => void;
}

/** One log line. The text is always rendered as text (React text nodes and <mark>), never as HTML. */
export const LogLineRow = memo(function LogLineRow({ line, terms, expanded, selected, utc, duplicates, onToggle }: LogLineRowProps) {
  const parsed = parsedLine(line);
  const time = formatLineTime(line.timestampMs, utc);
  return (
    <div className={`log-row level-${parsed.level}${selected ? ' log-row-selected' : ''}`}>
      <button
        type="button"
        className="log-toggle"
        aria-expanded={expanded}
        aria-label={`${expanded ? 'Hide' : 'Show'} details of the line at ${time}`}
        onClick={() => onToggle(line.id)}
      >
        {expanded ? '▾' : '▸'}
      </button>
      <time dateTime={new Date(line.timestampMs).toISOString()} className="log-time">
        {time}
      </time>
      <span className="log-level" title={parsed.level}>
        {parsed.level === 'unknown' ? '' : parsed.level}
      </span>
      <span className="log-text">
        {splitHighlights(parsed.text, terms).map((piece, i) => (piece.match ? <mark key={i}>{piece.text}</mark> : piece.text))}
      </span>
      {duplicates > 0 && (
        <span className="log-dups" title={`${duplicates} more identical lines folded`}>
          ×{duplicates + 1}
        </span>
      )}
      {parsed.traceId && (
        <Link to="/traces/$traceId" params={{ traceId: parsed.traceId }} className="trace-link" aria-label={`Open trace ${parsed.traceId}`}>
          trace
        </Link>
      )}
    </div>
  );
});
