import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import * as jaeger from '../../../datasources/jaeger';
import { withQuerySpan } from '../../../telemetry/query';
import { isGoDuration, parseLogfmtTags } from './jaegerTags';
import type { TraceSearchParams } from './searchParams';

type JaegerFields = Pick<TraceSearchParams, 'service' | 'operation' | 'tags' | 'minDuration' | 'maxDuration' | 'limit'>;

interface JaegerSearchFormProps {
  uid: string;
  value: JaegerFields;
  onSearch: (fields: JaegerFields) => void;
}

/** Jaeger UI's search form: service, operation, tags (logfmt), duration bounds, limit. */
export function JaegerSearchForm({ uid, value, onSearch }: JaegerSearchFormProps) {
  const [draft, setDraft] = useState<JaegerFields>(value);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(value), [value.service, value.operation, value.tags, value.minDuration, value.maxDuration, value.limit]);

  const services = useQuery({
    queryKey: ['jaeger', 'services', uid],
    queryFn: ({ signal }) => withQuerySpan('traces jaeger services', { 'datasource.uid': uid }, () => jaeger.services(uid, signal)),
    staleTime: 60_000,
  });
  const operations = useQuery({
    queryKey: ['jaeger', 'operations', uid, draft.service],
    enabled: Boolean(draft.service),
    queryFn: ({ signal }) =>
      withQuerySpan('traces jaeger operations', { 'datasource.uid': uid }, () => jaeger.operations(uid, draft.service!, signal)),
    staleTime: 60_000,
  });
  const set = (patch: Partial<JaegerFields>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <form
      className="jaeger-form"
      aria-label="Jaeger search"
      onSubmit={(event) => {
        event.preventDefault();
        if (!draft.service) return setProblem('Choose a service.');
        const tags = parseLogfmtTags(draft.tags ?? '');
        if (tags.error) return setProblem(tags.error);
        for (const [name, d] of [['Min duration', draft.minDuration], ['Max duration', draft.maxDuration]] as const) {
          if (d && !isGoDuration(d)) return setProblem(`${name} "${d}" is not a duration such as 100ms, 1.5s or 2m.`);
        }
        setProblem(null);
        onSearch(draft);
      }}
    >
      <label>
        Service
        <select value={draft.service ?? ''} onChange={(e) => set({ service: e.target.value || undefined, operation: undefined })}>
          <option value="">{services.isLoading ? 'loading…' : 'choose…'}</option>
          {services.data?.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        Operation
        <select value={draft.operation ?? ''} onChange={(e) => set({ operation: e.target.value || undefined })} disabled={!draft.service}>
          <option value="">all</option>
          {operations.data?.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </label>
      <label>
        Tags
        <input type="text" className="mono" size={30} value={draft.tags ?? ''} placeholder="error=true http.status_code=500" onChange={(e) => set({ tags: e.target.value || undefined })} />
      </label>
      <label>
        Min duration
        <input type="text" size={7} value={draft.minDuration ?? ''} placeholder="100ms" onChange={(e) => set({ minDuration: e.target.value || undefined })} />
      </label>
      <label>
        Max duration
        <input type="text" size={7} value={draft.maxDuration ?? ''} placeholder="5s" onChange={(e) => set({ maxDuration: e.target.value || undefined })} />
      </label>
      <label>
        Limit
        <input type="number" min={1} max={1500} style={{ width: '6em' }} value={draft.limit ?? 20} onChange={(e) => set({ limit: Number(e.target.value) || undefined })} />
      </label>
      <button type="submit" className="primary">
        Find traces
      </button>
      {services.error && <span className="error-text">Services: {(services.error as Error).message}</span>}
      {problem && (
        <span role="alert" className="error-text">
          {problem}
        </span>
      )}
    </form>
  );
}
