// Short human durations for "last scrape 3s ago" and "active for 1h 20m".

/** `42s`, `5m 3s`, `1h 20m`, `2d 4h`: the two largest units, no zeros. */
export function shortDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const units: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  const parts: string[] = [];
  let rest = s;
  for (const [size, unit] of units) {
    if (parts.length === 2) break;
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
    else if (parts.length) break;
  }
  return parts.join(' ');
}

/** `3s ago` from an RFC 3339 time; `never` for Prometheus's zero time (a target not scraped yet). */
export function agoText(rfc3339: string | undefined, nowMs: number): string {
  const ms = rfc3339 ? Date.parse(rfc3339) : NaN;
  if (!Number.isFinite(ms) || ms <= 0) return 'never';
  return `${shortDuration(nowMs - ms)} ago`;
}

/** Milliseconds with sensible precision: `0.4 ms`, `12 ms`, `1.2 s`. */
export function latencyText(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 1) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
