// Round y-axis ticks, as Grafana draws them, for charts that tell Recharts their axis: Recharts'
// own "auto" domain splits the data's range evenly (0, 0.095, 0.19...).

/** 1, 2, 2.5 or 5 times a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * About `ticks` round values: multiples of a nice step from at or below `min` to at or above `max`.
 * The first and last are the axis's domain.
 */
export function niceTicks(min: number, max: number, ticks = 5): number[] {
  const { lo, hi, step } = niceBounds(min, max, ticks);
  const out: number[] = [];
  // Multiplying (not adding) and trimming digits keeps 0.1 + 0.2-style drift out of the labels.
  for (let i = 0; lo + i * step <= hi + step / 1e9; i++) out.push(Number((lo + i * step).toPrecision(12)));
  return out;
}

function niceBounds(min: number, max: number, ticks: number): { lo: number; hi: number; step: number } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { lo: 0, hi: 1, step: 0.25 };
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    return niceBounds(min - pad, max + pad, ticks);
  }
  const step = niceStep((max - min) / Math.max(1, ticks - 1));
  return { lo: Math.floor(min / step) * step, hi: Math.ceil(max / step) * step, step };
}
