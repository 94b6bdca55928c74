import { useId } from 'react';
import type { LogsSearch } from './logsSearch';
import { DEFAULT_LIMIT } from './logsSearch';

const LIMITS = [100, 500, 1000, 2000, 5000];

/** Display and query options; each one is part of the URL. */
export function LogsToolbar({ search, onChange, isMetric }: { search: LogsSearch; onChange: (patch: Partial<LogsSearch>) => void; isMetric: boolean }) {
  const id = useId();
  const limit = search.limit ?? DEFAULT_LIMIT;
  return (
    <div className="toolbar log-options" role="group" aria-label="Log display options">
      {!isMetric && !search.live && (
        <>
          <label htmlFor={`${id}-limit`}>Line limit</label>
          <select id={`${id}-limit`} value={limit} onChange={(e) => onChange({ limit: Number(e.target.value) === DEFAULT_LIMIT ? undefined : Number(e.target.value) })}>
            {[...new Set([...LIMITS, limit])].sort((a, b) => a - b).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-dir`}>Order</label>
          <select id={`${id}-dir`} value={search.direction ?? 'backward'} onChange={(e) => onChange({ direction: e.target.value === 'forward' ? 'forward' : undefined })}>
            <option value="backward">Newest first</option>
            <option value="forward">Oldest first</option>
          </select>
        </>
      )}
      {!isMetric && (
        <>
          <label htmlFor={`${id}-dedup`}>Dedup</label>
          <select id={`${id}-dedup`} value={search.dedup ?? 'none'} onChange={(e) => onChange({ dedup: e.target.value === 'exact' || e.target.value === 'numbers' ? e.target.value : undefined })}>
            <option value="none">None</option>
            <option value="exact">Exact</option>
            <option value="numbers">Numbers</option>
          </select>
          <label>
            <input type="checkbox" checked={Boolean(search.wrap)} onChange={(e) => onChange({ wrap: e.target.checked || undefined })} /> Wrap lines
          </label>
          <label>
            <input type="checkbox" checked={Boolean(search.utc)} onChange={(e) => onChange({ utc: e.target.checked || undefined })} /> UTC
          </label>
          <button type="button" aria-pressed={Boolean(search.live)} onClick={() => onChange({ live: search.live ? undefined : true })}>
            {search.live ? 'Stop live tail' : 'Live tail'}
          </button>
        </>
      )}
    </div>
  );
}
