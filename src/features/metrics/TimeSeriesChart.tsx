import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimeSeries } from '../../datasources/types';
import { colorForIndex } from '../../lib/colors';
import { formatSeriesName, seriesToRows } from './seriesRows';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const fullTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const valueFormat = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 4 });

/** A line chart of metric series; animation off and dots off, as large series need. */
export const TimeSeriesChart = memo(function TimeSeriesChart({ series, height = 320 }: { series: TimeSeries[]; height?: number }) {
  const { rows, keys } = useMemo(() => seriesToRows(series), [series]);
  const names = useMemo(() => series.map((s) => formatSeriesName(s.labels)), [series]);
  return (
    <figure className="chart" aria-label={`Chart of ${series.length} series`}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(t: number) => timeFormat.format(t)}
            stroke="var(--muted)"
            minTickGap={40}
          />
          <YAxis tickFormatter={(v: number) => valueFormat.format(v)} stroke="var(--muted)" width={64} />
          {series.length <= 20 && (
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(t) => fullTimeFormat.format(Number(t))}
              formatter={(value, key) => [valueFormat.format(Number(value)), names[keys.indexOf(String(key))] ?? key]}
              contentStyle={{ background: 'var(--bg-raised)', border: '1px solid var(--border)' }}
            />
          )}
          {keys.map((key, index) => (
            <Line
              key={key}
              dataKey={key}
              name={names[index]}
              stroke={colorForIndex(index)}
              dot={false}
              isAnimationActive={false}
              strokeWidth={1.5}
              connectNulls={false}
              type="linear"
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption>
        <ul className="legend">
          {names.map((name, index) => (
            <li key={keys[index]}>
              <span className="swatch" style={{ background: colorForIndex(index) }} aria-hidden="true" />
              <span className="mono">{name}</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
});
