// The /logs URL: everything needed to reopen a search as it was (pasted into an incident channel).

import { searchString } from '../../app/searchParams';
import type { DedupMode } from './dedup';

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 5000;

export interface LogsSearch {
  q?: string;
  ds?: string;
  /** Loki's direction: `backward` (newest first, the default) or `forward`. */
  direction?: 'forward' | 'backward';
  limit?: number;
  /** The id of a line to scroll to and mark ("link to line"). */
  line?: string;
  live?: boolean;
  wrap?: boolean;
  dedup?: Exclude<DedupMode, 'none'>;
  utc?: boolean;
}

const flag = (v: unknown) => (v === true || v === 'true' || v === '1' || v === 1 ? true : undefined);

export function clampLimit(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : Number(searchString(value));
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return Math.min(MAX_LIMIT, Math.floor(n));
}

export function validateLogsSearch(search: Record<string, unknown>): LogsSearch {
  const direction = search.direction === 'forward' || search.direction === 'backward' ? search.direction : undefined;
  const dedup = search.dedup === 'exact' || search.dedup === 'numbers' ? search.dedup : undefined;
  return {
    q: searchString(search.q),
    ds: searchString(search.ds),
    direction,
    limit: clampLimit(search.limit),
    line: searchString(search.line),
    live: flag(search.live),
    wrap: flag(search.wrap),
    dedup,
    utc: flag(search.utc),
  };
}
