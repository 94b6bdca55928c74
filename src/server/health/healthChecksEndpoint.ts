import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SightlineConfig } from '../config.ts';
import { sendJson, sendJsonError } from '../jsonResponse.ts';
import { HealthMonitor } from './healthMonitor.ts';

export const healthChecksPath = '/api/health/checks';

/** `SIGHTLINE_HEALTH_INTERVAL_MS` shortens the interval (end-to-end tests use 1 s). */
export function healthIntervalFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = Number(env.SIGHTLINE_HEALTH_INTERVAL_MS);
  return Number.isFinite(value) && value >= 100 ? value : undefined;
}

/** `GET /api/health/checks`: the monitor's latest snapshot, never cached. */
export function createHealthChecksEndpoint(config: SightlineConfig, monitor = new HealthMonitor(config, { intervalMs: healthIntervalFromEnv() })) {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    monitor.snapshot().then(
      (snapshot) => sendJson(res, 200, snapshot, { 'Cache-Control': 'no-store' }),
      (error: unknown) => sendJsonError(res, 500, `health checks failed: ${(error as Error).message}`),
    );
  };
}
