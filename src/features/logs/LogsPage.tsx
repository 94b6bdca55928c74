import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { logsRoute } from '../../app/router';
import { pickDatasource, useConfig } from '../../app/config';
import { useTimeRange } from '../../app/useTimeRange';
import { QueryBar } from '../../app/QueryBar';
import { QueryError } from '../../app/QueryError';
import { queryRange } from '../../datasources/loki';
import { withQuerySpan } from '../../telemetry/query';
import { stepForRange } from '../../lib/step';
import { TimeSeriesChart } from '../metrics/TimeSeriesChart';
import { LogLineRow } from './LogLineRow';

const LINE_LIMIT = 1000;

export function LogsPage() {
  const { q = '', ds } = logsRoute.useSearch();
  const navigate = useNavigate({ from: logsRoute.fullPath });
  const datasource = pickDatasource(useConfig(), ['loki'], ds);
  const { resolved, error: rangeError } = useTimeRange();
  const stepMs = resolved ? stepForRange(resolved.toMs - resolved.fromMs, 300) : 0;

  const result = useQuery({
    queryKey: ['loki', 'query_range', datasource?.uid, q, resolved?.fromMs, resolved?.toMs],
    enabled: Boolean(q && datasource && resolved),
    queryFn: ({ signal }) =>
      withQuerySpan('logs query_range', { 'datasource.uid': datasource!.uid, 'db.query.text': q.slice(0, 500) }, () =>
        queryRange(
          datasource!.uid,
          { query: q, start: resolved!.fromMs, end: resolved!.toMs, limit: LINE_LIMIT, direction: 'backward', stepMs },
          signal,
        ),
      ),
  });
  const data = result.data;

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">Logs</h1>
      {!datasource && <p role="alert">No Loki datasource is configured.</p>}
      <QueryBar
        label="LogQL query"
        value={q}
        placeholder='LogQL, for example {service_name="homebot"} |= "error" | json'
        onRun={(query) => {
          if (query === q) void result.refetch();
          else void navigate({ search: (prev) => ({ ...prev, q: query || undefined }) });
        }}
      />
      {rangeError && <QueryError error={rangeError} />}
      {result.error && <QueryError error={result.error} />}
      <div className="toolbar muted" aria-live="polite">
        {result.isFetching && <span>Running query…</span>}
        {data?.kind === 'streams' && (
          <span>
            {data.lines.length} lines{data.lines.length >= LINE_LIMIT ? ` (limit ${LINE_LIMIT} reached)` : ''}, newest first
          </span>
        )}
      </div>
      {!q && <p className="muted">Type a LogQL query and run it to search logs.</p>}
      {data?.kind === 'matrix' && (data.series.length ? <TimeSeriesChart series={data.series} /> : <p>No data for <code>{q}</code>.</p>)}
      {data?.kind === 'streams' && data.lines.length === 0 && (
        <p>
          No log lines match <code>{q}</code> in this time range.
        </p>
      )}
      {data?.kind === 'streams' && data.lines.length > 0 && (
        <ol className="log-lines" aria-label="Log lines">
          {data.lines.map((line) => (
            <LogLineRow key={line.id} line={line} />
          ))}
        </ol>
      )}
    </section>
  );
}
