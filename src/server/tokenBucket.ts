/**
 * A token bucket: `capacity` requests at once, refilled at `refillPerSecond`. One per
 * process is enough to keep a runaway browser tab from flooding the collector.
 */
export function createTokenBucket({ capacity, refillPerSecond, now = Date.now }: { capacity: number; refillPerSecond: number; now?: () => number }) {
  let tokens = capacity;
  let last = now();
  return {
    take(): boolean {
      const current = now();
      tokens = Math.min(capacity, tokens + ((current - last) / 1000) * refillPerSecond);
      last = current;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
