// Loki and OTLP send times as nanosecond decimal strings. Epoch nanoseconds (~1.8e18) are
// far beyond 2^53, so parsing them into a double silently rounds them by up to 256 ns.
// Keep them as strings, and use BigInt only where arithmetic is needed.

const NS_PER_MS = 1_000_000n;
const NS_PER_US = 1_000n;

/** Epoch milliseconds (fractions allowed, e.g. from performance.timeOrigin) to a ns string. */
export function msToNs(ms: number): string {
  const whole = Math.floor(ms);
  const fractionNs = Math.round((ms - whole) * 1e6);
  return (BigInt(whole) * NS_PER_MS + BigInt(fractionNs)).toString();
}

/** ns string to epoch milliseconds, rounded down (sub-ms digits are dropped). */
export function nsToMs(ns: string): number {
  const n = BigInt(ns);
  const ms = n / NS_PER_MS;
  // BigInt division truncates toward zero; floor keeps negative times consistent.
  return Number(n < 0n && ms * NS_PER_MS !== n ? ms - 1n : ms);
}

/**
 * ns string to epoch microseconds as a number. The integer part is exact; the fraction is kept
 * as far as a double allows (about 0.25 µs at today's epoch).
 */
export function nsToUs(ns: string): number {
  const n = BigInt(ns);
  return Number(n / NS_PER_US) + Number(n % NS_PER_US) / 1000;
}

/** end - start in microseconds, exact for any realistic duration (computed before rounding). */
export function nsDurationUs(startNs: string, endNs: string): number {
  return Number(BigInt(endNs) - BigInt(startNs)) / 1000;
}

/** ns string plus a delta in nanoseconds (e.g. `-1` to page past the oldest line). */
export function addNs(ns: string, deltaNs: number | bigint): string {
  return (BigInt(ns) + BigInt(deltaNs)).toString();
}

/**
 * Orders canonical ns strings (non-negative, no leading zeros: what Loki and OTLP send) without
 * allocating BigInts, so sorting 100,000 log lines stays cheap.
 */
export function compareNs(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
