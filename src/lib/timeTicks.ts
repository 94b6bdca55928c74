// Tick times for a time axis: round steps (5 minutes, 1 hour, 1 day...) in the viewer's zone, as
// many as fit. Computed here rather than left to Recharts, which measures every label in the DOM
// to drop the ones that would overlap: a forced layout per label.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Whole minutes at least: axis labels show hours and minutes, so finer ticks would repeat. */
const STEPS = [1, 2, 5, 10, 15, 30].map((m) => m * MINUTE).concat([1, 2, 3, 6, 12].map((h) => h * HOUR), [1, 2, 7, 14, 30, 90, 180, 365].map((d) => d * DAY));

/**
 * Ticks between `fromMs` and `toMs` (inclusive), at most `maxTicks`, on multiples of a round step
 * counted in a zone `offsetMs` ahead of UTC (so "every 6 hours" falls on 00:00, 06:00... there).
 */
export function timeTicks(fromMs: number, toMs: number, maxTicks: number, offsetMs = 0): number[] {
  const span = toMs - fromMs;
  if (!(span > 0) || maxTicks < 1) return [];
  const step = STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
  const ticks: number[] = [];
  for (let t = Math.ceil((fromMs + offsetMs) / step) * step - offsetMs; t <= toMs; t += step) ticks.push(t);
  return ticks;
}

/** How far a zone is ahead of UTC at a given time: 0 for UTC, the browser's own otherwise. */
export function zoneOffsetMs(timeZone: string | undefined, atMs: number): number {
  return timeZone === 'UTC' ? 0 : -new Date(atMs).getTimezoneOffset() * MINUTE;
}
