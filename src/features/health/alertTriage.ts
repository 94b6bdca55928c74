// From an alert to the evidence: the logs and traces of the service it names, over the time it
// has been active (and a while before), one click each. The on-call's next two questions.

import type { PromAlert } from '../../datasources/prometheus/types';

const LEAD_MS = 30 * 60_000;

export interface AlertTriage {
  service: string;
  range: { from: string; to: string };
  /** LogQL: the service's lines that mention an error, in any log format. */
  logsQuery: string;
  /** TraceQL: the service's failed spans. */
  tracesQuery: string;
}

/** The service an alert is about, from the labels alerting rules conventionally carry. */
export function alertService(alert: PromAlert): string | undefined {
  return alert.labels.service ?? alert.labels.service_name ?? alert.labels.app ?? alert.labels.job;
}

function quoted(value: string): string {
  return JSON.stringify(value);
}

export function alertTriage(alert: PromAlert, nowMs: number): AlertTriage | null {
  const service = alertService(alert);
  if (!service) return null;
  const since = Date.parse(alert.activeAt ?? '');
  const range = Number.isFinite(since) && since > 0 ? { from: String(since - LEAD_MS), to: String(nowMs) } : { from: 'now-1h', to: 'now' };
  return {
    service,
    range,
    logsQuery: `{service_name=${quoted(service)}} |~ "(?i)(error|exception|fail)"`,
    tracesQuery: `{ resource.service.name = ${quoted(service)} && status = error }`,
  };
}
