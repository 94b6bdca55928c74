import { memo, useMemo, useState } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimeSeries } from '../../datasources/types';
import type { ResolvedRange } from '../../lib/timeRange';
import { colorForIndex } from '../../lib/colors';
import { minMaxRows } from '../../lib/downsample';
import { formatValue } from '../../lib/units';
import { useMeasuredWidth } from '../../lib/useMeasuredWidth';
import { useTimeFormatters } from '../../lib/timeFormat';
import { timeTicks, zoneOffsetMs } from '../../lib/timeTicks';
import { niceTicks } from '../../lib/niceScale';
import { DenseLines } from './DenseLines';
import { cssColor, seriesStats } from '../dashboards/model/reduce';
import type { ThresholdStep } from '../dashboards/model/schema';
import { formatSeriesName, seriesToRows } from './seriesRows';
import { SeriesLegend, type LegendEntry } from './SeriesLegend';
import { useDragZoom } from './useDragZoom';
import './chart.css';


const MARGIN = { top: 8, right: 16, bottom: 0, left: 0 };
const Y_AXIS_WIDTH = 72;
/** Above this many series the shared tooltip costs more per mouse move than a frame allows. */
const MAX_TOOLTIP_SERIES = 20;
/**
 * Recharts costs about 6 µs per drawn point on top of a fixed 150-250 ms (STACK.md): beyond this
 * many points per chart, series are min/max-downsampled into fewer (wider) buckets.
 */
const MAX_DRAWN_POINTS = 16_000;
/**
 * Pixels per x-axis tick. Ticks, grid lines and labels are laid out here, not by Recharts, whose
 * defaults measure every label in the DOM (to drop overlapping ones, and to wrap words): a forced
 * layout per label that cost 50-100 ms on a chart of 50 series.
 */
const X_TICK_SPACING = 110;
/** Pixels per y-axis tick: every tick is labelled, so short panels get fewer. */
const Y_TICK_SPACING = 28;
/** The x axis's own height under the plot (Recharts' default). */
const X_AXIS_HEIGHT = 30;

export interface TimeSeriesChartProps {
  series: TimeSeries[];
  /** Display names, one per series; defaults to Prometheus's `metric{labels}`. */
  names?: string[];
  height?: number;
  style?: 'lines' | 'area' | 'bars';
  stacked?: boolean;
  unit?: string;
  decimals?: number;
  min?: number;
  max?: number;
  thresholds?: ThresholdStep[];
  thresholdsStyle?: 'off' | 'line' | 'area';
  /** The queried range: the x axis spans it, and dragging across picks a part of it. */
  range?: ResolvedRange;
  onZoom?: (fromMs: number, toMs: number) => void;
  /** Charts sharing an id share the crosshair and tooltip (a dashboard's panels). */
  syncId?: string;
  showLegend?: boolean;
}

/**
 * Metric series drawn with Recharts: rows shared across series, min/max-downsampled to the plot's
 * pixel budget, no animation and no dots (see STACK.md, "Recharts at scale").
 */
export const TimeSeriesChart = memo(function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { series, height = 320, style = 'lines', stacked = false, unit, decimals, thresholds, thresholdsStyle = 'off', range, onZoom, syncId, showLegend = true } = props;
  const [wrapRef, measured] = useMeasuredWidth<HTMLDivElement>();
  const [isolated, setIsolated] = useState<string | null>(null);
  const width = measured ?? 0;
  const plotWidth = Math.max(50, width - Y_AXIS_WIDTH - MARGIN.right);
  // Buckets of at least four pixels (two rows each), fewer when many series share the chart.
  const buckets = Math.max(25, Math.min(Math.floor(plotWidth / 4), Math.floor(MAX_DRAWN_POINTS / (2 * Math.max(1, series.length)))));

  const keys = useMemo(() => series.map((_, i) => `s${i}`), [series]);
  const rows = useMemo(() => {
    if (measured === null) return [];
    const longest = series.reduce((n, s) => Math.max(n, s.timestamps.length), 0);
    return longest > 2 * buckets ? minMaxRows(series, keys, buckets) : seriesToRows(series).rows;
  }, [series, keys, buckets, measured]);
  const names = useMemo(() => props.names ?? series.map((s) => formatSeriesName(s.labels)), [props.names, series]);
  const colors = useMemo(() => series.map((_, i) => colorForIndex(i)), [series]);
  const legend: LegendEntry[] = useMemo(
    () => series.map((s, i) => ({ key: keys[i], name: names[i], color: colors[i], stats: seriesStats(s.values) })),
    [series, keys, names, colors],
  );
  const yTickCount = Math.max(2, Math.min(5, Math.floor((height - MARGIN.top - X_AXIS_HEIGHT) / Y_TICK_SPACING) + 1));
  const { handlers, selection } = useDragZoom(range, { left: Y_AXIS_WIDTH + MARGIN.left, right: MARGIN.right }, onZoom);

  const fmt = (v: number) => formatValue(v, unit, decimals);
  const openBand = useMemo(() => {
    let maxAbs = Math.max(Math.abs(props.min ?? 0), Math.abs(props.max ?? 0), ...(thresholds ?? []).map((t) => Math.abs(t.value ?? 0)));
    let stackedAbs = 0;
    for (const s of legend) {
      const abs = Math.max(Math.abs(s.stats.min ?? 0), Math.abs(s.stats.max ?? 0));
      maxAbs = Math.max(maxAbs, abs);
      stackedAbs += abs;
    }
    return (stacked ? Math.max(maxAbs, stackedAbs) : maxAbs) * 4 + 1;
  }, [legend, thresholds, props.min, props.max, stacked]);
  const times = useTimeFormatters(range ? range.toMs - range.fromMs : (series[0]?.timestamps.at(-1) ?? 0) - (series[0]?.timestamps[0] ?? 0));
  const visible = (key: string) => isolated === null || isolated === key;
  // Many plain lines: drawn by DenseLines (Recharts' <Line> costs several objects per point).
  const dense = style === 'lines' && series.length > MAX_TOOLTIP_SERIES;
  // Round y ticks from the visible series (and threshold lines), as Grafana draws them: Recharts'
  // own "auto" splits the data's range evenly (0, 0.095, 0.19...). Stacked charts keep Recharts'
  // domain, which knows the stacked sums.
  const ownYTicks = !stacked;
  const yAxis = useMemo((): { domain: [number | string, number | string]; ticks?: number[] } => {
    if (!ownYTicks) return { domain: [props.min ?? 'auto', props.max ?? 'auto'] };
    let lo = style === 'lines' ? Infinity : 0; // bars and areas fill from zero
    let hi = style === 'lines' ? -Infinity : 0;
    for (const entry of legend) {
      if (isolated !== null && isolated !== entry.key) continue;
      lo = Math.min(lo, entry.stats.min ?? Infinity);
      hi = Math.max(hi, entry.stats.max ?? -Infinity);
    }
    for (const step of thresholdsStyle === 'line' ? (thresholds ?? []) : []) {
      if (typeof step.value !== 'number') continue;
      lo = Math.min(lo, step.value);
      hi = Math.max(hi, step.value);
    }
    const ticks = niceTicks(props.min ?? lo, props.max ?? hi, yTickCount);
    const inRange = ticks.filter((t) => (props.min === undefined || t >= props.min) && (props.max === undefined || t <= props.max));
    return { domain: [props.min ?? ticks[0], props.max ?? ticks[ticks.length - 1]], ticks: inRange };
  }, [ownYTicks, style, legend, isolated, thresholds, thresholdsStyle, props.min, props.max, yTickCount]);
  const xFrom = range?.fromMs ?? Math.min(...series.map((s) => s.timestamps[0] ?? Infinity));
  const xTo = range?.toMs ?? Math.max(...series.map((s) => s.timestamps.at(-1) ?? -Infinity));
  const domain: [number, number] = [xFrom, xTo];
  const xTicks = useMemo(
    () => timeTicks(xFrom, xTo, Math.max(2, Math.floor(plotWidth / X_TICK_SPACING)), zoneOffsetMs(times.timeZone, xFrom)),
    [xFrom, xTo, plotWidth, times.timeZone],
  );
  const xTick = useMemo(() => axisTick(times.axis, '0.71em'), [times.axis]);
  const yTick = useMemo(() => axisTick((v) => formatValue(v, unit, decimals), '0.355em'), [unit, decimals]);

  return (
    <figure className="chart" aria-label={`Chart of ${series.length} series`}>
      <div ref={wrapRef} className="chart-plot" {...handlers} data-zoomable={onZoom ? 'true' : undefined}>
        {measured === null ? (
          <div style={{ height }} />
        ) : (
          <ComposedChart width={width} height={height} data={rows} margin={MARGIN} syncId={syncId} syncMethod="value" barCategoryGap={0} barGap={0}>
            <CartesianGrid
              stroke="var(--border)"
              strokeDasharray="3 3"
              verticalCoordinatesGenerator={({ offset }) => xTicks.map((t) => offset.left + ((t - xFrom) / (xTo - xFrom)) * offset.width)}
              horizontalCoordinatesGenerator={({ yAxis }) => niceTickPixels(yAxis)}
            />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={domain}
              allowDataOverflow
              ticks={xTicks}
              tick={xTick}
              interval={0}
              stroke="var(--muted)"
            />
            <YAxis tick={yTick} interval={0} stroke="var(--muted)" width={Y_AXIS_WIDTH} domain={yAxis.domain} ticks={yAxis.ticks} tickCount={yTickCount} allowDataOverflow={ownYTicks} />
            {series.length <= MAX_TOOLTIP_SERIES && (
              <Tooltip
                isAnimationActive={false}
                labelFormatter={(t) => times.full(Number(t))}
                formatter={(value, key) => [fmt(Number(value)), names[keys.indexOf(String(key))] ?? key]}
                contentStyle={{ background: 'var(--bg-raised)', border: '1px solid var(--border)' }}
              />
            )}
            {thresholdsStyle !== 'off' && thresholdMarks(thresholds, thresholdsStyle, openBand)}
            {dense && <DenseLines rows={rows} keys={keys} colors={colors} visible={visible} />}
            {!dense && keys.map((key, index) => {
              const common = { dataKey: key, name: names[index], isAnimationActive: false, hide: !visible(key) };
              const color = colorForIndex(index);
              if (style === 'bars') return <Bar key={key} {...common} fill={color} stackId={stacked ? 'stack' : undefined} />;
              if (style === 'area')
                return <Area key={key} {...common} stroke={color} fill={color} fillOpacity={0.25} dot={false} connectNulls={false} type="linear" stackId={stacked ? 'stack' : undefined} />;
              return <Line key={key} {...common} stroke={color} dot={false} strokeWidth={1.5} connectNulls={false} type="linear" />;
            })}
          </ComposedChart>
        )}
        {selection && <div className="zoom-selection" style={{ left: selection.left, width: selection.width }} aria-hidden="true" />}
      </div>
      {showLegend && (
        <figcaption>
          <SeriesLegend entries={legend} isolated={isolated} onIsolate={setIsolated} unit={unit} decimals={decimals} />
        </figcaption>
      )}
    </figure>
  );
});

interface TickProps {
  x?: number | string;
  y?: number | string;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  payload?: { value?: unknown };
}

/** An axis label as plain SVG text: Recharts' own <Text> measures each word to wrap it. */
function axisTick(format: (value: number) => string, dy: string) {
  return function AxisTick({ x, y, textAnchor, payload }: TickProps) {
    return (
      <text x={x} y={y} dy={dy} textAnchor={textAnchor} fill="var(--muted)" className="recharts-cartesian-axis-tick-value">
        {format(Number(payload?.value))}
      </text>
    );
  };
}

/** Pixel rows of the y axis's ticks for the grid (Recharts' default measures the labels again). */
function niceTickPixels(axis: unknown): number[] {
  const { ticks, niceTicks, scale } = (axis ?? {}) as { ticks?: readonly number[]; niceTicks?: readonly number[]; scale?: { map: (value: number) => number | undefined } };
  const values = ticks ?? niceTicks;
  if (!values || !scale) return [];
  return values.map((v) => scale.map(v)).filter((px): px is number => Number.isFinite(px));
}

function thresholdMarks(steps: ThresholdStep[] | undefined, style: 'line' | 'area', openBand: number) {
  if (!steps) return null;
  return steps.map((step, i) => {
    const color = cssColor(step.color);
    if (style === 'line') {
      if (step.value === null || step.value === undefined) return null;
      return <ReferenceLine key={`t${i}`} y={step.value} stroke={color} strokeDasharray="4 4" ifOverflow="extendDomain" />;
    }
    // Open-ended bands reach past the plot and are clipped to it: Recharts reads a missing y1/y2
    // as "the whole axis", which would paint the first band over everything. Not too far past:
    // SVG drops rectangles whose coordinates run into the billions.
    const next = steps[i + 1]?.value;
    return <ReferenceArea key={`t${i}`} y1={step.value ?? -openBand} y2={next ?? openBand} fill={color} fillOpacity={0.1} ifOverflow="hidden" />;
  });
}
