import type { Labels, TimeSeries } from '../../datasources/types';

/** `metric{label="value", ...}`, as Prometheus prints a series. */
export function formatSeriesName(labels: Labels): string {
  const { __name__: name = '', ...rest } = labels;
  const pairs = Object.keys(rest)
    .sort()
    .map((key) => `${key}="${rest[key]}"`);
  if (pairs.length === 0) return name || '{}';
  return `${name}{${pairs.join(', ')}}`;
}

export interface ChartRows {
  /** One row per timestamp: `{ t, s0, s1, ... }`; a series without a sample there gets null (a gap). */
  rows: Record<string, number | null>[];
  keys: string[];
}

/**
 * Joins series on their timestamps into one row array. Recharts draws shared-timestamp rows far
 * faster than one data array per line, and its shared tooltip then shows every series.
 */
export function seriesToRows(series: TimeSeries[]): ChartRows {
  const keys = series.map((_, index) => `s${index}`);
  const byTime = new Map<number, Record<string, number | null>>();
  series.forEach((s, index) => {
    const key = keys[index];
    for (let i = 0; i < s.timestamps.length; i++) {
      const t = s.timestamps[i];
      let row = byTime.get(t);
      if (!row) {
        row = { t };
        for (const k of keys) row[k] = null;
        byTime.set(t, row);
      }
      const v = s.values[i];
      row[key] = Number.isFinite(v) ? v : null;
    }
  });
  const rows = [...byTime.values()].sort((a, b) => (a.t as number) - (b.t as number));
  return { rows, keys };
}
