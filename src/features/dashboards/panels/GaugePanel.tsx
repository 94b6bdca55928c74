import { formatValue } from '../../../lib/units';
import type { Panel } from '../model/schema';
import { reduceSeries, thresholdColor } from '../model/reduce';
import type { NamedSeries } from './usePanelQueries';
import { fractionOf, gaugeArcPath } from './sparkline';

/** Percent-like units default to a 0-1 or 0-100 dial, as in Grafana. */
export function gaugeBounds(panel: Panel): { min: number; max: number } {
  const fallbackMax = panel.unit === 'percentunit' ? 1 : 100;
  return { min: panel.min ?? 0, max: panel.max ?? fallbackMax };
}

export function GaugePanel({ panel, series }: { panel: Panel; series: NamedSeries[] }) {
  const { min, max } = gaugeBounds(panel);
  return (
    <div className="gauge-panel">
      {series.slice(0, 4).map((s) => {
        const value = reduceSeries(s.values, panel.reducer ?? 'last');
        const color = thresholdColor(value, panel.thresholds) ?? 'var(--accent)';
        const text = formatValue(value, panel.unit, panel.decimals);
        return (
          <figure key={s.name} className="gauge" aria-label={`${s.name}: ${text}`}>
            <svg viewBox="0 0 100 80" role="img" aria-label={`Gauge ${text} of ${formatValue(max, panel.unit, panel.decimals)}`}>
              <path d={gaugeArcPath(1, 50, 50, 40)} fill="none" stroke="var(--bg-sunken)" strokeWidth="10" />
              {value !== null && <path d={gaugeArcPath(fractionOf(value, min, max), 50, 50, 40)} fill="none" stroke={color} strokeWidth="10" />}
              <text x="50" y="55" textAnchor="middle" fontSize="14" fill="var(--text-strong)" data-testid="gauge-value">
                {text}
              </text>
            </svg>
            {series.length > 1 && <figcaption className="mono">{s.name}</figcaption>}
          </figure>
        );
      })}
    </div>
  );
}
