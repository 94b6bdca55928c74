// A bounded ring of the last N probe outcomes: memory stays flat however long Sightline runs.
// No Node imports (the browser's demo reuses it).

import type { CheckState, HistoryEntry } from './types.ts';

export const DEFAULT_HISTORY_SIZE = 60;

export class HistoryRing<T> {
  private readonly items: (T | undefined)[];
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number = DEFAULT_HISTORY_SIZE) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`history capacity must be a positive integer, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  push(item: T): void {
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Oldest first. */
  toArray(): T[] {
    const start = this.count < this.capacity ? 0 : this.next;
    return Array.from({ length: this.count }, (_, i) => this.items[(start + i) % this.capacity] as T);
  }
}

/** A target that answered (even degraded) counts as up; null when there is no history yet. */
export function uptimePercent(history: { state: CheckState }[]): number | null {
  if (history.length === 0) return null;
  const up = history.filter((entry) => entry.state === 'ok' || entry.state === 'degraded').length;
  return Math.round((up / history.length) * 1000) / 10;
}

export function historyEntry(result: { at: number; state: CheckState; latencyMs: number }): HistoryEntry {
  return { at: result.at, state: result.state, latencyMs: result.latencyMs };
}
