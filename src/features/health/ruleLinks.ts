// A rule's expression opens in Explore over the time that matters: from a while before the
// alert became active to now (still active) or, for a rule with no active alert, the last hour.

import type { PromAlertingRule, PromRule } from '../../datasources/prometheus/types';

const LEAD_MS = 30 * 60_000;

export function exploreRangeForRule(rule: PromRule, nowMs: number): { from: string; to: string } {
  const activeTimes = rule.type === 'alerting' ? activeSince(rule) : [];
  if (activeTimes.length === 0) return { from: 'now-1h', to: 'now' };
  return { from: String(Math.min(...activeTimes) - LEAD_MS), to: String(nowMs) };
}

function activeSince(rule: PromAlertingRule): number[] {
  return rule.alerts.map((alert) => Date.parse(alert.activeAt ?? '')).filter((ms) => Number.isFinite(ms) && ms > 0);
}
