import { useCallback, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { tracesRoute } from '../../app/router';
import { useConfig } from '../../app/config';
import { useTimeRange } from '../../app/useTimeRange';
import { QueryError } from '../../app/QueryError';
import * as tempo from '../../datasources/tempo';
import * as jaeger from '../../datasources/jaeger';
import { withQuerySpan } from '../../telemetry/query';
import { scopedAttributeNames, traceqlErrorOffset } from './search/completionContext';
import { DurationScatter } from './search/DurationScatter';
import { JaegerSearchForm } from './search/JaegerSearchForm';
import { parseLogfmtTags } from './search/jaegerTags';
import type { TraceSearchParams } from './search/searchParams';
import { TraceQLEditor } from './search/TraceQLEditor';
import { TraceResults } from './search/TraceResults';
import './traces.css';
import { QueryTraceLink } from '../../app/QueryTraceLink';

const TRACE_ID = /^[0-9a-fA-F]{1,32}$/;
const DEFAULT_LIMIT = 20;
const EXAMPLES = ['{ resource.service.name = "homebot" && duration > 500ms }', '{ status = error }', '{ name = "POST /v1/goals/create" }'];

export function TraceSearchPage() {
  const search = tracesRoute.useSearch();
  const navigate = useNavigate({ from: '/traces' });
  const config = useConfig();
  const stores = config.datasources.filter((d) => d.type === 'tempo' || d.type === 'jaeger');
  const datasource = stores.find((d) => d.uid === search.ds) ?? stores[0];
  const { resolved, error: rangeError } = useTimeRange();
  const queryClient = useQueryClient();
  const setSearch = (patch: Partial<TraceSearchParams>) => void navigate({ search: (prev) => ({ ...prev, ...patch }) });

  const isJaeger = datasource?.type === 'jaeger';
  const q = search.q ?? '';
  const limit = search.limit ?? DEFAULT_LIMIT;
  const result = useQuery({
    queryKey: ['traces', 'search', datasource?.uid, isJaeger ? [search.service, search.operation, search.tags, search.minDuration, search.maxDuration] : q, limit, resolved?.fromMs, resolved?.toMs],
    enabled: Boolean(datasource && resolved && (isJaeger ? search.service : q)),
    queryFn: ({ signal }) => {
      const uid = datasource!.uid;
      if (isJaeger) {
        return withQuerySpan('traces search', { 'datasource.uid': uid, 'jaeger.service': search.service! }, () =>
          jaeger.searchTraces(
            uid,
            {
              service: search.service!,
              operation: search.operation,
              tags: parseLogfmtTags(search.tags ?? '').tags,
              minDuration: search.minDuration,
              maxDuration: search.maxDuration,
              limit,
              start: resolved!.fromMs,
              end: resolved!.toMs,
            },
            signal,
          ),
        );
      }
      return withQuerySpan('traces search', { 'datasource.uid': uid, 'db.query.text': q.slice(0, 500) }, () =>
        tempo.search(uid, { q, limit, startMs: resolved!.fromMs, endMs: resolved!.toMs }, signal),
      );
    },
  });

  const fetchAttributes = useCallback(
    () =>
      queryClient.fetchQuery({
        queryKey: ['tempo', 'tags', datasource?.uid],
        queryFn: ({ signal }) => tempo.searchTags(datasource!.uid, signal).then(scopedAttributeNames),
        staleTime: 60_000,
      }),
    [queryClient, datasource?.uid],
  );
  const fetchValues = useCallback(
    (attribute: string) =>
      queryClient.fetchQuery({
        queryKey: ['tempo', 'tagValues', datasource?.uid, attribute],
        queryFn: ({ signal }) => tempo.tagValues(datasource!.uid, attribute, {}, signal),
        staleTime: 60_000,
      }),
    [queryClient, datasource?.uid],
  );

  const openTrace = (traceId: string) => void navigate({ to: '/traces/$traceId', params: { traceId }, search: { ds: datasource?.uid } });
  const errorMessage = result.error instanceof Error ? result.error.message : undefined;
  const errorOffset = !isJaeger && errorMessage ? traceqlErrorOffset(q, errorMessage) : undefined;

  return (
    <section className="page trace-search" aria-labelledby="page-title">
      <h1 id="page-title">Traces</h1>
      <div className="search-forms">
        <OpenById onOpen={openTrace} />
        {stores.length > 1 && (
          <label>
            Datasource{' '}
            <select value={datasource?.uid} onChange={(e) => setSearch({ ds: e.target.value })}>
              {stores.map((d) => (
                <option key={d.uid} value={d.uid}>
                  {d.name} ({d.type})
                </option>
              ))}
            </select>
          </label>
        )}
        {!datasource && <p className="muted">No Tempo or Jaeger datasource is configured.</p>}
        {datasource && !isJaeger && (
          <TraceQLEditor
            value={q}
            onRun={(query) => (query === q ? void result.refetch() : setSearch({ q: query || undefined }))}
            fetchAttributes={fetchAttributes}
            fetchValues={fetchValues}
            error={errorOffset !== undefined ? { offset: errorOffset, message: errorMessage! } : undefined}
          />
        )}
        {datasource && isJaeger && (
          <JaegerSearchForm
            key={datasource.uid}
            uid={datasource.uid}
            value={{ service: search.service, operation: search.operation, tags: search.tags, minDuration: search.minDuration, maxDuration: search.maxDuration, limit: search.limit }}
            onSearch={(fields) => setSearch(fields)}
          />
        )}
      </div>
      {rangeError && <p role="alert" className="error-text">{rangeError}</p>}
      {result.error && <QueryError error={result.error} />}
      {result.isFetching && <p role="status">Searching…</p>}
      {datasource && !isJaeger && !q && (
        <div className="muted">
          Try:{' '}
          {EXAMPLES.map((example) => (
            <button key={example} type="button" className="link-button mono" onClick={() => setSearch({ q: example })} style={{ marginRight: 12 }}>
              {example}
            </button>
          ))}
        </div>
      )}
      {result.data && result.data.length === 0 && <p>No traces match in this time range.</p>}
      {result.data && result.data.length > 0 && (
        <>
          <p className="muted">
            {result.data.length} {result.data.length === 1 ? 'trace' : 'traces'}
            {result.data.length >= limit && ` (the limit; raise it or narrow the query to see more)`}{' '}
            <QueryTraceLink spanName="traces search" />
          </p>
          <DurationScatter hits={result.data} onOpen={openTrace} />
          <TraceResults hits={result.data} ds={datasource?.uid} />
        </>
      )}
    </section>
  );
}

function OpenById({ onOpen }: { onOpen: (traceId: string) => void }) {
  const [traceId, setTraceId] = useState('');
  const [idError, setIdError] = useState<string | null>(null);
  return (
    <form
      className="toolbar"
      onSubmit={(event) => {
        event.preventDefault();
        const id = traceId.trim();
        if (!TRACE_ID.test(id)) {
          setIdError('A trace id is 1 to 32 hexadecimal characters.');
          return;
        }
        setIdError(null);
        onOpen(id.toLowerCase().padStart(32, '0'));
      }}
    >
      <label>
        Trace ID{' '}
        <input type="text" className="mono" value={traceId} onChange={(e) => setTraceId(e.target.value)} size={36} aria-invalid={Boolean(idError)} />
      </label>
      <button type="submit">Open trace</button>
      {idError && (
        <span role="alert" className="error-text">
          {idError}
        </span>
      )}
    </form>
  );
}
