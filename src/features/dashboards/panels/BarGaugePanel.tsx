import { formatValue } from '../../../lib/units';
import type { Panel } from '../model/schema';
import { reduceSeries, thresholdColor } from '../model/reduce';
import type { NamedSeries } from './usePanelQueries';
import { fractionOf } from './sparkline';

/** One horizontal bar per series; without a max the largest value fills the bar. */
export function BarGaugePanel({ panel, series }: { panel: Panel; series: NamedSeries[] }) {
  const values = series.map((s) => reduceSeries(s.values, panel.reducer ?? 'last'));
  const max = panel.max ?? Math.max(0, ...values.map((v) => v ?? 0));
  const min = panel.min ?? 0;
  return (
    <ul className="bargauge-panel" aria-label={panel.title || 'Bar gauge'}>
      {series.map((s, i) => {
        const value = values[i];
        const color = thresholdColor(value, panel.thresholds) ?? 'var(--accent)';
        return (
          <li key={`${s.name}-${i}`}>
            <span className="bargauge-name mono">{s.name}</span>
            <span className="bargauge-track" aria-hidden="true">
              <span className="bargauge-fill" style={{ width: `${fractionOf(value ?? min, min, max) * 100}%`, background: color }} />
            </span>
            <span className="bargauge-value">{formatValue(value, panel.unit, panel.decimals)}</span>
          </li>
        );
      })}
    </ul>
  );
}
