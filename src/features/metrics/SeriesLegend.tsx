import { formatValue } from '../../lib/units';
import type { SeriesStats } from '../dashboards/model/reduce';

export interface LegendEntry {
  key: string;
  name: string;
  color: string;
  stats: SeriesStats;
}

interface SeriesLegendProps {
  entries: LegendEntry[];
  /** The isolated series, if any: the others are hidden. */
  isolated: string | null;
  onIsolate: (key: string | null) => void;
  unit?: string;
  decimals?: number;
}

/** Legend as a table with last/min/max/mean; clicking a series shows it alone, clicking again shows all. */
export function SeriesLegend({ entries, isolated, onIsolate, unit, decimals }: SeriesLegendProps) {
  const fmt = (v: number | null) => formatValue(v, unit, decimals);
  return (
    <table className="series-legend">
      <thead>
        <tr>
          <th scope="col">Series</th>
          <th scope="col">Last</th>
          <th scope="col">Min</th>
          <th scope="col">Max</th>
          <th scope="col">Mean</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.key} className={isolated && isolated !== entry.key ? 'dimmed' : undefined}>
            <th scope="row">
              <button
                type="button"
                className="legend-series"
                aria-pressed={isolated === entry.key}
                title={isolated === entry.key ? 'Show all series' : 'Show only this series'}
                onClick={() => onIsolate(isolated === entry.key ? null : entry.key)}
              >
                <span className="swatch" style={{ background: entry.color }} aria-hidden="true" />
                <span className="mono">{entry.name}</span>
              </button>
            </th>
            <td>{fmt(entry.stats.last)}</td>
            <td>{fmt(entry.stats.min)}</td>
            <td>{fmt(entry.stats.max)}</td>
            <td>{fmt(entry.stats.mean)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
