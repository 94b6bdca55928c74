// Prometheus's targets page, as on-call wants it: grouped by job, unhealthy first within a
// job when sorted by health, an "unhealthy only" filter, and jobs with trouble on top.

import type { PromTarget } from '../../datasources/prometheus/types';

export type TargetSortKey = 'health' | 'endpoint' | 'lastScrape' | 'duration';
export type SortDirection = 'ascending' | 'descending';

export interface TargetGroup {
  job: string;
  targets: PromTarget[];
  up: number;
  total: number;
}

export interface TargetView {
  sortBy: TargetSortKey;
  direction: SortDirection;
  unhealthyOnly: boolean;
}

const healthRank: Record<PromTarget['health'], number> = { down: 0, unknown: 1, up: 2 };

const compare: Record<TargetSortKey, (a: PromTarget, b: PromTarget) => number> = {
  health: (a, b) => healthRank[a.health] - healthRank[b.health],
  endpoint: (a, b) => a.scrapeUrl.localeCompare(b.scrapeUrl),
  lastScrape: (a, b) => (Date.parse(a.lastScrape) || 0) - (Date.parse(b.lastScrape) || 0),
  duration: (a, b) => a.lastScrapeDuration - b.lastScrapeDuration,
};

export function groupTargets(targets: PromTarget[], view: TargetView): TargetGroup[] {
  const byJob = new Map<string, PromTarget[]>();
  for (const target of targets) {
    const job = target.labels.job ?? target.scrapePool;
    byJob.set(job, [...(byJob.get(job) ?? []), target]);
  }
  const sign = view.direction === 'ascending' ? 1 : -1;
  const groups: TargetGroup[] = [];
  for (const [job, all] of byJob) {
    const shown = view.unhealthyOnly ? all.filter((t) => t.health !== 'up') : all;
    if (shown.length === 0) continue;
    // Ties keep a stable order by endpoint, so rows do not jump between refreshes.
    const sorted = [...shown].sort((a, b) => sign * compare[view.sortBy](a, b) || compare.endpoint(a, b));
    groups.push({ job, targets: sorted, up: all.filter((t) => t.health === 'up').length, total: all.length });
  }
  return groups.sort((a, b) => Number(a.up === a.total) - Number(b.up === b.total) || a.job.localeCompare(b.job));
}
