import type { Browser } from '@playwright/test';

export interface Figure {
  name: string;
  value: number;
  unit: 'bytes' | 'ms' | 'MB' | 'count';
  /** The budget from DESIGN.md, when there is one; `ok` says whether the figure is within it. */
  budget?: number;
  runs?: number[];
  note?: string;
}

export interface BenchContext {
  /** A production server with a datasource configured (no demo worker). */
  liveUrl: string;
  /** A production server in demo mode. */
  demoUrl: string;
  /** Launches a fresh (cold) browser: each run of a figure gets its own. */
  launch: () => Promise<Browser>;
}

export type FigureSource = (ctx: BenchContext) => Promise<Figure[]>;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
