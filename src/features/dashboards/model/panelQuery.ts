// What a panel asks its backend: the step from its pixel width and min interval, aligned so
// refreshes reuse the same sample times, and its targets with every variable substituted.

import { alignRange, stepForRange } from '../../../lib/step';
import { parseDuration, type ResolvedRange } from '../../../lib/timeRange';
import type { Panel } from './schema';
import { builtinVariables, interpolate, type ScopedVars } from './interpolate';

/** Grafana's default scrape interval for `$__rate_interval` when a panel does not say. */
export const DEFAULT_SCRAPE_INTERVAL_MS = 15_000;

export interface PanelQueryPlan {
  fromMs: number;
  toMs: number;
  stepMs: number;
  /** Visible targets with variables substituted, in file order. */
  exprs: { expr: string; legend?: string; refIndex: number }[];
}

/**
 * Plans a panel's queries. `widthPx` is the panel's drawable width: at most one point per pixel
 * (or the panel's maxDataPoints), never finer than its min interval.
 */
export function planPanelQuery(panel: Panel, range: ResolvedRange, widthPx: number, vars: ScopedVars): PanelQueryPlan {
  const minIntervalMs = (panel.minInterval && parseDuration(panel.minInterval)) || 1000;
  const maxPoints = Math.min(panel.maxDataPoints ?? Infinity, Math.max(10, widthPx));
  const stepMs = stepForRange(range.toMs - range.fromMs, maxPoints, minIntervalMs);
  const aligned = alignRange(range.fromMs, range.toMs, stepMs);
  const scrapeIntervalMs = panel.minInterval ? minIntervalMs : DEFAULT_SCRAPE_INTERVAL_MS;
  const all = { ...vars, ...builtinVariables({ rangeMs: range.toMs - range.fromMs, intervalMs: stepMs, scrapeIntervalMs }) };
  const exprs = panel.targets.flatMap((target, refIndex) => (target.hide ? [] : [{ expr: interpolate(target.expr, all), legend: target.legend, refIndex }]));
  return { ...aligned, stepMs, exprs };
}

/** `{{label}}` legend templates; without one, the series as Prometheus prints it. */
export function formatLegend(template: string | undefined, labels: Record<string, string>, fallback: string): string {
  if (!template) return fallback;
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => labels[name] ?? '');
}
