import type { ChartRow } from '../../lib/downsample';

type Scale = (value: number) => number | undefined;

/**
 * SVG path data for one series of shared-timestamp rows: a move at the start and after each gap
 * (a null or non-finite value, as Recharts' Line with connectNulls off), lines in between.
 */
export function linePath(rows: ChartRow[], key: string, x: Scale, y: Scale): string {
  let d = '';
  let pen = false;
  for (const row of rows) {
    const value = row[key];
    const px = value === null || value === undefined || !Number.isFinite(value) ? undefined : x(row.t as number);
    const py = px === undefined ? undefined : y(value as number);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${round(px)},${round(py)}`;
    pen = true;
  }
  return d;
}

/** A tenth of a pixel is finer than any screen draws, and keeps the path text short. */
function round(px: number): number {
  return Math.round(px * 10) / 10;
}
