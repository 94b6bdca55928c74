import { createServer } from 'node:http';
import { listenOnLoopback, type LoopbackServer } from './loopbackServer';

/**
 * Plays an app with health endpoints whose readiness a test can flip: `/health/live`,
 * `/health/ready` (200 with every check true, or 503 with `redis: false`), `/health/deep`.
 * `POST /__control/ready` and `POST /__control/not-ready` flip it; GET `/__control` says which.
 */
export async function startFlippingApp(port: number): Promise<LoopbackServer> {
  let ready = true;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'POST' && path === '/__control/ready') ready = true;
    else if (req.method === 'POST' && path === '/__control/not-ready') ready = false;
    if (path.startsWith('/__control')) return json(200, { ready });
    const timestamp = new Date().toISOString();
    if (path === '/health/live') return json(200, { status: 'alive', timestamp });
    if (path === '/health/ready') {
      return json(ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', checks: { database: true, redis: ready, ml_model: true }, timestamp });
    }
    if (path === '/health/deep') {
      return json(200, {
        status: 'healthy',
        timestamp,
        system: { hostname: 'flipper-0', cpu_percent: 12.5 },
        dependencies: { database: { status: 'healthy', latency_ms: 1.5 }, redis: { status: ready ? 'healthy' : 'unhealthy', latency_ms: 0.4 } },
        business: { scans_last_hour: 42 },
      });
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  return listenOnLoopback(server, port);
}
