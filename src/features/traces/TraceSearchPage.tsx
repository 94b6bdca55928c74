import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { tracesRoute } from '../../app/router';
import { pickDatasource, useConfig } from '../../app/config';
import { useTimeRange } from '../../app/useTimeRange';
import { QueryBar } from '../../app/QueryBar';
import { QueryError } from '../../app/QueryError';
import * as tempo from '../../datasources/tempo';
import { withQuerySpan } from '../../telemetry/query';

const TRACE_ID = /^[0-9a-fA-F]{1,32}$/;

export function TraceSearchPage() {
  const { q = '', ds } = tracesRoute.useSearch();
  const navigate = useNavigate();
  const datasource = pickDatasource(useConfig(), ['tempo'], ds);
  const { resolved } = useTimeRange();
  const [traceId, setTraceId] = useState('');
  const [idError, setIdError] = useState<string | null>(null);

  const result = useQuery({
    queryKey: ['tempo', 'search', datasource?.uid, q, resolved?.fromMs, resolved?.toMs],
    enabled: Boolean(q && datasource && resolved),
    queryFn: ({ signal }) =>
      withQuerySpan('traces search', { 'datasource.uid': datasource!.uid, 'db.query.text': q.slice(0, 500) }, () =>
        tempo.search(datasource!.uid, { q, limit: 20, startMs: resolved!.fromMs, endMs: resolved!.toMs }, signal),
      ),
  });

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">Traces</h1>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          const id = traceId.trim();
          if (!TRACE_ID.test(id)) {
            setIdError('A trace id is 1 to 32 hexadecimal characters.');
            return;
          }
          void navigate({ to: '/traces/$traceId', params: { traceId: id.toLowerCase().padStart(32, '0') } });
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
      {datasource ? (
        <QueryBar
          label="TraceQL query"
          value={q}
          placeholder='TraceQL, for example { resource.service.name = "homebot" && duration > 500ms }'
          onRun={(query) => {
            if (query === q) void result.refetch();
            else void navigate({ to: '/traces', search: (prev: Record<string, unknown>) => ({ ...prev, q: query || undefined }) });
          }}
        />
      ) : (
        <p className="muted">No Tempo datasource is configured: open traces by id.</p>
      )}
      {result.error && <QueryError error={result.error} />}
      {result.isFetching && <p role="status">Searching…</p>}
      {result.data && result.data.length === 0 && <p>No traces match in this time range.</p>}
      {result.data && result.data.length > 0 && (
        <table className="data" aria-label="Matching traces">
          <thead>
            <tr>
              <th scope="col">Trace</th>
              <th scope="col">Root service</th>
              <th scope="col">Start</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {result.data.map((hit) => (
              <tr key={hit.traceId}>
                <td>
                  <Link to="/traces/$traceId" params={{ traceId: hit.traceId }} search={{ ds: datasource?.uid }}>
                    {hit.rootTraceName ?? '(root span not received)'}
                  </Link>
                  <div className="mono muted">{hit.traceId}</div>
                </td>
                <td>{hit.rootServiceName ?? '-'}</td>
                <td>{new Date(hit.startUs / 1000).toLocaleString()}</td>
                <td className="mono">{hit.durationMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
