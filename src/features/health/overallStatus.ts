// The one word on-call reads first. Rules, worst first (also in README, "Health"):
//   down      a store (Prometheus, Loki, Tempo, Jaeger) is not ready or unreachable;
//             an app's readiness endpoint fails (non-2xx or no answer);
//             an alert with severity critical (or page) is firing.
//   degraded  any other alert is firing; a Prometheus scrape target is down; an app's liveness
//             or deep check fails, or any endpoint answers degraded (a dependency unwell, a
//             truncated body); the probes or Prometheus's alerts/targets could not be read.
//   ok        everything above was read and none of it applies. Pending alerts do not count:
//             they have not fired yet (the page lists them).
//   unknown   nothing could be read at all.
// Each rule that applies adds a reason in words, so the header can say why.

import type { PromAlert, PromTarget } from '../../datasources/prometheus/types';
import type { HealthChecksResponse } from '../../server/health/types';

export type OverallLevel = 'ok' | 'degraded' | 'down' | 'unknown';

export interface OverallInputs {
  checks?: HealthChecksResponse;
  checksError?: string;
  /** Undefined with no Prometheus configured (nothing to count), or while loading. */
  targets?: PromTarget[];
  targetsError?: string;
  alerts?: PromAlert[];
  alertsError?: string;
}

export interface OverallStatus {
  level: OverallLevel;
  /** Worst first. */
  reasons: { level: 'down' | 'degraded'; text: string }[];
}

const criticalSeverities = new Set(['critical', 'page', 'emergency', 'fatal']);

export const levelLabel: Record<OverallLevel, string> = { ok: 'OK', degraded: 'Degraded', down: 'Down', unknown: 'Unknown' };

export function deriveOverallStatus(inputs: OverallInputs): OverallStatus {
  const reasons: OverallStatus['reasons'] = [];
  const down = (text: string) => reasons.push({ level: 'down', text });
  const degraded = (text: string) => reasons.push({ level: 'degraded', text });

  const { checks } = inputs;
  if (inputs.checksError) degraded(`health probes unavailable: ${inputs.checksError}`);
  for (const store of checks?.stores ?? []) {
    if (store.latest?.state === 'failing') down(`${store.name} not ready: ${store.latest.error ?? 'failing'}`);
  }
  for (const app of checks?.apps ?? []) {
    for (const endpoint of app.endpoints) {
      const latest = endpoint.latest;
      if (!latest || latest.state === 'ok' || latest.state === 'unknown') continue;
      const text = `${app.name} ${endpoint.kind}: ${latest.error ?? latest.state}`;
      if (endpoint.kind === 'ready' && latest.state === 'failing') down(text);
      else degraded(text);
    }
  }

  const firing = (inputs.alerts ?? []).filter((alert) => alert.state === 'firing');
  for (const alert of firing) {
    const severity = (alert.labels.severity ?? '').toLowerCase();
    const text = `alert ${alert.labels.alertname ?? '(unnamed)'} firing${severity ? ` (${severity})` : ''}`;
    if (criticalSeverities.has(severity)) down(text);
    else degraded(text);
  }
  if (inputs.alertsError) degraded(`alerts unavailable: ${inputs.alertsError}`);

  const downTargets = (inputs.targets ?? []).filter((target) => target.health === 'down');
  if (downTargets.length) {
    const jobs = [...new Set(downTargets.map((target) => target.labels.job ?? target.scrapePool))];
    degraded(`${downTargets.length} scrape target${downTargets.length === 1 ? '' : 's'} down (${jobs.join(', ')})`);
  }
  if (inputs.targetsError) degraded(`scrape targets unavailable: ${inputs.targetsError}`);

  reasons.sort((a, b) => (a.level === b.level ? 0 : a.level === 'down' ? -1 : 1));
  const nothingRead = !checks && inputs.alerts === undefined && inputs.targets === undefined;
  const level: OverallLevel = reasons.some((r) => r.level === 'down') ? 'down' : nothingRead ? 'unknown' : reasons.length ? 'degraded' : 'ok';
  return { level, reasons };
}

/** The tab title: the status first, so a background tab shows it. */
export function titleWithStatus(title: string, level: OverallLevel): string {
  const bare = title.replace(/^(OK|Degraded|Down|Unknown) · /, '');
  return `${levelLabel[level]} · ${bare}`;
}
