import type { TimeSeries } from '../datasources/types';

/** One row per drawn x position: `{ t, s0, s1, ... }`; null is a gap in that series. */
export type ChartRow = Record<string, number | null>;

/**
 * Min/max downsampling onto a shared time grid: `buckets` equal time buckets, each giving two rows
 * (a quarter and three quarters into the bucket). For each series the extreme that comes first in
 * time goes in the first row and the other in the second, so spikes and the envelope survive while
 * Recharts draws at most 2 x buckets rows whatever the input size. Timestamps stay shared across
 * series (one row array), which is what keeps Recharts fast (see STACK.md, "Recharts at scale").
 * A series with no sample in a bucket gets null there: a gap, as in the data.
 */
export function minMaxRows(series: TimeSeries[], keys: string[], buckets: number): ChartRow[] {
  let tMin = Infinity;
  let tMax = -Infinity;
  for (const s of series) {
    if (s.timestamps.length === 0) continue;
    tMin = Math.min(tMin, s.timestamps[0]);
    tMax = Math.max(tMax, s.timestamps[s.timestamps.length - 1]);
  }
  if (!Number.isFinite(tMin)) return [];
  const n = Math.max(1, Math.floor(buckets));
  const width = (tMax - tMin) / n || 1;
  const rows: ChartRow[] = [];
  for (let b = 0; b < n; b++) {
    const first: ChartRow = { t: tMin + width * (b + 0.25) };
    const second: ChartRow = { t: tMin + width * (b + 0.75) };
    for (const key of keys) first[key] = second[key] = null;
    rows.push(first, second);
  }
  series.forEach((s, index) => {
    const key = keys[index];
    let bucket = -1;
    let minV = 0;
    let maxV = 0;
    let minAt = 0;
    let maxAt = 0;
    const flush = () => {
      if (bucket < 0) return;
      rows[2 * bucket][key] = minAt <= maxAt ? minV : maxV;
      rows[2 * bucket + 1][key] = minAt <= maxAt ? maxV : minV;
    };
    for (let i = 0; i < s.timestamps.length; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v)) continue;
      const b = Math.min(n - 1, Math.floor((s.timestamps[i] - tMin) / width));
      if (b !== bucket) {
        flush();
        bucket = b;
        minV = maxV = v;
        minAt = maxAt = i;
      } else if (v < minV) {
        minV = v;
        minAt = i;
      } else if (v > maxV) {
        maxV = v;
        maxAt = i;
      }
    }
    flush();
  });
  return rows;
}

/** Total samples across series: the input size the pixel budget is compared against. */
export function countPoints(series: TimeSeries[]): number {
  return series.reduce((sum, s) => sum + s.timestamps.length, 0);
}
