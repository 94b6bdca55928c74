import { useId, useMemo } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { ChartRow } from '../../lib/downsample';
import { linePath } from './linePath';

interface DenseLinesProps {
  rows: ChartRow[];
  keys: string[];
  colors: string[];
  visible: (key: string) => boolean;
}

/**
 * The lines of a chart with many series, drawn inside a Recharts chart from its own axis scales.
 * Recharts' <Line> builds several objects per point (coordinates, label entries): at 50 series
 * that was a fifth of the time from data to a painted chart. Here a path is one string per series.
 */
export function DenseLines({ rows, keys, colors, visible }: DenseLinesProps) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  // Plain characters: the id goes into a url(#...) reference.
  const clipId = `dense-lines-${useId().replace(/[^\w-]/g, '')}`;
  const paths = useMemo(() => (x && y ? keys.map((key) => linePath(rows, key, x, y)) : []), [rows, keys, x, y]);
  if (!plot || paths.length === 0) return null;
  return (
    <g className="chart-dense-lines" clipPath={`url(#${clipId})`}>
      <clipPath id={clipId}>
        <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
      </clipPath>
      {keys.map((key, i) =>
        visible(key) ? <path key={key} className="chart-line" d={paths[i]} stroke={colors[i]} strokeWidth={1.5} fill="none" data-series-key={key} /> : null,
      )}
    </g>
  );
}
