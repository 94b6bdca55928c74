import { useQuery } from '@tanstack/react-query';
import { pickDatasource, useConfig } from '../../app/config';
import { useRefreshStore } from '../../app/refresh';
import { alerts, rules, targets } from '../../datasources/prometheus';
import { withQuerySpan } from '../../telemetry/query';
import { fetchHealthChecks } from './healthChecksClient';
import { deriveOverallStatus, type OverallStatus } from './overallStatus';

/** The header and the page poll on their own, whatever the route's `refresh=` says: on-call leaves it open. */
export const HEALTH_POLL_MS = 15_000;

const poll = { refetchInterval: HEALTH_POLL_MS, refetchIntervalInBackground: true } as const;

export function useHealthChecks() {
  const nowMs = useRefreshStore((s) => s.nowMs);
  return useQuery({
    queryKey: ['health', 'checks', nowMs],
    queryFn: ({ signal }) => withQuerySpan('health checks', {}, () => fetchHealthChecks(signal)),
    placeholderData: (previous) => previous,
    ...poll,
  });
}

function usePrometheusUid(): string | undefined {
  return pickDatasource(useConfig(), ['prometheus'])?.uid;
}

export function usePromTargets() {
  const uid = usePrometheusUid();
  const nowMs = useRefreshStore((s) => s.nowMs);
  return useQuery({
    queryKey: ['health', 'targets', uid, nowMs],
    queryFn: ({ signal }) => withQuerySpan('health targets', { 'datasource.uid': uid! }, () => targets(uid!, signal)),
    enabled: uid !== undefined,
    placeholderData: (previous) => previous,
    ...poll,
  });
}

export function usePromAlerts() {
  const uid = usePrometheusUid();
  const nowMs = useRefreshStore((s) => s.nowMs);
  return useQuery({
    queryKey: ['health', 'alerts', uid, nowMs],
    queryFn: ({ signal }) => withQuerySpan('health alerts', { 'datasource.uid': uid! }, () => alerts(uid!, signal)),
    enabled: uid !== undefined,
    placeholderData: (previous) => previous,
    ...poll,
  });
}

export function usePromRules() {
  const uid = usePrometheusUid();
  const nowMs = useRefreshStore((s) => s.nowMs);
  return useQuery({
    queryKey: ['health', 'rules', uid, nowMs],
    queryFn: ({ signal }) => withQuerySpan('health rules', { 'datasource.uid': uid! }, () => rules(uid!, signal)),
    enabled: uid !== undefined,
    placeholderData: (previous) => previous,
    ...poll,
  });
}

const message = (error: unknown) => (error ? (error instanceof Error ? error.message : String(error)) : undefined);

/** The overall status and whether it is still being read for the first time. */
export function useOverallStatus(): { status: OverallStatus; loading: boolean } {
  const checks = useHealthChecks();
  const targetsQuery = usePromTargets();
  const alertsQuery = usePromAlerts();
  const hasPrometheus = usePrometheusUid() !== undefined;
  const status = deriveOverallStatus({
    checks: checks.data,
    checksError: message(checks.error),
    targets: hasPrometheus ? targetsQuery.data?.activeTargets : [],
    targetsError: message(targetsQuery.error),
    alerts: hasPrometheus ? alertsQuery.data : [],
    alertsError: message(alertsQuery.error),
  });
  const loading = checks.isPending || (hasPrometheus && (targetsQuery.isPending || alertsQuery.isPending));
  return { status, loading };
}
