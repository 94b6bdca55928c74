// The wire shape of `/api/health/checks`. No Node imports: the browser (its page and the demo
// handler) imports these types and the pure helpers beside them. No URLs or credentials cross:
// stores are named by uid, app endpoints by their path.

import type { DatasourceType } from '../../datasources/types.ts';

/** `ok`: answered as healthy. `degraded`: answered, but something inside is unwell. `failing`: not healthy or no answer. */
export type CheckState = 'ok' | 'degraded' | 'failing' | 'unknown';

/** One dependency named in a readiness or deep-check body (`checks.redis: false`, `dependencies.database: {...}`). */
export interface DependencyCheck {
  name: string;
  state: CheckState;
  /** What the body said, verbatim: `false`, `unhealthy`, `half_open`... */
  reported: string;
  latencyMs?: number;
  error?: string;
  /** Other scalar fields of the check object (`circuit_breaker: half_open`, `model_version`). */
  details: [string, string][];
}

/** A deep check's other sections (`system`, `business`) flattened to name/value pairs. */
export interface FactSection {
  name: string;
  entries: [string, string][];
}

export interface ProbeResult {
  /** Epoch ms when the probe started. */
  at: number;
  state: CheckState;
  /** Undefined when no HTTP answer arrived (refused, timed out). */
  httpStatus?: number;
  latencyMs: number;
  /** Why the probe is not `ok`, in words: the network error, the backend's text, a malformed body. */
  error?: string;
  /** The body's own `status` field (`ready`, `not_ready`, `degraded`) or plain-text first line. */
  reported?: string;
  checks: DependencyCheck[];
  facts: FactSection[];
}

export interface HistoryEntry {
  at: number;
  state: CheckState;
  latencyMs: number;
}

export interface ProbeHistory {
  latest: ProbeResult | null;
  /** Oldest first, at most `historySize` entries. */
  history: HistoryEntry[];
  /** Share of the kept history that was `ok` or `degraded` (answered), 0-100; null before the first probe. */
  uptimePercent: number | null;
}

export interface StoreHealth extends ProbeHistory {
  uid: string;
  type: DatasourceType;
  name: string;
  /** The path probed for readiness, relative to the datasource URL. */
  readinessPath: string;
  version?: string;
  versionError?: string;
}

export type AppEndpointKind = 'live' | 'ready' | 'deep';

export interface AppEndpointHealth extends ProbeHistory {
  kind: AppEndpointKind;
  path: string;
}

export interface AppHealth {
  name: string;
  endpoints: AppEndpointHealth[];
}

export interface HealthChecksResponse {
  demo: boolean;
  /** Epoch ms of this snapshot. */
  generatedAt: number;
  intervalMs: number;
  historySize: number;
  stores: StoreHealth[];
  apps: AppHealth[];
}
