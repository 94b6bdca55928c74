// homebot's health endpoints in demo mode (shapes of src/server/health/__fixtures__/health/): alive, ready
// (HTTP 200, every check true) and a deep check reporting barcode-lookup-provider unhealthy
// with its circuit breaker half-open, so the overall status is "degraded".

import { rfc3339Seconds } from './timefmt.ts';

export interface HealthAnswer {
  status: number;
  body: Record<string, unknown>;
}

export const DEMO_HEALTH_PATHS = { liveness: '/health/live', readiness: '/health/ready', deep: '/health/deep' } as const;

export function demoLiveness(nowMs: number): HealthAnswer {
  return { status: 200, body: { status: 'alive', timestamp: rfc3339Seconds(nowMs) } };
}

export function demoReadiness(nowMs: number): HealthAnswer {
  return { status: 200, body: { status: 'ready', checks: { database: true, redis: true, ml_model: true, feature_store: true }, timestamp: rfc3339Seconds(nowMs) } };
}

export function demoDeepHealth(nowMs: number): HealthAnswer {
  const minute = Math.floor(nowMs / 60_000);
  const wobble = (minute % 7) / 10;
  return {
    status: 200,
    body: {
      status: 'degraded',
      timestamp: rfc3339Seconds(nowMs),
      version: '0.1.0',
      environment: 'demo',
      uptime_seconds: Math.floor((nowMs % 21_600_000) / 1000),
      system: {
        cpu_percent: Math.round((35 + wobble * 10) * 10) / 10,
        memory_percent: 61.2,
        memory_rss_mb: 412.7,
        disk_percent: 48.9,
        load_average: [0.82, 0.71, 0.65],
        python_version: '3.11.7',
        hostname: 'homebot-0',
        pid: 1,
      },
      dependencies: {
        database: { status: 'healthy', latency_ms: 3.1, details: { pool_size: 20, in_use: 4 } },
        redis: { status: 'healthy', latency_ms: 0.8 },
        'barcode-lookup-provider': { status: 'unhealthy', latency_ms: 410.2, error: '503 Service Unavailable', circuit_breaker: 'half_open' },
        exchange_api: { status: 'healthy', latency_ms: 182.5 },
        ml_model: { status: 'healthy', model: 'signal-classifier', model_version: '2024.11.3', loaded_at: rfc3339Seconds(nowMs - (nowMs % 21_600_000) + 4000) },
        feature_store: { status: 'healthy', latency_ms: 12.4 },
      },
      business: {
        scans_last_hour: 180,
        scan_error_rate: 0.062,
        last_successful_scan: rfc3339Seconds(Math.floor(nowMs / 20_000) * 20_000),
        tokens_tracked: 6,
        queue_depth: 1,
        signals_emitted_last_hour: 17,
      },
    },
  };
}
