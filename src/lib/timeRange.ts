// Grafana-style time expressions: `now`, `now-6h`, `now/d`, `now-1d/d`, epoch milliseconds, ISO 8601.
// See https://grafana.com/docs/grafana/latest/dashboards/use-dashboards/#time-units-and-relative-ranges

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

export interface TimeRange {
  /** As written in the URL, e.g. `now-6h` or `1795353661706`. */
  from: string;
  to: string;
}

export interface ResolvedRange {
  fromMs: number;
  toMs: number;
}

export const DEFAULT_RANGE: TimeRange = { from: 'now-1h', to: 'now' };

/** Parses a duration such as `5m`, `1h30m`, `250ms` into milliseconds; null when malformed. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g;
  let total = 0;
  let consumed = 0;
  for (const match of trimmed.matchAll(re)) {
    if (match.index !== consumed) return null;
    const unit = match[2] === 'y' ? 365 * UNIT_MS.d : UNIT_MS[match[2]];
    total += Number(match[1]) * unit;
    consumed += match[0].length;
  }
  return consumed === trimmed.length ? total : null;
}

function roundDown(ms: number, unit: string): number {
  const d = new Date(ms);
  switch (unit) {
    case 'y':
      return new Date(d.getFullYear(), 0, 1).getTime();
    case 'M':
      return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
    case 'w': {
      const day = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
      return day - d.getDay() * UNIT_MS.d;
    }
    case 'd':
      return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
    case 'h':
      return new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()).getTime();
    case 'm':
      return Math.floor(ms / UNIT_MS.m) * UNIT_MS.m;
    case 's':
      return Math.floor(ms / 1000) * 1000;
    default:
      return ms;
  }
}

function roundUp(ms: number, unit: string): number {
  // End of the unit: start of the next one minus a millisecond, as Grafana does for `to`.
  const start = roundDown(ms, unit);
  const d = new Date(start);
  let next: number;
  switch (unit) {
    case 'y':
      next = new Date(d.getFullYear() + 1, 0, 1).getTime();
      break;
    case 'M':
      next = new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime();
      break;
    case 'w':
      next = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7).getTime();
      break;
    case 'd':
      next = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
      break;
    default:
      next = start + (UNIT_MS[unit] ?? 0);
  }
  return next - 1;
}

/**
 * Resolves one time expression to epoch milliseconds. `roundUp` is used for the end of a range,
 * so `now/d` as `to` means the end of today. Returns null for text that is not a time.
 */
export function parseTime(text: string, nowMs: number, roundUpEnd = false): number | null {
  const value = text.trim();
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    // Seconds or milliseconds? Anything below 1e11 is read as seconds (before 1973 in ms).
    return n < 1e11 ? n * 1000 : n;
  }
  if (value.startsWith('now')) {
    let ms = nowMs;
    let rest = value.slice(3);
    const re = /^([+-])(\d+)(ms|s|m|h|d|w|M|y)|^\/(s|m|h|d|w|M|y)/;
    while (rest.length > 0) {
      const match = re.exec(rest);
      if (!match) return null;
      if (match[4]) {
        ms = roundUpEnd ? roundUp(ms, match[4]) : roundDown(ms, match[4]);
      } else {
        const sign = match[1] === '-' ? -1 : 1;
        const amount = Number(match[2]);
        const unit = match[3];
        if (unit === 'M' || unit === 'y') {
          const d = new Date(ms);
          const months = unit === 'y' ? amount * 12 : amount;
          d.setMonth(d.getMonth() + sign * months);
          ms = d.getTime();
        } else {
          ms += sign * amount * UNIT_MS[unit];
        }
      }
      rest = rest.slice(match[0].length);
    }
    return ms;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

export class TimeRangeError extends Error {}

export function resolveRange(range: TimeRange, nowMs: number = Date.now()): ResolvedRange {
  const fromMs = parseTime(range.from, nowMs, false);
  const toMs = parseTime(range.to, nowMs, true);
  if (fromMs === null) throw new TimeRangeError(`Invalid start time "${range.from}"`);
  if (toMs === null) throw new TimeRangeError(`Invalid end time "${range.to}"`);
  if (fromMs >= toMs) throw new TimeRangeError(`Start time "${range.from}" is not before end time "${range.to}"`);
  return { fromMs, toMs };
}

export function isRelative(range: TimeRange): boolean {
  return range.from.startsWith('now') || range.to.startsWith('now');
}

export const QUICK_RANGES: { label: string; from: string; to: string }[] = [
  { label: 'Last 5 minutes', from: 'now-5m', to: 'now' },
  { label: 'Last 15 minutes', from: 'now-15m', to: 'now' },
  { label: 'Last 30 minutes', from: 'now-30m', to: 'now' },
  { label: 'Last 1 hour', from: 'now-1h', to: 'now' },
  { label: 'Last 3 hours', from: 'now-3h', to: 'now' },
  { label: 'Last 6 hours', from: 'now-6h', to: 'now' },
  { label: 'Last 12 hours', from: 'now-12h', to: 'now' },
  { label: 'Last 24 hours', from: 'now-24h', to: 'now' },
  { label: 'Last 7 days', from: 'now-7d', to: 'now' },
  { label: 'Today so far', from: 'now/d', to: 'now' },
  { label: 'Yesterday', from: 'now-1d/d', to: 'now-1d/d' },
];

/** A short human label for a range: the quick range name, or the two ends as written. */
export function describeRange(range: TimeRange): string {
  const quick = QUICK_RANGES.find((q) => q.from === range.from && q.to === range.to);
  if (quick) return quick.label;
  const show = (t: string) => (/^\d+$/.test(t) ? new Date(parseTime(t, 0) ?? 0).toISOString().replace('T', ' ').slice(0, 19) : t);
  return `${show(range.from)} to ${show(range.to)}`;
}

/** Refresh intervals offered in the picker, Grafana's defaults. */
export const REFRESH_CHOICES = ['', '5s', '10s', '30s', '1m', '5m', '15m', '30m', '1h'] as const;
