/** Durations the way trace UIs print them: 0.4 µs, 1.5 ms, 250 ms, 1.24 s. */
export function formatDurationUs(us: number): string {
  if (us < 1000) return `${Math.round(us * 10) / 10} µs`;
  if (us < 1_000_000) return `${Math.round(us / 100) / 10} ms`;
  return `${Math.round(us / 10_000) / 100} s`;
}

export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
