import { formatValue } from '../../../lib/units';
import type { Panel } from '../model/schema';
import { reduceSeries, thresholdColor } from '../model/reduce';
import type { NamedSeries } from './usePanelQueries';
import { sparklinePoints } from './sparkline';

/** Big value per series (the reducer over the range), coloured by threshold, with a sparkline. */
export function StatPanel({ panel, series }: { panel: Panel; series: NamedSeries[] }) {
  return (
    <div className="stat-panel">
      {series.slice(0, 8).map((s) => {
        const value = reduceSeries(s.values, panel.reducer ?? 'last');
        const color = thresholdColor(value, panel.thresholds);
        return (
          <div key={s.name} className="stat" style={color ? { color } : undefined}>
            {series.length > 1 && <div className="stat-name mono">{s.name}</div>}
            <div className="stat-value" data-testid="stat-value">
              {formatValue(value, panel.unit, panel.decimals)}
            </div>
            <svg className="sparkline" viewBox="0 0 100 24" preserveAspectRatio="none" aria-hidden="true">
              <polyline points={sparklinePoints(s.values, 100, 24)} fill="none" stroke="currentColor" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
            </svg>
          </div>
        );
      })}
    </div>
  );
}
