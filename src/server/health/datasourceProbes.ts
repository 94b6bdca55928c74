// Where each backend type says it is ready and which version it runs. Paths are relative to the
// datasource URL (a path prefix in the URL is kept, as the proxy does).
// Prometheus: https://prometheus.io/docs/prometheus/latest/management_api/ and /api/v1/status/buildinfo
// Loki: https://grafana.com/docs/loki/latest/reference/loki-http-api/ (/ready, /loki/api/v1/status/buildinfo)
// Tempo: https://grafana.com/docs/tempo/latest/api_docs/ (/ready, /api/status/buildinfo)
// Jaeger's readiness lives on its admin port (14269), which Sightline is not told about; its
// query API answering `api/services` is what Sightline needs, so that is what is probed.
// No Node imports (the browser's demo reuses this).

import type { DatasourceType } from '../../datasources/types.ts';
import { parseHealthBody } from './healthBody.ts';
import type { HttpAnswer } from './appProbeOutcome.ts';
import type { ProbeResult } from './types.ts';

export const readinessPaths: Record<DatasourceType, string> = {
  prometheus: '-/ready',
  loki: 'ready',
  tempo: 'ready',
  jaeger: 'api/services',
};

export const buildInfoPaths: Partial<Record<DatasourceType, string>> = {
  prometheus: 'api/v1/status/buildinfo',
  loki: 'loki/api/v1/status/buildinfo',
  tempo: 'api/status/buildinfo',
};

/** Ready means HTTP 200; anything else is failing, with the backend's own words ("Ingester not ready: ..."). */
export function readinessOutcome(answer: HttpAnswer): ProbeResult {
  const base = { at: answer.at, latencyMs: answer.latencyMs, httpStatus: answer.httpStatus, checks: [], facts: [] };
  if (answer.httpStatus === undefined) return { ...base, state: 'failing', error: answer.networkError ?? 'no answer' };
  const firstLine = (answer.body ?? '').trim().split('\n', 1)[0]!.slice(0, 300);
  const isJson = (answer.contentType ?? '').includes('json');
  if (answer.httpStatus === 200) return { ...base, state: 'ok', reported: isJson ? undefined : firstLine || undefined };
  return { ...base, state: 'failing', error: `HTTP ${answer.httpStatus}${firstLine && !/<html/i.test(firstLine) ? `: ${firstLine}` : ''}` };
}

/** Prometheus wraps build info in `{status, data}`; Loki and Tempo do not. */
export function versionFromBuildInfo(answer: HttpAnswer): { version?: string; error?: string } {
  if (answer.httpStatus === undefined) return { error: answer.networkError ?? 'no answer' };
  if (answer.httpStatus !== 200) return { error: `HTTP ${answer.httpStatus}` };
  const parsed = parseHealthBody(answer.body ?? '', answer.contentType);
  if (parsed.kind === 'malformed') return { error: parsed.error };
  if (parsed.kind !== 'json' || typeof parsed.value !== 'object' || parsed.value === null) return { error: 'build info is not a JSON object' };
  const record = parsed.value as { version?: unknown; data?: { version?: unknown } };
  const version = record.data?.version ?? record.version;
  return typeof version === 'string' && version !== '' ? { version } : { error: 'build info has no version' };
}
