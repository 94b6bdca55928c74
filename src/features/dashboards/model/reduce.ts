// Series to single values (stat, gauge, bar gauge, legend columns) and threshold colours.

import type { ThresholdStep } from './schema';

export interface SeriesStats {
  last: number | null;
  min: number | null;
  max: number | null;
  mean: number | null;
}

/** Legend statistics over finite values only: NaN and gaps do not pull the mean. */
export function seriesStats(values: readonly number[]): SeriesStats {
  let last: number | null = null;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    last = v;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    count++;
  }
  if (count === 0) return { last: null, min: null, max: null, mean: null };
  return { last, min, max, mean: sum / count };
}

export type Reducer = keyof SeriesStats;

export function reduceSeries(values: readonly number[], reducer: Reducer = 'last'): number | null {
  return seriesStats(values)[reducer];
}

// Grafana's named colours map onto our theme's status colours, so thresholds read in both themes.
const NAMED: Record<string, string> = {
  green: 'var(--ok)',
  'dark-green': 'var(--ok)',
  'semi-dark-green': 'var(--ok)',
  red: 'var(--error)',
  'dark-red': 'var(--error)',
  'semi-dark-red': 'var(--error)',
  orange: 'var(--warn)',
  'dark-orange': 'var(--warn)',
  yellow: 'var(--warn)',
  'dark-yellow': 'var(--warn)',
  blue: 'var(--accent)',
  text: 'var(--text)',
};

/** A threshold colour as CSS: a named colour, or a hex/rgb value as written. */
export function cssColor(color: string): string {
  if (NAMED[color]) return NAMED[color];
  return /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\))$/i.test(color) ? color : 'var(--text)';
}

/** The colour of the last step at or below the value; the first step is the base. */
export function thresholdColor(value: number | null, steps: ThresholdStep[] | undefined): string | undefined {
  if (!steps || steps.length === 0 || value === null) return undefined;
  let color = steps[0].color;
  for (const step of steps) if (step.value === null || step.value === undefined || value >= step.value) color = step.color;
  return cssColor(color);
}
