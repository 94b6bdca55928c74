// What the Sightline server's `/api/health/checks` would answer for the demo stack. In demo mode
// the server has no backends to probe, so the browser's service worker answers with these
// synthetic probe results, built with the server's own pure parsers from the demo health bodies
// (health.ts): homebot's deep check reports barcode-lookup-provider unhealthy, so that endpoint
// is degraded, and its readiness history holds two failed probes, so every state shows.

import { appProbeOutcome } from '../server/health/appProbeOutcome.ts';
import { DEFAULT_HISTORY_SIZE, uptimePercent } from '../server/health/historyRing.ts';
import { readinessPaths } from '../server/health/datasourceProbes.ts';
import type { AppEndpointHealth, CheckState, HealthChecksResponse, HistoryEntry, ProbeResult, StoreHealth } from '../server/health/types.ts';
import { demoDeepHealth, demoLiveness, demoReadiness, DEMO_HEALTH_PATHS, type HealthAnswer } from './health.ts';

export const DEMO_PROBE_INTERVAL_MS = 15_000;

const stores = [
  { type: 'prometheus', name: 'Demo Prometheus', version: '2.42.0+ds', latencyMs: 1.8, body: 'Prometheus Server is Ready.' },
  { type: 'loki', name: 'Demo Loki', version: '2.9.4', latencyMs: 3.4, body: 'ready' },
  { type: 'tempo', name: 'Demo Tempo', version: '2.3.1', latencyMs: 2.6, body: 'ready' },
  { type: 'jaeger', name: 'Demo Jaeger', version: undefined, latencyMs: 4.1, body: undefined },
] as const;

/** Probe times on the interval grid ending at `nowMs`, oldest first. */
function probeTimes(nowMs: number): number[] {
  const last = Math.floor(nowMs / DEMO_PROBE_INTERVAL_MS) * DEMO_PROBE_INTERVAL_MS;
  return Array.from({ length: DEFAULT_HISTORY_SIZE }, (_, i) => last - (DEFAULT_HISTORY_SIZE - 1 - i) * DEMO_PROBE_INTERVAL_MS);
}

function withHistory<T extends { latest: ProbeResult }>(item: T, history: HistoryEntry[]): T & { history: HistoryEntry[]; uptimePercent: number | null } {
  return { ...item, history, uptimePercent: uptimePercent(history) };
}

function demoStore(store: (typeof stores)[number], times: number[]): StoreHealth {
  const at = times[times.length - 1]!;
  const latest: ProbeResult = { at, state: 'ok', httpStatus: 200, latencyMs: store.latencyMs, reported: store.body, checks: [], facts: [] };
  const history = times.map((t, i) => ({ at: t, state: 'ok' as CheckState, latencyMs: store.latencyMs + (i % 5) * 0.3 }));
  // Demo datasource uids equal their types (DEMO_UIDS in handlers.ts, which imports this file).
  return withHistory({ uid: store.type, type: store.type, name: store.name, readinessPath: readinessPaths[store.type], version: store.version, latest }, history);
}

function demoEndpoint(kind: AppEndpointHealth['kind'], path: string, answer: HealthAnswer, latencyMs: number, times: number[], failedSlots: number[]): AppEndpointHealth {
  const at = times[times.length - 1]!;
  const latest = appProbeOutcome({ at, latencyMs, httpStatus: answer.status, contentType: 'application/json', body: JSON.stringify(answer.body) });
  const history = times.map((t, i) => ({ at: t, state: failedSlots.includes(i) ? ('failing' as CheckState) : latest.state, latencyMs: latencyMs + (i % 7) }));
  return withHistory({ kind, path, latest }, history);
}

export function demoHealthChecks(nowMs: number): HealthChecksResponse {
  const times = probeTimes(nowMs);
  return {
    demo: true,
    generatedAt: nowMs,
    intervalMs: DEMO_PROBE_INTERVAL_MS,
    historySize: DEFAULT_HISTORY_SIZE,
    stores: stores.map((store) => demoStore(store, times)),
    apps: [
      {
        name: 'homebot',
        endpoints: [
          demoEndpoint('live', DEMO_HEALTH_PATHS.liveness, demoLiveness(nowMs), 1.2, times, []),
          demoEndpoint('ready', DEMO_HEALTH_PATHS.readiness, demoReadiness(nowMs), 6.5, times, [23, 24]),
          demoEndpoint('deep', DEMO_HEALTH_PATHS.deep, demoDeepHealth(nowMs), 418.9, times, []),
        ],
      },
    ],
  };
}
