// Axis ticks at 1, 2 or 5 times a power of ten, so labels read "0 ms, 50 ms, 100 ms".

export function niceStep(span: number, maxTicks: number): number {
  if (!(span > 0) || maxTicks < 1) return 1;
  const raw = span / maxTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** Tick positions within [start, end] (same unit as the inputs). */
export function timeTicks(start: number, end: number, maxTicks: number): number[] {
  const step = niceStep(end - start, maxTicks);
  const ticks: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end + step * 1e-9; t += step) ticks.push(Math.round(t / step) * step);
  return ticks;
}
