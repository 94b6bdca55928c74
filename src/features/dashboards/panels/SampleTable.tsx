import { useMemo, useState } from 'react';
import type { InstantSample } from '../../../datasources/types';
import { formatValue } from '../../../lib/units';
import { samplesToTable, sortRows, type SortDirection } from '../model/table';
import './table.css';

interface SampleTableProps {
  samples: InstantSample[];
  /** The unit of a column; undefined shows numbers as Prometheus printed them. */
  unitOf?: (column: string) => string | undefined;
  decimals?: number;
  caption?: string;
}

/** Instant samples as a table sortable by any column (a real button in each header). */
export function SampleTable({ samples, unitOf = () => undefined, decimals, caption }: SampleTableProps) {
  const table = useMemo(() => samplesToTable(samples), [samples]);
  const [sort, setSort] = useState<{ column: string; direction: SortDirection } | null>(null);
  const rows = useMemo(() => (sort ? sortRows(table.rows, sort.column, sort.direction) : table.rows), [table, sort]);
  const cell = (column: string, value: string | number) => {
    if (typeof value !== 'number') return value;
    const unit = unitOf(column);
    return unit === undefined || (unit === 'none' && decimals === undefined) ? String(value) : formatValue(value, unit, decimals);
  };
  return (
    <div className="table-panel">
      <table>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {table.columns.map((column) => {
              const active = sort?.column === column ? sort.direction : undefined;
              return (
                <th key={column} scope="col" aria-sort={active ?? 'none'}>
                  <button type="button" onClick={() => setSort({ column, direction: active === 'ascending' ? 'descending' : 'ascending' })}>
                    {column}
                    <span aria-hidden="true">{active === 'ascending' ? ' ▲' : active === 'descending' ? ' ▼' : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {table.columns.map((column) => (
                <td key={column} className={column === 'Value' ? 'num' : 'mono'}>
                  {cell(column, row[column])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
