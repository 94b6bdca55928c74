/** An SVG polyline `points` string for a sparkline, scaled into width x height; gaps are skipped. */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return '';
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const step = width / (values.length - 1);
  const out: string[] = [];
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) return;
    out.push(`${(i * step).toFixed(1)},${(height - ((v - min) / span) * height).toFixed(1)}`);
  });
  return out.join(' ');
}

/** Where a value sits between min and max, clamped to [0, 1] (gauges, bar gauges). */
export function fractionOf(value: number, min: number, max: number): number {
  if (!(max > min)) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** Gauge arc end point on a 240-degree dial centred at (cx, cy). */
export function gaugeArcPath(fraction: number, cx: number, cy: number, r: number): string {
  const start = (-210 * Math.PI) / 180;
  const end = start + ((240 * Math.PI) / 180) * Math.min(1, Math.max(0, fraction));
  const x0 = cx + r * Math.cos(start);
  const y0 = cy + r * Math.sin(start);
  const x1 = cx + r * Math.cos(end);
  const y1 = cy + r * Math.sin(end);
  const large = end - start > Math.PI ? 1 : 0;
  return `M ${x0.toFixed(2)} ${y0.toFixed(2)} A ${r} ${r} 0 ${large} 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
}
