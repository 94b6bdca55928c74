import { useMemo, useState } from 'react';
import type { InstantSample } from '../../../datasources/types';
import { formatValue } from '../../../lib/units';
import type { Panel } from '../model/schema';
import { samplesToTable, sortRows, type SortDirection } from '../model/table';

/** An instant query as a sortable table; `columnUnits` formats columns, `unit` the Value column. */
export function TablePanel({ panel, samples }: { panel: Panel; samples: InstantSample[] }) {
  const table = useMemo(() => samplesToTable(samples), [samples]);
  const [sort, setSort] = useState<{ column: string; direction: SortDirection } | null>(null);
  const rows = useMemo(() => (sort ? sortRows(table.rows, sort.column, sort.direction) : table.rows), [table, sort]);
  const unitOf = (column: string) => panel.columnUnits?.[column] ?? (column === 'Value' ? panel.unit : undefined);
  const cell = (column: string, value: string | number) => {
    if (typeof value !== 'number') return value;
    const unit = unitOf(column);
    return unit === 'none' && panel.decimals === undefined ? String(value) : formatValue(value, unit, panel.decimals);
  };
  return (
    <div className="table-panel">
      <table>
        <thead>
          <tr>
            {table.columns.map((column) => {
              const active = sort?.column === column ? sort.direction : undefined;
              return (
                <th key={column} scope="col" aria-sort={active ?? 'none'}>
                  <button
                    type="button"
                    onClick={() => setSort({ column, direction: active === 'ascending' ? 'descending' : 'ascending' })}
                  >
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
