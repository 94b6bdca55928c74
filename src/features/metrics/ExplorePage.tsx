import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { exploreMetricsRoute } from '../../app/router';
import { pickDatasource, useConfig } from '../../app/config';
import { useTimeRange } from '../../app/useTimeRange';
import { QueryError } from '../../app/QueryError';
import { useMeasuredWidth } from '../../lib/useMeasuredWidth';
import { alignRange, formatPromDuration, stepForRange } from '../../lib/step';
import { zoomToSelection } from '../../lib/timeZoom';
import type { InstantSample } from '../../datasources/types';
import { SampleTable } from '../dashboards/panels/SampleTable';
import { PromQLEditor } from './PromQLEditor';
import { Inspector } from './Inspector';
import { InspectedError, type Inspected } from './inspectedQuery';
import { exploreQueries } from './exploreSearch';
import { useQueryHistory } from './queryHistory';
import { useExploreQueries } from './useExploreQueries';
import './explore.css';
import { traceUserAction } from '../../telemetry/userAction';
import { ShareViewButton } from '../embed/ShareViewButton';
import { lazyWithPreload } from '../../lib/lazyWithPreload';

// Recharts is a third of this route's JavaScript: it loads once there is a query to draw, in
// parallel with the query itself, so the editor is ready sooner.
const { Component: TimeSeriesChart, preload: loadChart } = lazyWithPreload(() => import('./TimeSeriesChart').then((m) => m.TimeSeriesChart));

const editorLabel = (i: number) => (i === 0 ? 'PromQL query' : `PromQL query ${i + 1}`);

export function ExplorePage() {
  const search = exploreMetricsRoute.useSearch();
  const navigate = useNavigate({ from: exploreMetricsRoute.fullPath });
  const config = useConfig();
  const datasource = pickDatasource(config, ['prometheus'], search.ds);
  const { resolved, error: rangeError } = useTimeRange();
  const [chartRef, width] = useMeasuredWidth<HTMLDivElement>();
  const history = useQueryHistory();
  const tab = search.tab ?? 'graph';
  const queries = useMemo(() => exploreQueries(search.q), [search.q]);
  const [drafts, setDrafts] = useState(queries);
  useEffect(() => setDrafts(queries), [queries]);
  useEffect(() => {
    if (queries.some(Boolean)) void loadChart();
  }, [queries]);

  // The step follows the graph's width: wait for it, rather than query twice.
  const stepMs = resolved && width ? stepForRange(resolved.toMs - resolved.fromMs, width) : 0;
  const aligned = resolved && stepMs ? alignRange(resolved.fromMs, resolved.toMs, stepMs) : null;
  const queryWindow = useMemo(() => (aligned ? { ...aligned, stepMs } : null), [aligned?.fromMs, aligned?.toMs, stepMs]);
  const { results, series, isFetching, cancel } = useExploreQueries(datasource?.uid, queries, tab, queryWindow);
  const chartRange = useMemo(() => (queryWindow ? { fromMs: queryWindow.fromMs, toMs: queryWindow.toMs } : undefined), [queryWindow]);
  const onZoom = useCallback(
    (fromMs: number, toMs: number) => {
      const next = zoomToSelection(fromMs, toMs);
      if (next) void navigate({ search: (prev) => ({ ...prev, ...next }) });
    },
    [navigate],
  );

  const run = (next: string[]) => {
    traceUserAction('run query', { 'sightline.view': 'explore metrics' });
    const cleaned = next.map((q) => q.trim());
    cleaned.filter(Boolean).forEach((q) => history.record(q));
    if (cleaned.join('\n') === queries.join('\n')) results.forEach((r) => void r.refetch());
    else void navigate({ search: (prev) => ({ ...prev, q: cleaned.length === 1 ? cleaned[0] || undefined : cleaned }) });
  };

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">Explore metrics</h1>
      {!datasource && <p role="alert">No Prometheus datasource is configured.</p>}
      <form
        className="explore-queries"
        onSubmit={(e) => {
          e.preventDefault();
          run(drafts);
        }}
      >
        {datasource &&
          drafts.map((draft, i) => {
            const result = results[i];
            const error = result?.error;
            const inspection = error instanceof InspectedError ? error.inspection : (result?.data as Inspected<unknown> | undefined)?.inspection;
            return (
              <div key={i} className="explore-query">
                <div className="explore-query-row">
                  <PromQLEditor
                    label={editorLabel(i)}
                    value={draft}
                    datasourceUid={datasource.uid}
                    placeholder='PromQL, for example rate(http_requests_total{status=~"5.."}[5m])'
                    onChange={(v) => setDrafts((d) => d.map((x, j) => (j === i ? v : x)))}
                    onRun={() => run(drafts)}
                  />
                  {drafts.length > 1 && (
                    <button type="button" aria-label={`Remove query ${i + 1}`} onClick={() => run(drafts.filter((_, j) => j !== i))}>
                      Remove
                    </button>
                  )}
                </div>
                {error ? <QueryError error={error instanceof InspectedError ? error.cause : error} /> : null}
                {result?.data && countOf(result.data.data) === 0 && queries[i] && (
                  <p>
                    No data for <code>{queries[i]}</code> in this time range.
                  </p>
                )}
                {inspection && (
                  <details className="inspector-details">
                    <summary>Query inspector{queries.length > 1 ? ` (query ${i + 1})` : ''}</summary>
                    <Inspector inspection={inspection} />
                  </details>
                )}
              </div>
            );
          })}
        <div className="toolbar">
          <button type="submit" className="primary">
            Run query
          </button>
          <button type="button" onClick={() => setDrafts((d) => [...d, ''])}>
            Add query
          </button>
          <ShareViewButton />
          {isFetching && (
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {rangeError && <QueryError error={rangeError} />}
      <div className="toolbar muted" aria-live="polite">
        {datasource && <span>Datasource: {datasource.name}</span>}
        {tab === 'graph' && queries.some(Boolean) && stepMs > 0 && <span>Step {formatPromDuration(stepMs)}</span>}
        {isFetching && <span>Running query…</span>}
        {tab === 'graph' && series.length > 0 && <span>{series.length} series</span>}
      </div>
      <div role="tablist" aria-label="Result view" className="tabs">
        {(['graph', 'table'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => void navigate({ search: (prev) => ({ ...prev, tab: t === 'graph' ? undefined : t }) })}>
            {t === 'graph' ? 'Graph' : 'Table'}
          </button>
        ))}
      </div>
      <div ref={chartRef} className="card" role="tabpanel" aria-label={tab === 'graph' ? 'Graph' : 'Table'}>
        {!queries.some(Boolean) && <p className="muted">Type a PromQL expression and run it to draw a graph.</p>}
        {tab === 'graph' && series.length > 0 && (
          <Suspense fallback={<p className="muted">Loading chart…</p>}>
            <TimeSeriesChart series={series} range={chartRange} onZoom={onZoom} />
          </Suspense>
        )}
        {tab === 'table' &&
          results.map((r, i) =>
            r.data && countOf(r.data.data) > 0 ? <SampleTable key={i} samples={r.data.data as InstantSample[]} caption={`Results of query ${i + 1}`} /> : null,
          )}
      </div>
      <details className="history">
        <summary>Query history ({history.entries.length})</summary>
        <ul aria-label="Query history">
          {history.entries.map((entry) => (
            <li key={entry.expr}>
              <button type="button" className="mono history-entry" onClick={() => run([entry.expr])}>
                {entry.expr}
              </button>
            </li>
          ))}
        </ul>
        {history.entries.length > 0 && (
          <button type="button" onClick={history.clear}>
            Clear history
          </button>
        )}
      </details>
    </section>
  );
}

function countOf(data: unknown): number {
  return Array.isArray(data) ? data.length : 0;
}
