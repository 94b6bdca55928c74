// Round axis bounds, as Recharts' "auto" domain gives them, for charts that draw their own lines
// and so must tell the axis its domain.

/** 1, 2, 2.5 or 5 times a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** [min, max] widened to multiples of a nice step, about `ticks` ticks apart. */
export function niceDomain(min: number, max: number, ticks = 5): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    return niceDomain(min - pad, max + pad, ticks);
  }
  const step = niceStep((max - min) / Math.max(1, ticks - 1));
  return [Math.floor(min / step) * step, Math.ceil(max / step) * step];
}
