import { create } from 'zustand';
import { persist } from 'zustand/middleware';

const MAX_ENTRIES = 50;

export interface HistoryEntry {
  expr: string;
  lastRunMs: number;
}

interface QueryHistory {
  entries: HistoryEntry[];
  record: (expr: string, nowMs?: number) => void;
  clear: () => void;
}

/** Newest first, each expression once; the oldest drop off beyond the cap. */
export function addToHistory(entries: HistoryEntry[], expr: string, nowMs: number, max = MAX_ENTRIES): HistoryEntry[] {
  const trimmed = expr.trim();
  if (!trimmed) return entries;
  return [{ expr: trimmed, lastRunMs: nowMs }, ...entries.filter((e) => e.expr !== trimmed)].slice(0, max);
}

/** PromQL run in this browser (localStorage): not shared, not sent anywhere. */
export const useQueryHistory = create<QueryHistory>()(
  persist(
    (set) => ({
      entries: [],
      record: (expr, nowMs = Date.now()) => set((s) => ({ entries: addToHistory(s.entries, expr, nowMs) })),
      clear: () => set({ entries: [] }),
    }),
    { name: 'sightline.promqlHistory' },
  ),
);
