import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queryRange, series as fetchSeries } from '../../datasources/loki';
import type { LogLine, LogsResult } from '../../datasources/types';
import { QueryError } from '../../app/QueryError';
import { withQuerySpan } from '../../telemetry/query';
import { contextLines, selectorForLabels, streamLabelsOf } from './context';
import { formatLineTime, parsedLine } from './parsedLine';

const CONTEXT_LINES = 10;
/** How far around the line to look; well inside Loki's usual max query length. */
const WINDOW_MS = 60 * 60_000;

/** The lines just before and after `line` in its own stream. */
export function ContextPanel({ uid, line, querySelector, utc, onClose }: { uid: string; line: LogLine; querySelector?: string; utc: boolean; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [line.id]);
  const context = useQuery({
    queryKey: ['loki', 'context', uid, line.id],
    queryFn: ({ signal }) =>
      withQuerySpan('logs context', { 'datasource.uid': uid }, async () => {
        // The line's labels may include fields a parser added: its real stream is the largest
        // of the query's streams whose labels it carries.
        const match = querySelector ?? selectorForLabels(line.labels);
        const streams = await fetchSeries(uid, match, { start: line.timestampMs - WINDOW_MS, end: line.timestampMs + WINDOW_MS }, signal);
        const stream = streamLabelsOf(line.labels, streams) ?? line.labels;
        const selector = selectorForLabels(stream);
        const [before, after] = await Promise.all([
          queryRange(uid, { query: selector, start: line.timestampMs - WINDOW_MS, end: line.timestampNs, limit: CONTEXT_LINES + 1, direction: 'backward' }, signal),
          queryRange(uid, { query: selector, start: line.timestampNs, end: line.timestampMs + WINDOW_MS, limit: CONTEXT_LINES + 1, direction: 'forward' }, signal),
        ]);
        const lines = contextLines(line, (before as LogsResult).lines.slice(0, CONTEXT_LINES), (after as LogsResult).lines);
        return { selector, lines: lines.slice(0, lines.indexOf(line) + CONTEXT_LINES + 1) };
      }),
  });
  return (
    <section className="log-context" aria-labelledby="log-context-title">
      <div className="toolbar">
        <h2 id="log-context-title" tabIndex={-1} ref={heading}>
          Context of the line at {formatLineTime(line.timestampMs, utc)}
        </h2>
        <button type="button" onClick={onClose}>
          Close context
        </button>
      </div>
      {context.isFetching && <p className="muted">Loading lines around it…</p>}
      {context.error && <QueryError error={context.error} />}
      {context.data && (
        <>
          <p className="muted">
            Stream <code>{context.data.selector}</code>
          </p>
          <ol className="context-lines" aria-label="Context lines">
            {context.data.lines.map((l) => (
              <li key={l.id} className={`log-row level-${parsedLine(l).level}${l.id === line.id ? ' log-row-selected' : ''}`} aria-current={l.id === line.id ? 'true' : undefined}>
                <time className="log-time">{formatLineTime(l.timestampMs, utc)}</time>
                <span className="log-text">{parsedLine(l).text}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

