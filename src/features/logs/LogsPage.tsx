import { lazy, Suspense, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { logsRoute } from '../../app/router';
import { pickDatasource, useConfig } from '../../app/config';
import { useTimeRange } from '../../app/useTimeRange';
import { QueryError } from '../../app/QueryError';
import { stringifySearch } from '../../app/urlSearch';
import { labels as fetchLabels, labelValues as fetchLabelValues } from '../../datasources/loki';
import type { LogLine } from '../../datasources/types';
import { dedupLines } from './dedup';
import { createLineFilter } from './lineFilter';
import { DEFAULT_DERIVED_FIELDS } from './derivedFields';
import type { LineActions } from './LineDetails';
import { LogList } from './LogList';
import { LogQLEditor } from './LogQLEditor';
import { LogsToolbar } from './LogsToolbar';
import { LokiErrorNotice } from './LokiErrorNotice';
import { analyzeLogQL, searchTerms } from './logql';
import { DEFAULT_LIMIT, type LogsSearch } from './logsSearch';
import { parseErrorPosition } from './lokiErrors';
import { parsedLine } from './parsedLine';
import { addFieldFilter, addLabelMatcher, volumeQuery, volumeStepSeconds } from './queryBuild';
import { QueryStats } from './QueryStats';
import { useLogLines, useLogMetric } from './useLogLines';
import { FieldSummary } from './FieldSummary';
import { LabelBrowser } from './LabelBrowser';
import { ContextPanel } from './ContextPanel';
import { LiveTail } from './LiveTail';
import './logs.css';
import { ShareViewButton } from '../embed/ShareViewButton';
import { traceUserAction } from '../../telemetry/userAction';
import { QueryTraceLink } from '../../app/QueryTraceLink';

// Recharts loads only when a chart is drawn, after the lines: it is most of the route's weight.
const VolumeHistogram = lazy(() => import('./VolumeHistogram').then((m) => ({ default: m.VolumeHistogram })));
const TimeSeriesChart = lazy(() => import('../metrics/TimeSeriesChart').then((m) => ({ default: m.TimeSeriesChart })));

export function LogsPage() {
  const search = logsRoute.useSearch();
  const { q = '', ds, line: linkedLine } = search;
  const navigate = useNavigate({ from: logsRoute.fullPath });
  const config = useConfig();
  const datasource = pickDatasource(config, ['loki'], ds);
  // Configured rules first; the trace_id rule always applies, since trace links are the point.
  const derivedFields = useMemo(() => [...(config.logs?.derivedFields ?? []), ...DEFAULT_DERIVED_FIELDS], [config]);
  const uid = datasource?.uid;
  const { resolved, error: rangeError } = useTimeRange();
  const shape = useMemo(() => analyzeLogQL(q), [q]);
  const terms = useMemo(() => searchTerms(q), [q]);
  const limit = search.limit ?? DEFAULT_LIMIT;
  const direction = search.direction ?? 'backward';
  const utc = Boolean(search.utc);
  const [browserOpen, setBrowserOpen] = useState(false);
  const [contextLine, setContextLine] = useState<LogLine | null>(null);
  const [filterText, setFilterText] = useState('');
  const deferredFilter = useDeferredValue(filterText);

  const setSearch = useCallback((patch: Partial<LogsSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }) }), [navigate]);
  const runQuery = useCallback((query: string) => setSearch({ q: query || undefined, line: undefined }), [setSearch]);

  const lines = useLogLines({ uid, query: q, isMetric: shape.isMetric, fromMs: resolved?.fromMs, toMs: resolved?.toMs, limit, direction });
  const metric = useLogMetric(uid, q, shape.isMetric && !search.live, resolved?.fromMs, resolved?.toMs);
  const stepS = resolved ? volumeStepSeconds(resolved.toMs - resolved.fromMs) : 60;
  const volume = useLogMetric(uid, volumeQuery(q, stepS), Boolean(q && !shape.isMetric && !shape.hasSyntaxError && !search.live), resolved?.fromMs, resolved?.toMs, stepS * 1000, 'logs volume query_range');

  const lineFilter = useMemo(() => createLineFilter(lines.lines), [lines.lines]);
  const visibleLines = useMemo(() => lineFilter.filter(deferredFilter), [lineFilter, deferredFilter]);
  const rows = useMemo(() => dedupLines(visibleLines, search.dedup ?? 'none', (l) => parsedLine(l).text), [visibleLines, search.dedup]);
  const allTerms = useMemo(() => (deferredFilter.trim() ? [...terms, deferredFilter.trim()] : terms), [terms, deferredFilter]);

  const actions: LineActions = useMemo(
    () => ({
      derivedFields,
      onShowContext: setContextLine,
      onFilter: (field, name, include, parser) =>
        runQuery(field.source === 'label' ? addLabelMatcher(q, field.key, field.value, include) : addFieldFilter(q, name, field.value, include, parser ?? 'json')),
      lineLink: (line) => {
        const params = { q, ds, direction: search.direction, limit: search.limit, from: resolved?.fromMs, to: resolved?.toMs, line: line.id };
        return `${location.origin}/logs${stringifySearch(params)}`;
      },
    }),
    [q, ds, search.direction, search.limit, resolved?.fromMs, resolved?.toMs, runQuery, derivedFields],
  );

  const queryError = lines.error ?? metric.error;
  const parsePos = queryError instanceof Error ? parseErrorPosition(queryError.message, q) : undefined;
  const rangeLabel = resolved ? { fromMs: resolved.fromMs, toMs: resolved.toMs } : null;

  return (
    <section className="page logs-page" aria-labelledby="page-title">
      <h1 id="page-title">Logs</h1>
      {!datasource && <p role="alert">No Loki datasource is configured.</p>}
      <div className="toolbar">
        <button type="button" aria-expanded={browserOpen} onClick={() => setBrowserOpen((o) => !o)}>
          Label browser
        </button>
        <ShareViewButton />
      </div>
      {browserOpen && uid && rangeLabel && (
        <LabelBrowser
          uid={uid}
          {...rangeLabel}
          onClose={() => setBrowserOpen(false)}
          onUse={(selector) => {
            setBrowserOpen(false);
            runQuery(selector);
          }}
        />
      )}
      <LogQLEditor
        value={q}
        onRun={(query) => {
          traceUserAction('run query', { 'sightline.view': 'logs' });
          if (query === q) void (shape.isMetric ? metric.refetch() : lines.refetch());
          else runQuery(query);
        }}
        fetchLabels={() => (uid ? fetchLabels(uid, { start: resolved?.fromMs, end: resolved?.toMs }) : Promise.resolve([]))}
        fetchLabelValues={(name) => (uid ? fetchLabelValues(uid, name, { start: resolved?.fromMs, end: resolved?.toMs }) : Promise.resolve([]))}
        error={parsePos && queryError instanceof Error ? { offset: parsePos.offset, message: queryError.message } : undefined}
      />
      {rangeError && <QueryError error={rangeError} />}
      {queryError && <LokiErrorNotice error={queryError} query={q} />}
      <LogsToolbar search={search} onChange={setSearch} isMetric={shape.isMetric} />
      {!q && <p className="muted">Type a LogQL query and run it, or pick labels in the label browser.</p>}

      {shape.isMetric &&
        metric.data &&
        (metric.data.series.length ? (
          <Suspense fallback={<p className="muted">Drawing chart…</p>}>
            <TimeSeriesChart series={metric.data.series} />
          </Suspense>
        ) : (
          <p>
            No data for <code>{q}</code>.
          </p>
        ))}

      {search.live && uid && !shape.isMetric && q && <LiveTail uid={uid} query={q} terms={terms} utc={utc} wrap={Boolean(search.wrap)} actions={actions} />}

      {!shape.isMetric && !search.live && q && (
        <>
          {volume.data && volume.data.series.length > 0 && (
            <Suspense fallback={<div className="log-volume" />}>
              <VolumeHistogram series={volume.data.series} stepMs={stepS * 1000} onZoom={(from, to) => void navigate({ search: (prev) => ({ ...prev, from: String(from), to: String(to) }) })} />
            </Suspense>
          )}
          <div className="toolbar muted" aria-live="polite">
            {lines.isFetching && <span>Running query…</span>}
            {lines.data && (
              <span className="line-count">
                {lines.lines.length} lines{lines.limitReached ? ` (limit ${limit} per page reached)` : ''}, {direction === 'backward' ? 'newest' : 'oldest'} first
                {deferredFilter.trim() && `; ${visibleLines.length} match “${deferredFilter.trim()}”`}
              </span>
            )}
            <QueryStats stats={lines.stats} />
            <QueryTraceLink spanName="logs query_range" />
          </div>
          {lines.data && lines.lines.length === 0 && (
            <p>
              No log lines match <code>{q}</code> in this time range.
            </p>
          )}
          {lines.lines.length > 0 && (
            <div className="logs-body">
              <div className="logs-main">
                <label className="log-filter">
                  Filter loaded lines <input type="search" value={filterText} onChange={(e) => setFilterText(e.target.value)} placeholder="text in the lines below" />
                </label>
                <LogList rows={rows} terms={allTerms} utc={utc} wrap={Boolean(search.wrap)} selectedId={linkedLine} actions={actions} />
                {lines.hasNextPage && (
                  <button type="button" disabled={lines.isFetchingNextPage} onClick={() => void lines.fetchNextPage()}>
                    {lines.isFetchingNextPage ? 'Loading…' : direction === 'backward' ? 'Load older lines' : 'Load newer lines'}
                  </button>
                )}
              </div>
              <FieldSummary lines={lines.lines} onFilter={(field, name, parser) => runQuery(addFieldFilter(q, name, field.value, true, parser ?? 'json'))} />
            </div>
          )}
        </>
      )}
      {contextLine && uid && <ContextPanel uid={uid} line={contextLine} querySelector={shape.selector} utc={utc} onClose={() => setContextLine(null)} />}
    </section>
  );
}
