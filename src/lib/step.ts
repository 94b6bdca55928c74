// Query resolution as Grafana computes it: one point per pixel at most, rounded to a readable
// interval, never below the minimum interval (usually the scrape interval).

const NICE_STEPS_MS = [
  1, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
  1_200_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 604_800_000, 2_592_000_000,
];

/** Prometheus refuses more than 11,000 points per series. */
export const MAX_POINTS_PER_SERIES = 11_000;

/** Rounds a raw interval up to the next readable one (1s, 2s, 5s, 10s, 15s, 30s, 1m...). */
export function roundInterval(rawMs: number): number {
  for (const nice of NICE_STEPS_MS) if (nice >= rawMs) return nice;
  return Math.ceil(rawMs / 86_400_000) * 86_400_000;
}

/** Step in milliseconds for a range drawn with at most `maxDataPoints` points. */
export function stepForRange(rangeMs: number, maxDataPoints: number, minStepMs = 1000): number {
  const points = Math.max(1, Math.floor(maxDataPoints));
  const raw = Math.max(rangeMs / points, minStepMs, rangeMs / MAX_POINTS_PER_SERIES);
  return roundInterval(raw);
}

/** Aligns a range to whole steps so repeated refreshes hit the same sample times (and caches). */
export function alignRange(fromMs: number, toMs: number, stepMs: number): { fromMs: number; toMs: number } {
  return { fromMs: Math.floor(fromMs / stepMs) * stepMs, toMs: Math.ceil(toMs / stepMs) * stepMs };
}

/** `15s`, `1m`, `1h30m`: Prometheus duration syntax for a step. */
export function formatPromDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const parts: string[] = [];
  let rest = Math.round(ms / 1000);
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}
