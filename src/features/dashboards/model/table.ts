import type { InstantSample } from '../../../datasources/types';

export interface TableData {
  columns: string[];
  rows: Record<string, string | number>[];
}

/** Instant samples as a table: one column per label (sorted, `__name__` first), then `Value`. */
export function samplesToTable(samples: InstantSample[]): TableData {
  const labels = new Set<string>();
  for (const s of samples) for (const k of Object.keys(s.labels)) labels.add(k);
  const names = [...labels].sort((a, b) => (a === '__name__' ? -1 : b === '__name__' ? 1 : a.localeCompare(b)));
  const rows = samples.map((s) => {
    const row: Record<string, string | number> = { Value: s.value };
    for (const name of names) row[name] = s.labels[name] ?? '';
    return row;
  });
  return { columns: [...names, 'Value'], rows };
}

export type SortDirection = 'ascending' | 'descending';

/** Numbers compare as numbers, text with locale order; the sort is stable. */
export function sortRows(rows: Record<string, string | number>[], column: string, direction: SortDirection): Record<string, string | number>[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    return String(x).localeCompare(String(y), undefined, { numeric: true }) * sign;
  });
}
