import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SightlineConfig } from './config.ts';
import { createHealthChecksEndpoint, healthChecksPath } from './health/healthChecksEndpoint.ts';
import { sendJson, sendJsonError } from './jsonResponse.ts';
import { createOtlpForwarder, otlpTracesPath } from './otlp.ts';
import { createProxyMiddleware, type Middleware } from './proxy/proxyMiddleware.ts';
import { createProxyUpgradeHandler, type UpgradeHandler } from './proxy/proxyUpgrade.ts';
import { isDemoMode, publicConfig, withFeatures } from './publicConfig.ts';
import { DatasourceFeatureProbe } from './datasourceFeatures.ts';
import { createServerTracing } from './telemetry/nodeTracing.ts';
import { createDashboardsHandler, dashboardsPath } from './dashboards/dashboardsRoute.ts';
import { createServerMetrics, metricsPath, type ServerMetricsOptions } from './metrics/serverMetrics.ts';

export type { Middleware } from './proxy/proxyMiddleware.ts';
export type { UpgradeHandler } from './proxy/proxyUpgrade.ts';
export { embeddingNotice, securityHeaders } from './securityHeaders.ts';

/**
 * How long the first /api/config waits for the datasource feature probes. index.html preloads
 * the config while the app's script downloads, which takes longer than a nearby backend's answer.
 */
const CONFIG_FEATURES_WAIT_MS = 150;

const demoHint = "demo mode has no server-side datasources; the browser's demo answers these requests";

/**
 * Everything Sightline's Node side answers, as one connect-style middleware for Vite dev,
 * Vite preview and the production server alike. Paths it does not own go to `next()`.
 */
export function createSightlineMiddleware(config: SightlineConfig, options: Pick<ServerMetricsOptions, 'defaultMetrics'> = {}): Middleware {
  const publicJson = publicConfig(config);
  const features = new DatasourceFeatureProbe(config.datasources);
  const otlp = createOtlpForwarder({ otlpUrl: config.telemetry.otlpUrl });
  const metrics = createServerMetrics({ datasources: config.datasources, otlpStats: otlp.stats, dashboardsFolder: config.dashboards, ...options });
  const proxy = createProxyMiddleware(config.datasources, {
    unknownDatasourceHint: isDemoMode(config) ? demoHint : undefined,
    tracing: createServerTracing(config.telemetry),
    metrics: metrics.proxy,
  });
  const healthChecks = createHealthChecksEndpoint(config);
  const dashboards = createDashboardsHandler(config.dashboards);

  return (req: IncomingMessage, res: ServerResponse, next) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === otlpTracesPath) return void otlp.handleTraces(req, res).catch(() => res.destroy());
    // Where Prometheus looks by default; read-only and unauthenticated like /api/health/checks.
    if (path === metricsPath) {
      if (allowOnlyGet(req, res)) void metrics.handle(req, res).catch((error: Error) => sendJsonError(res, 500, `cannot collect metrics: ${error.message}`));
      return;
    }
    if (!path.startsWith('/api/')) return next();
    if (path.startsWith('/api/datasources/proxy/')) return proxy(req, res, () => notFound(res, path));
    if (path === dashboardsPath || path.startsWith(`${dashboardsPath}/`)) {
      return void dashboards(req, res, path).catch((error: Error) => sendJsonError(res, 500, `cannot read dashboards: ${error.message}`));
    }
    if (path === '/api/config') {
      if (!allowOnlyGet(req, res)) return;
      void features.current(CONFIG_FEATURES_WAIT_MS).then((known) => sendJson(res, 200, withFeatures(publicJson, known), { 'Cache-Control': 'no-store' }));
    } else if (path === healthChecksPath) {
      if (allowOnlyGet(req, res)) healthChecks(req, res);
    } else if (path === '/api/telemetry/stats') {
      if (allowOnlyGet(req, res)) otlp.handleStats(req, res);
    } else {
      notFound(res, path);
    }
  };
}

export function createSightlineUpgradeHandler(config: SightlineConfig): UpgradeHandler {
  return createProxyUpgradeHandler(config.datasources);
}

function allowOnlyGet(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  res.setHeader('Allow', 'GET, HEAD');
  sendJsonError(res, 405, `method ${req.method} not allowed`);
  return false;
}

function notFound(res: ServerResponse, path: string): void {
  sendJsonError(res, 404, `no API endpoint at ${path}`);
}
