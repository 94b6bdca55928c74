import { memo, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimeSeries } from '../../datasources/types';
import { volumeRows } from './volumeRows';

export const LEVEL_COLORS: Record<string, string> = {
  critical: '#a352cc',
  error: 'var(--error)',
  warning: 'var(--warn)',
  info: 'var(--ok)',
  debug: '#6e9fff',
  trace: '#6ed0e0',
  unknown: 'var(--muted)',
};

const tick = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Lines per level over the range, stacked; drag across bars to zoom the time range to them. */
export const VolumeHistogram = memo(function VolumeHistogram({ series, stepMs, onZoom }: { series: TimeSeries[]; stepMs: number; onZoom: (fromMs: number, toMs: number) => void }) {
  const { rows, levels, total } = useMemo(() => volumeRows(series), [series]);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const label = (e: { activeLabel?: string | number } | null) => (e?.activeLabel === undefined ? undefined : Number(e.activeLabel));
  return (
    <figure className="log-volume" aria-label={`Log volume by level: ${total} lines (${levels.join(', ')})`}>
      <ResponsiveContainer width="100%" height={120}>
        <BarChart
          data={rows}
          margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
          barCategoryGap={1}
          onMouseDown={(e) => {
            const t = label(e);
            if (t !== undefined) setDrag({ from: t, to: t });
          }}
          onMouseMove={(e) => {
            const t = label(e);
            if (drag && t !== undefined) setDrag({ ...drag, to: t });
          }}
          onMouseUp={() => {
            if (drag && drag.from !== drag.to) onZoom(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to) + stepMs);
            setDrag(null);
          }}
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="t" type="category" tickFormatter={(t: number) => tick.format(t)} stroke="var(--muted)" minTickGap={40} />
          <YAxis stroke="var(--muted)" width={48} allowDecimals={false} />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(t) => full.format(Number(t))}
            contentStyle={{ background: 'var(--bg-raised)', border: '1px solid var(--border)' }}
          />
          {levels.map((level) => (
            <Bar key={level} dataKey={level} stackId="level" fill={LEVEL_COLORS[level] ?? 'var(--accent)'} isAnimationActive={false} />
          ))}
          {drag && drag.from !== drag.to && <ReferenceArea x1={Math.min(drag.from, drag.to)} x2={Math.max(drag.from, drag.to)} fillOpacity={0.25} />}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
});
