// Live tail bookkeeping, kept pure: a bounded buffer (a tail that runs for hours must not grow
// without end) and the back-off between reconnection attempts.

import type { LogLine } from '../../datasources/types';

export const TAIL_BUFFER_LIMIT = 1000;

/** New lines (oldest first) appended to the buffer; the oldest fall off past `limit`. Repeats are dropped. */
export function appendTailLines(buffer: LogLine[], incoming: LogLine[], limit = TAIL_BUFFER_LIMIT): LogLine[] {
  if (!incoming.length) return buffer;
  const seen = new Set(buffer.slice(-incoming.length * 2 - 50).map((l) => l.id));
  const fresh = incoming.filter((l) => !seen.has(l.id));
  if (!fresh.length) return buffer;
  const next = buffer.concat(fresh);
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** 1 s, 2 s, 4 s ... capped at 30 s; `attempt` counts from 0. */
export function reconnectDelayMs(attempt: number, baseMs = 1000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}

export const MAX_RECONNECT_ATTEMPTS = 6;
