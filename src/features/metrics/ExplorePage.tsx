import { useNavigate } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { exploreMetricsRoute } from '../../app/router';
import { pickDatasource, useConfig } from '../../app/config';
import { useTimeRange } from '../../app/useTimeRange';
import { QueryBar } from '../../app/QueryBar';
import { QueryError } from '../../app/QueryError';
import { useElementWidth } from '../../lib/useElementWidth';
import { alignRange, formatPromDuration, stepForRange } from '../../lib/step';
import { queryRange } from '../../datasources/prometheus';
import { withQuerySpan } from '../../telemetry/query';
import { TimeSeriesChart } from './TimeSeriesChart';
import { exploreQueries } from './exploreSearch';

export function ExplorePage() {
  const search = exploreMetricsRoute.useSearch();
  const q = exploreQueries(search.q)[0];
  const ds = search.ds;
  const navigate = useNavigate({ from: exploreMetricsRoute.fullPath });
  const config = useConfig();
  const datasource = pickDatasource(config, ['prometheus'], ds);
  const { resolved, error: rangeError } = useTimeRange();
  const [chartRef, width] = useElementWidth<HTMLDivElement>();
  const queryClient = useQueryClient();

  const stepMs = resolved ? stepForRange(resolved.toMs - resolved.fromMs, width) : 0;
  const aligned = resolved ? alignRange(resolved.fromMs, resolved.toMs, stepMs) : null;
  const queryKey = ['prometheus', 'query_range', datasource?.uid, q, aligned?.fromMs, aligned?.toMs, stepMs] as const;
  const result = useQuery({
    queryKey,
    enabled: Boolean(q && datasource && aligned),
    queryFn: ({ signal }) =>
      withQuerySpan('explore.metrics query_range', { 'datasource.uid': datasource!.uid, 'db.query.text': q.slice(0, 500), step: stepMs / 1000 }, () =>
        queryRange(datasource!.uid, { query: q, start: aligned!.fromMs, end: aligned!.toMs, stepMs }, signal),
      ),
  });

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">Explore metrics</h1>
      {!datasource && <p role="alert">No Prometheus datasource is configured.</p>}
      <QueryBar
        label="PromQL query"
        value={q}
        placeholder='PromQL, for example rate(http_requests_total{status=~"5.."}[5m])'
        running={result.isFetching}
        onCancel={() => queryClient.cancelQueries({ queryKey })}
        onRun={(query) => {
          if (query === q) void result.refetch();
          else void navigate({ search: (prev) => ({ ...prev, q: query || undefined }) });
        }}
      />
      {rangeError && <QueryError error={rangeError} />}
      <div className="toolbar muted" aria-live="polite">
        {datasource && <span>Datasource: {datasource.name}</span>}
        {q && stepMs > 0 && <span>Step {formatPromDuration(stepMs)}</span>}
        {result.isFetching && <span>Running query…</span>}
        {result.data && <span>{result.data.length} series</span>}
      </div>
      <div ref={chartRef} className="card">
        {!q && <p className="muted">Type a PromQL expression and run it to draw a graph.</p>}
        {result.error && <QueryError error={result.error} />}
        {result.data && result.data.length === 0 && (
          <p>
            No data for <code>{q}</code> in this time range.
          </p>
        )}
        {result.data && result.data.length > 0 && <TimeSeriesChart series={result.data} />}
      </div>
    </section>
  );
}
