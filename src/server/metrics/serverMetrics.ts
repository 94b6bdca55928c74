import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { loadDashboards, type LoadedDashboards } from '../dashboards/loadDashboards.ts';
import type { DatasourceConfig } from '../configSchema.ts';
import type { OtlpStats } from '../otlp.ts';
import { createProxyMetrics, type ProxyMetrics } from './proxyMetrics.ts';

export const metricsPath = '/metrics';

export interface ServerMetricsOptions {
  /** The configured datasources: their uids and types are the proxy metrics' only label values. */
  datasources: DatasourceConfig[];
  /** The OTLP forwarder's own counts (also behind /api/telemetry/stats), read at each scrape. */
  otlpStats: () => OtlpStats;
  /** The dashboards folder, read at each scrape as /api/dashboards reads it on each request. */
  dashboardsFolder: string;
  /** prom-client's process and Node.js metrics; off in tests that build many registries. */
  defaultMetrics?: boolean;
}

export interface ServerMetrics {
  registry: Registry;
  proxy: ProxyMetrics;
  /** `GET /metrics`: the Prometheus text exposition format. */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/**
 * Sightline's own metrics, in a registry of its own (not prom-client's global one), so each
 * server and each test counts separately.
 */
export function createServerMetrics({ datasources, otlpStats, dashboardsFolder, defaultMetrics = true }: ServerMetricsOptions): ServerMetrics {
  const registry = new Registry();
  if (defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'sightline_' });
  const proxy = createProxyMetrics(registry, datasources);
  registerOtlpMetrics(registry, otlpStats);
  registerDashboardMetrics(registry, dashboardsFolder);

  return {
    registry,
    proxy,
    handle: async (req, res) => {
      const text = await registry.metrics();
      res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
      res.end(req.method === 'HEAD' ? undefined : text);
    },
  };
}

const dropReasons = {
  noCollector: 'no_collector',
  collectorUnavailable: 'collector_unavailable',
  collectorRejected: 'collector_rejected',
  tooLarge: 'too_large',
  rateLimited: 'rate_limited',
} satisfies Record<keyof OtlpStats['dropped'], string>;

// The forwarder already counts for /api/telemetry/stats: these counters copy its numbers at
// each scrape instead of counting a second time.
function registerOtlpMetrics(registry: Registry, otlpStats: () => OtlpStats): void {
  new Counter({
    name: 'sightline_otlp_exports_received_total',
    help: "Browser OTLP trace exports (batches of spans) received on /otlp/v1/traces.",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(otlpStats().received);
    },
  });
  new Counter({
    name: 'sightline_otlp_exports_forwarded_total',
    help: 'Browser OTLP trace exports the collector accepted.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(otlpStats().forwarded);
    },
  });
  new Counter({
    name: 'sightline_otlp_exports_dropped_total',
    help: 'Browser OTLP trace exports dropped, by reason (the browser still got a 204 or 429).',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      const { dropped } = otlpStats();
      this.reset();
      for (const [key, reason] of Object.entries(dropReasons)) this.inc({ reason }, dropped[key as keyof typeof dropReasons]);
    },
  });
}

function registerDashboardMetrics(registry: Registry, folder: string): void {
  // prom-client collects every metric at once: both gauges share one read of the folder per scrape.
  let reading: Promise<LoadedDashboards | undefined> | undefined;
  const read = () =>
    (reading ??= loadDashboards(folder)
      .catch(() => undefined)
      .finally(() => (reading = undefined)));
  // An unreadable folder (loadDashboards throws) reads as 0 and 0, and the rest of /metrics still answers.
  const gauge = (name: string, help: string, count: (loaded: LoadedDashboards) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const loaded = await read();
        this.set(loaded ? count(loaded) : 0);
      },
    });
  gauge('sightline_dashboards_loaded', 'Dashboards loaded from the dashboards folder.', (loaded) => loaded.dashboards.length);
  gauge(
    'sightline_dashboard_files_invalid',
    'Dashboard files that failed to parse or validate (listed with their errors on /api/dashboards).',
    (loaded) => loaded.errors.length,
  );
}
