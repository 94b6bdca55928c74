// Time conversions the backends' wire formats need. Demo times are held as integer microseconds
// (exact in a double until the year 2255); nanosecond strings append "000".

/** Integer microseconds to a nanosecond decimal string. */
export function usToNs(us: number): string {
  return `${Math.round(us)}000`;
}

/** Microseconds to an RFC 3339 UTC string with microsecond precision, as structlog writes it. */
export function isoMicros(us: number): string {
  const ms = Math.floor(us / 1000);
  const micros = Math.round(us - ms * 1000);
  const base = new Date(ms).toISOString(); // 2026-11-22T13:18:31.706Z
  return `${base.slice(0, 23)}${String(micros).padStart(3, '0')}Z`;
}

/** Milliseconds to RFC 3339 with nanoseconds, as Prometheus writes `activeAt`/`lastScrape`. */
export function rfc3339Nano(ms: number, extraNs = 0): string {
  const whole = Math.floor(ms);
  const subNs = Math.round((ms - whole) * 1e6) + extraNs;
  return `${new Date(whole).toISOString().slice(0, 23)}${String(subNs).padStart(6, '0').slice(0, 6)}Z`;
}

/** Milliseconds to RFC 3339 without fractional seconds (hand-written health payloads use this). */
export function rfc3339Seconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Go-style duration strings ("1h30m", "5m", "250ms", "1.5s", "2d", "1w") to milliseconds. */
export function parseDurationMs(text: string): number | undefined {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w|y)/y;
  let total = 0;
  let pos = 0;
  if (!text) return undefined;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return undefined;
    total += parseFloat(m[1]!) * units[m[2]!]!;
    pos = re.lastIndex;
  }
  return total;
}

/**
 * A Prometheus time parameter (float unix seconds or RFC 3339) to milliseconds.
 * Returns undefined when the text is neither.
 */
export function parsePromTimeMs(text: string): number | undefined {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Math.round(parseFloat(text) * 1000);
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * A Loki time parameter to nanoseconds as a bigint, as Loki reads it: a float means seconds,
 * an integer of at most 10 digits means seconds, a longer one nanoseconds, else RFC 3339.
 */
export function parseLokiTimeNs(text: string): bigint | undefined {
  if (text.includes('.') && /^\d+\.\d*$/.test(text)) {
    const [s, frac = ''] = text.split('.');
    return BigInt(s!) * 1_000_000_000n + BigInt((frac + '000000000').slice(0, 9));
  }
  if (/^\d+$/.test(text)) return text.length <= 10 ? BigInt(text) * 1_000_000_000n : BigInt(text);
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(text);
  if (!m) return undefined;
  const secondsMs = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(secondsMs)) return undefined;
  return BigInt(secondsMs) * 1_000_000n + BigInt(((m[2] ?? '') + '000000000').slice(0, 9));
}

/** Loki's step parameter: a duration ("1m") or float seconds ("60"), to milliseconds. */
export function parseStepMs(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return parseFloat(text) * 1000;
  return parseDurationMs(text);
}

export function nsToMs(ns: bigint): number {
  return Number(ns / 1_000_000n) + Number(ns % 1_000_000n) / 1e6;
}

export function msToNs(ms: number): bigint {
  return BigInt(Math.round(ms * 1000)) * 1000n;
}
