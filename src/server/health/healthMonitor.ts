import type { OutgoingHttpHeaders } from 'node:http';
import type { DatasourceConfig, HealthCheckConfig, SightlineConfig } from '../config.ts';
import { credentialHeaders } from '../proxy/forwardedHeaders.ts';
import { upstreamUrl } from '../proxy/upstreamTarget.ts';
import { publicConfig } from '../publicConfig.ts';
import { appProbeOutcome } from './appProbeOutcome.ts';
import { buildInfoPaths, readinessOutcome, readinessPaths, versionFromBuildInfo } from './datasourceProbes.ts';
import { DEFAULT_HISTORY_SIZE, HistoryRing, historyEntry, uptimePercent } from './historyRing.ts';
import { httpGet } from './httpGet.ts';
import type { AppEndpointKind, HealthChecksResponse, HistoryEntry, ProbeHistory, ProbeResult } from './types.ts';

export interface HealthMonitorOptions {
  intervalMs?: number;
  timeoutMs?: number;
  historySize?: number;
  now?: () => number;
}

export const DEFAULT_INTERVAL_MS = 15_000;
export const DEFAULT_TIMEOUT_MS = 5_000;

/** One thing probed on the interval: its latest result, its ring, and whether a probe is out. */
class ProbeTarget {
  latest: ProbeResult | null = null;
  inFlight: Promise<void> | null = null;
  private readonly ring: HistoryRing<HistoryEntry>;

  constructor(
    private readonly probe: () => Promise<ProbeResult>,
    historySize: number,
  ) {
    this.ring = new HistoryRing(historySize);
  }

  /** Never more than one probe in flight: a slow backend is not piled on, it just misses rounds. */
  run(): Promise<void> {
    const startedAt = Date.now();
    this.inFlight ??= this.probe()
      // A bug in a probe must not become an unhandled rejection (which ends the Node process):
      // it is recorded as a failed probe, with its message.
      .catch((error: unknown): ProbeResult => ({ at: startedAt, state: 'failing', latencyMs: 0, error: `probe failed: ${(error as Error)?.message ?? String(error)}`, checks: [], facts: [] }))
      .then((result) => {
        this.latest = result;
        this.ring.push(historyEntry(result));
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  snapshot(): ProbeHistory {
    const history = this.ring.toArray();
    return { latest: this.latest, history, uptimePercent: uptimePercent(history) };
  }
}

/**
 * Probes every datasource's readiness (and build version) and every configured app health
 * endpoint on an interval, server-side, since the browser cannot reach internal endpoints.
 * Probing starts with the first `snapshot()` request rather than at construction, so tests and
 * tools that merely build the middleware do not fire requests at backends; the header asks on
 * every page, so in practice it starts as soon as anyone opens Sightline.
 */
export class HealthMonitor {
  readonly intervalMs: number;
  private readonly timeoutMs: number;
  private readonly historySize: number;
  private readonly now: () => number;
  private readonly stores: { ds: DatasourceConfig; name: string; target: ProbeTarget }[];
  private readonly versions = new Map<string, { version?: string; versionError?: string }>();
  private readonly apps: { name: string; endpoints: { kind: AppEndpointKind; path: string; target: ProbeTarget }[] }[];
  private timer: ReturnType<typeof setInterval> | undefined;
  private firstRound: Promise<void> | undefined;

  constructor(
    private readonly config: SightlineConfig,
    options: HealthMonitorOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.timeoutMs = Math.min(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, this.intervalMs);
    this.historySize = options.historySize ?? DEFAULT_HISTORY_SIZE;
    this.now = options.now ?? Date.now;
    const names = new Map(publicConfig(config).datasources.map((ds) => [ds.uid, ds.name]));
    this.stores = config.datasources.map((ds) => ({ ds, name: names.get(ds.uid) ?? ds.uid, target: new ProbeTarget(() => this.probeStore(ds), this.historySize) }));
    this.apps = config.health.map((app) => ({ name: app.name, endpoints: appEndpoints(app).map(({ kind, url }) => ({ kind, path: new URL(url).pathname, target: new ProbeTarget(() => this.probeApp(url), this.historySize) })) }));
  }

  /** One round: every target without a probe in flight starts one. Resolves when this round's probes end. */
  async probeAll(): Promise<void> {
    const targets = [...this.stores.map((s) => s.target), ...this.apps.flatMap((a) => a.endpoints.map((e) => e.target))];
    await Promise.all(targets.map((target) => target.run()));
  }

  /** Starts the interval on first use and waits for the first round, so the first page load has data. */
  async snapshot(): Promise<HealthChecksResponse> {
    if (!this.firstRound) {
      this.firstRound = this.probeAll();
      this.timer = setInterval(() => void this.probeAll(), this.intervalMs);
      this.timer.unref();
    }
    await this.firstRound;
    return this.snapshotNow();
  }

  /** What is known now, without starting or waiting for probes. */
  snapshotNow(): HealthChecksResponse {
    return {
      demo: this.config.datasources.length === 0,
      generatedAt: this.now(),
      intervalMs: this.intervalMs,
      historySize: this.historySize,
      stores: this.stores.map((s) => ({
        uid: s.ds.uid,
        type: s.ds.type,
        name: s.name,
        readinessPath: readinessPaths[s.ds.type],
        ...this.versions.get(s.ds.uid),
        ...s.target.snapshot(),
      })),
      apps: this.apps.map((a) => ({ name: a.name, endpoints: a.endpoints.map((e) => ({ kind: e.kind, path: e.path, ...e.target.snapshot() })) })),
    };
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async probeStore(ds: DatasourceConfig): Promise<ProbeResult> {
    // The same credentials and tenant the proxy sends: a backend behind auth is probed as it is queried.
    const headers = credentialHeaders(ds);
    const buildPath = buildInfoPaths[ds.type];
    const [ready, build] = await Promise.all([
      httpGet(upstreamUrl(ds, readinessPaths[ds.type]), headers, this.timeoutMs, this.now),
      buildPath ? httpGet(upstreamUrl(ds, buildPath), headers, this.timeoutMs, this.now) : undefined,
    ]);
    if (build) {
      const { version, error } = versionFromBuildInfo(build);
      // A version once read is kept through a later failure: the backend did not change version by going down.
      const known = this.versions.get(ds.uid)?.version;
      this.versions.set(ds.uid, { version: version ?? known, versionError: version ? undefined : error });
    }
    return readinessOutcome(ready);
  }

  private async probeApp(url: string): Promise<ProbeResult> {
    const noHeaders: OutgoingHttpHeaders = {};
    return appProbeOutcome(await httpGet(new URL(url), noHeaders, this.timeoutMs, this.now));
  }
}

function appEndpoints(app: HealthCheckConfig): { kind: AppEndpointKind; url: string }[] {
  const endpoints: { kind: AppEndpointKind; url: string }[] = [];
  if (app.liveUrl) endpoints.push({ kind: 'live', url: app.liveUrl });
  endpoints.push({ kind: 'ready', url: app.url });
  if (app.deepUrl) endpoints.push({ kind: 'deep', url: app.deepUrl });
  return endpoints;
}
