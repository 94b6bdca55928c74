// The volume query's series (one per level) as one row per step for a stacked bar chart.

import type { TimeSeries } from '../../datasources/types';

export const LEVEL_ORDER = ['critical', 'error', 'warning', 'info', 'debug', 'trace', 'unknown'];

const LEVEL_OF: Record<string, string> = { warn: 'warning', err: 'error', fatal: 'critical', crit: 'critical', '': 'unknown' };

export function volumeRows(series: TimeSeries[]): { rows: Array<Record<string, number>>; levels: string[]; total: number } {
  const byTime = new Map<number, Record<string, number>>();
  const levels = new Set<string>();
  let total = 0;
  for (const s of series) {
    const raw = (s.labels.level ?? '').toLowerCase();
    const level = LEVEL_OF[raw] ?? raw;
    levels.add(level);
    s.timestamps.forEach((t, i) => {
      const v = s.values[i];
      if (!Number.isFinite(v)) return;
      let row = byTime.get(t);
      if (!row) byTime.set(t, (row = { t }));
      row[level] = (row[level] ?? 0) + v;
      total += v;
    });
  }
  const ordered = [...levels].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return { rows: [...byTime.values()].sort((a, b) => a.t - b.t), levels: ordered, total };
}

function rank(level: string): number {
  const i = LEVEL_ORDER.indexOf(level);
  return i === -1 ? LEVEL_ORDER.length : i;
}
