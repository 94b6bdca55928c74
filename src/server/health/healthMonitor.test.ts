import { parseConfig } from '../config.ts';
import { closedPort, recordingUpstream, request, serve, type TestServer } from '../testSupport.ts';
import { createHealthChecksEndpoint } from './healthChecksEndpoint.ts';
import { HealthMonitor } from './healthMonitor.ts';

// Real sockets on loopback: a fake Prometheus, a fake app, a closed port.
const servers: TestServer[] = [];
const monitors: HealthMonitor[] = [];
afterEach(async () => {
  monitors.splice(0).forEach((m) => m.stop());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function monitorFor(raw: unknown, intervalMs = 60_000): HealthMonitor {
  const monitor = new HealthMonitor(parseConfig(raw), { intervalMs, timeoutMs: 500 });
  monitors.push(monitor);
  return monitor;
}

describe('HealthMonitor', () => {
  it("probes a Prometheus's readiness and version with the datasource's credentials", async () => {
    const prom = await recordingUpstream((req, res) => {
      if (req.url === '/prefix/-/ready') return void res.end('Prometheus Server is Ready.\n');
      res.setHeader('Content-Type', 'application/json');
      res.end('{"status":"success","data":{"version":"2.42.0+ds"}}');
    });
    servers.push(prom);
    const monitor = monitorFor({ datasources: [{ uid: 'prom', type: 'prometheus', url: `${prom.url}/prefix`, bearerToken: 's3cret', tenant: 'team-a' }] });
    const snapshot = await monitor.snapshot();
    expect(prom.requests.map((r) => r.url).sort()).toEqual(['/prefix/-/ready', '/prefix/api/v1/status/buildinfo']);
    expect(prom.requests[0]!.headers).toMatchObject({ authorization: 'Bearer s3cret', 'x-scope-orgid': 'team-a' });
    const [store] = snapshot.stores;
    expect(store).toMatchObject({ uid: 'prom', type: 'prometheus', name: 'prom', version: '2.42.0+ds', readinessPath: '-/ready', uptimePercent: 100 });
    expect(store!.latest).toMatchObject({ state: 'ok', httpStatus: 200, reported: 'Prometheus Server is Ready.' });
    expect(store!.latest!.latencyMs).toBeGreaterThan(0);
    expect(JSON.stringify(snapshot)).not.toMatch(/s3cret|127\.0\.0\.1/);
  });

  it('names an unreachable store and why', async () => {
    const port = await closedPort();
    const snapshot = await monitorFor({ datasources: [{ uid: 'loki', type: 'loki', url: `http://127.0.0.1:${port}` }] }).snapshot();
    expect(snapshot.stores[0]).toMatchObject({ uid: 'loki', uptimePercent: 0, versionError: expect.stringContaining('ECONNREFUSED') });
    expect(snapshot.stores[0]!.latest).toMatchObject({ state: 'failing', error: expect.stringContaining('ECONNREFUSED') });
  });

  it('times out a backend that does not answer', async () => {
    const silent = await serve(() => {});
    servers.push(silent);
    const snapshot = await monitorFor({ datasources: [{ uid: 'tempo', type: 'tempo', url: silent.url }] }).snapshot();
    expect(snapshot.stores[0]!.latest).toMatchObject({ state: 'failing', error: 'no answer within 500 ms' });
  });

  it('follows an app from 200 to 503 with the failing check, keeping history', async () => {
    let ready = true;
    const app = await serve((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/health/live') return void res.end('{"status":"alive"}');
      res.statusCode = ready ? 200 : 503;
      res.end(JSON.stringify({ status: ready ? 'ready' : 'not_ready', checks: { database: true, redis: ready } }));
    });
    servers.push(app);
    const monitor = monitorFor({ health: [{ name: 'homebot', url: `${app.url}/health/ready`, liveUrl: `${app.url}/health/live` }] });
    const first = await monitor.snapshot();
    expect(first.apps[0]!.endpoints.map((e) => [e.kind, e.path, e.latest?.state])).toEqual([
      ['live', '/health/live', 'ok'],
      ['ready', '/health/ready', 'ok'],
    ]);
    ready = false;
    await monitor.probeAll();
    const second = await monitor.snapshot();
    const readiness = second.apps[0]!.endpoints[1]!;
    expect(readiness.latest).toMatchObject({ state: 'failing', httpStatus: 503, error: 'HTTP 503 (not_ready); failing: redis' });
    expect(readiness.latest!.checks.find((c) => c.name === 'redis')).toMatchObject({ state: 'failing', reported: 'false' });
    expect(readiness.history.map((h) => h.state)).toEqual(['ok', 'failing']);
    expect(readiness.uptimePercent).toBe(50);
  });

  it('reports a body cut off mid-way by the app as truncated, not as a crash', async () => {
    const app = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' });
      res.write('{"status":"ready","checks":{"database":tr');
      setTimeout(() => res.destroy(), 20);
    });
    servers.push(app);
    const snapshot = await monitorFor({ health: [{ name: 'cut', url: `${app.url}/health/ready` }] }).snapshot();
    expect(snapshot.apps[0]!.endpoints[0]!.latest).toMatchObject({ state: 'degraded', httpStatus: 200, error: expect.stringMatching(/^body is truncated JSON/) });
  });

  it('reports an HTML error page from a proxy in front of the app by its status', async () => {
    const app = await serve((_req, res) => res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>'));
    servers.push(app);
    const snapshot = await monitorFor({ health: [{ name: 'gw', url: `${app.url}/health/ready` }] }).snapshot();
    expect(snapshot.apps[0]!.endpoints[0]!.latest).toMatchObject({ state: 'failing', httpStatus: 502, error: 'HTTP 502' });
  });

  it('never has more than one probe in flight per target', async () => {
    let calls = 0;
    let release: () => void = () => {};
    // Holds the first request until released; later ones (after the round) answer at once.
    const slow = await serve((_req, res) => {
      calls++;
      if (calls === 1) release = () => res.end('ready');
      else res.end('ready');
    });
    servers.push(slow);
    const monitor = new HealthMonitor(parseConfig({ datasources: [{ uid: 'j', type: 'jaeger', url: slow.url }] }), { intervalMs: 60_000, timeoutMs: 2_000 });
    monitors.push(monitor);
    const rounds = [monitor.probeAll(), monitor.probeAll(), monitor.probeAll()];
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(1);
    release();
    await Promise.all(rounds);
    expect(calls).toBe(1);
    expect(monitor.snapshotNow().stores[0]!.history).toHaveLength(1);
  });

  it('probes again on the interval', async () => {
    const prom = await recordingUpstream((_req, res) => res.end('ok'));
    servers.push(prom);
    const monitor = monitorFor({ datasources: [{ uid: 'j', type: 'jaeger', url: prom.url }] }, 100);
    await monitor.snapshot();
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await monitor.snapshot()).stores[0]!.history.length).toBeGreaterThanOrEqual(3);
  });
});

describe('GET /api/health/checks', () => {
  it('answers the snapshot as JSON, uncached', async () => {
    const endpoint = createHealthChecksEndpoint(parseConfig({}));
    const server = await serve((req, res) => endpoint(req, res));
    servers.push(server);
    const res = await request(`${server.url}/api/health/checks`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(res.body)).toMatchObject({ demo: true, stores: [], apps: [], historySize: 60 });
  });
});
