import { createSightlineMiddleware } from './app.ts';
import { parseConfig } from './config.ts';
import { recordingUpstream, request, serve, type TestServer } from './testSupport.ts';

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function appWith(raw: unknown): Promise<TestServer> {
  const middleware = createSightlineMiddleware(parseConfig(raw));
  const server = await serve((req, res) => middleware(req, res, () => res.writeHead(200).end('spa')));
  servers.push(server);
  return server;
}

describe('createSightlineMiddleware', () => {
  it('serves the public config, uncached', async () => {
    const app = await appWith({ datasources: [{ uid: 'prom', type: 'prometheus', url: 'http://prom.internal:9090', bearerToken: 'secret-token' }] });
    const res = await request(`${app.url}/api/config`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(res.body)).toMatchObject({ demo: false, datasources: [{ uid: 'prom', type: 'prometheus', name: 'prom' }] });
    expect(res.body).not.toMatch(/secret-token|prom\.internal/);
    expect((await request(`${app.url}/api/config`, { method: 'POST' })).status).toBe(405);
  });

  it('tells the browser which trace route each Tempo has, learned once by the server', async () => {
    // Tempo 2.3's router knows no v2 trace route; 2.6+ answers trace id 0 with `trace not found`.
    const old = await recordingUpstream((req, res) => {
      if (req.url?.startsWith('/tempo/api/v2/')) res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 page not found\n');
      else res.writeHead(404).end('trace not found');
    });
    const current = await recordingUpstream((_req, res) => res.writeHead(404).end('trace not found'));
    servers.push(old, current);
    const app = await appWith({
      datasources: [
        { uid: 'old', type: 'tempo', url: `${old.url}/tempo`, bearerToken: 'secret-token' },
        { uid: 'new', type: 'tempo', url: current.url },
        { uid: 'prom', type: 'prometheus', url: 'http://127.0.0.1:9' },
      ],
    });
    const config = JSON.parse((await request(`${app.url}/api/config`)).body);
    expect(config.datasources).toEqual([
      { uid: 'old', type: 'tempo', name: 'old', traceByIdV2: false },
      { uid: 'new', type: 'tempo', name: 'new', traceByIdV2: true },
      { uid: 'prom', type: 'prometheus', name: 'prom' },
    ]);
    // Asked once, with the datasource's credentials and path prefix; a second page load asks nothing.
    await request(`${app.url}/api/config`);
    expect(old.requests.map((r) => r.url)).toEqual([`/tempo/api/v2/traces/${'0'.repeat(32)}?start=1&end=2`]);
    expect(old.requests[0].headers.authorization).toBe('Bearer secret-token');
    expect(current.requests).toHaveLength(1);
  });

  it('routes the proxy, with JSON 404s for unknown uids and malformed proxy URLs', async () => {
    const upstream = await recordingUpstream((_req, res) => res.end('{"status":"success"}'));
    servers.push(upstream);
    const app = await appWith({ datasources: [{ uid: 'prom', type: 'prometheus', url: upstream.url }] });
    expect((await request(`${app.url}/api/datasources/proxy/uid/prom/api/v1/query?query=up`)).body).toBe('{"status":"success"}');
    expect((await request(`${app.url}/api/datasources/proxy/uid/other/api/v1/query`)).status).toBe(404);
    expect((await request(`${app.url}/api/datasources/proxy/42/api/v1/query`)).status).toBe(404);
  });

  it('explains the 404 in demo mode', async () => {
    const app = await appWith({});
    const res = await request(`${app.url}/api/datasources/proxy/uid/prometheus/api/v1/query?query=up`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).error).toMatch(/demo mode/);
  });

  it('accepts OTLP exports and reports the counts', async () => {
    const app = await appWith({});
    const exported = await request(`${app.url}/otlp/v1/traces`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(exported.status).toBe(204);
    const stats = await request(`${app.url}/api/telemetry/stats`);
    expect(stats.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(stats.body)).toMatchObject({ collectorConfigured: false, received: 1, dropped: { noCollector: 1 } });
  });

  it('answers unknown /api/ paths with JSON 404 and leaves the rest to next()', async () => {
    const app = await appWith({});
    const missing = await request(`${app.url}/api/nope?x=1`);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({ status: 'error', error: 'no API endpoint at /api/nope' });
    expect((await request(`${app.url}/d/overview`)).body).toBe('spa');
    expect((await request(`${app.url}/apis`)).body).toBe('spa');
  });
});
