import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSightlineMiddleware } from '../app.ts';
import { parseConfig } from '../config.ts';
import { closedPort, recordingUpstream, request, serve, type TestServer } from '../testSupport.ts';
import { parseExposition, sampleValue } from './expositionTestSupport.ts';

const servers: { close: () => Promise<void> }[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function track<T extends { close: () => Promise<void> }>(server: Promise<T>): Promise<T> {
  const started = await server;
  servers.push(started);
  return started;
}

function emptyFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sightline-metrics-'));
  folders.push(folder);
  return folder;
}

/** The whole Sightline middleware (so /metrics sees the real proxy and OTLP forwarder), without the default process metrics. */
async function appWith(raw: Record<string, unknown>, defaultMetrics = false): Promise<TestServer> {
  const middleware = createSightlineMiddleware(parseConfig({ dashboards: emptyFolder(), ...raw }), { defaultMetrics });
  return track(serve((req, res) => middleware(req, res, () => res.writeHead(200).end('spa'))));
}

async function scrape(app: TestServer) {
  const res = await request(`${app.url}/metrics`);
  expect(res.status).toBe(200);
  return parseExposition(res.body);
}

const prom = { datasource: 'prom', datasource_type: 'prometheus' };

describe('/metrics: the proxy', () => {
  it('counts a proxied request by datasource and status, times it and counts the bytes streamed back', async () => {
    const upstream = await track(recordingUpstream((_req, res) => res.writeHead(200).end('{"status":"success"}')));
    const app = await appWith({ datasources: [{ uid: 'prom', type: 'prometheus', url: upstream.url }] });
    expect((await scrape(app)).samples.filter((s) => s.name.startsWith('sightline_proxy_requests_total'))).toEqual([]);

    await request(`${app.url}/api/datasources/proxy/uid/prom/api/v1/query?query=up`);
    await request(`${app.url}/api/datasources/proxy/uid/prom/api/v1/query?query=up`);

    const exposition = await scrape(app);
    expect(sampleValue(exposition, 'sightline_proxy_requests_total', { ...prom, code: '200' })).toBe(2);
    expect(sampleValue(exposition, 'sightline_proxy_request_duration_seconds_count', prom)).toBe(2);
    expect(sampleValue(exposition, 'sightline_proxy_request_duration_seconds_bucket', { ...prom, le: '+Inf' })).toBe(2);
    expect(sampleValue(exposition, 'sightline_proxy_response_bytes_total', { datasource: 'prom' })).toBe(2 * '{"status":"success"}'.length);
    expect(sampleValue(exposition, 'sightline_proxy_upstream_errors_total', { datasource: 'prom', kind: 'unreachable' })).toBe(0);
  });

  it('starts each configured datasource at zero refusals, errors, bytes and timed requests, so the first one is an increase', async () => {
    const app = await appWith({ datasources: [{ uid: 'prom', type: 'prometheus', url: 'http://127.0.0.1:1' }, { uid: 'logs', type: 'loki', url: 'http://127.0.0.1:1' }] });
    const exposition = await scrape(app);
    for (const datasource of ['prom', 'logs']) {
      expect(sampleValue(exposition, 'sightline_proxy_refused_requests_total', { datasource })).toBe(0);
      expect(sampleValue(exposition, 'sightline_proxy_response_bytes_total', { datasource })).toBe(0);
      expect(sampleValue(exposition, 'sightline_proxy_request_duration_seconds_count', { datasource, datasource_type: datasource === 'prom' ? 'prometheus' : 'loki' })).toBe(0);
      for (const kind of ['unreachable', 'timeout', 'interrupted']) {
        expect(sampleValue(exposition, 'sightline_proxy_upstream_errors_total', { datasource, kind })).toBe(0);
      }
    }
  });

  it('counts a request the allowlist refuses, as refused and as a 403, and never forwards it', async () => {
    const upstream = await track(recordingUpstream());
    const app = await appWith({ datasources: [{ uid: 'prom', type: 'prometheus', url: upstream.url }] });
    expect((await request(`${app.url}/api/datasources/proxy/uid/prom/api/v1/admin/tsdb/snapshot`, { method: 'POST' })).status).toBe(403);

    const exposition = await scrape(app);
    expect(sampleValue(exposition, 'sightline_proxy_refused_requests_total', { datasource: 'prom' })).toBe(1);
    expect(sampleValue(exposition, 'sightline_proxy_requests_total', { ...prom, code: '403' })).toBe(1);
    expect(sampleValue(exposition, 'sightline_proxy_request_duration_seconds_count', prom)).toBe(0);
    expect(upstream.requests).toEqual([]);
  });

  it('counts an unreachable backend as an upstream error and a 502', async () => {
    const app = await appWith({ datasources: [{ uid: 'prom', type: 'prometheus', url: `http://127.0.0.1:${await closedPort()}` }] });
    expect((await request(`${app.url}/api/datasources/proxy/uid/prom/api/v1/query?query=up`)).status).toBe(502);

    const exposition = await scrape(app);
    expect(sampleValue(exposition, 'sightline_proxy_upstream_errors_total', { datasource: 'prom', kind: 'unreachable' })).toBe(1);
    expect(sampleValue(exposition, 'sightline_proxy_requests_total', { ...prom, code: '502' })).toBe(1);
    expect(sampleValue(exposition, 'sightline_proxy_request_duration_seconds_count', prom)).toBe(1);
  });

  it('counts a backend that does not answer in time as a timeout and a 504', async () => {
    const silent = await track(recordingUpstream(() => {}));
    const app = await appWith({ datasources: [{ uid: 'prom', type: 'prometheus', url: silent.url, timeoutMs: 100 }] });
    expect((await request(`${app.url}/api/datasources/proxy/uid/prom/api/v1/query?query=up`)).status).toBe(504);

    const exposition = await scrape(app);
    expect(sampleValue(exposition, 'sightline_proxy_upstream_errors_total', { datasource: 'prom', kind: 'timeout' })).toBe(1);
    expect(sampleValue(exposition, 'sightline_proxy_requests_total', { ...prom, code: '504' })).toBe(1);
  });

  it('counts a backend that breaks off mid-answer as interrupted, and a client that leaves first as a 499 only', async () => {
    const partial = (hangUp: boolean) =>
      track(
        recordingUpstream((_req, res) => {
          res.writeHead(200, { 'content-length': '1000' }).write('partial');
          if (hangUp) setTimeout(() => res.socket?.destroy(), 20);
        }),
      );
    const slow = await track(recordingUpstream((_req, res) => void setTimeout(() => res.end('late'), 500)));
    const app = await appWith({
      datasources: [
        { uid: 'broken', type: 'prometheus', url: (await partial(true)).url },
        { uid: 'slow', type: 'prometheus', url: slow.url },
      ],
    });
    await fetch(`${app.url}/api/datasources/proxy/uid/broken/api/v1/query?query=up`).then((res) => res.text()).catch(() => undefined);
    await fetch(`${app.url}/api/datasources/proxy/uid/slow/api/v1/query?query=up`, { signal: AbortSignal.timeout(50) }).catch(() => undefined);

    await expect.poll(async () => sampleValue(await scrape(app), 'sightline_proxy_requests_total', { datasource: 'slow', datasource_type: 'prometheus', code: '499' })).toBe(1);
    const exposition = await scrape(app);
    expect(sampleValue(exposition, 'sightline_proxy_upstream_errors_total', { datasource: 'broken', kind: 'interrupted' })).toBe(1);
    expect(sampleValue(exposition, 'sightline_proxy_requests_total', { datasource: 'broken', datasource_type: 'prometheus', code: '200' })).toBe(1);
    for (const kind of ['unreachable', 'timeout', 'interrupted']) {
      expect(sampleValue(exposition, 'sightline_proxy_upstream_errors_total', { datasource: 'slow', kind })).toBe(0);
    }
  });

  it('puts no path, query or unknown uid in any label', async () => {
    const upstream = await track(recordingUpstream());
    const app = await appWith({ datasources: [{ uid: 'prom', type: 'prometheus', url: upstream.url }] });
    await request(`${app.url}/api/datasources/proxy/uid/prom/api/v1/query?query=secret_metric_name`);
    await request(`${app.url}/api/datasources/proxy/uid/made-up-uid/api/v1/query`);
    const text = (await request(`${app.url}/metrics`)).body;
    expect(text).toContain('sightline_proxy_requests_total{');
    expect(text).not.toMatch(/secret_metric_name|api\/v1|made-up-uid/);
  });
});

describe('/metrics: the exposition', () => {
  it('is Prometheus text with HELP and TYPE for every family, including the prefixed process metrics', async () => {
    const app = await appWith({}, true);
    const res = await request(`${app.url}/metrics`);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const { families, samples } = parseExposition(res.body);
    expect(families.get('sightline_proxy_requests_total')?.type).toBe('counter');
    expect(families.get('sightline_proxy_request_duration_seconds')?.type).toBe('histogram');
    expect(families.get('sightline_dashboards_loaded')?.type).toBe('gauge');
    expect(families.get('sightline_process_resident_memory_bytes')?.type).toBe('gauge');
    expect(sampleValue({ families, samples }, 'sightline_process_resident_memory_bytes', {})).toBeGreaterThan(0);
    // No unprefixed default metric: Sightline's must not clash with another Node process's.
    expect(samples.filter((s) => !s.name.startsWith('sightline_'))).toEqual([]);
  });

  it('answers HEAD without a body and refuses POST', async () => {
    const app = await appWith({});
    const head = await request(`${app.url}/metrics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await request(`${app.url}/metrics`, { method: 'POST' })).status).toBe(405);
  });
});

describe('/metrics: OTLP forwarding and dashboards', () => {
  it('reports the OTLP forwarder counts that /api/telemetry/stats shows, without counting again', async () => {
    const app = await appWith({});
    for (let i = 0; i < 2; i++) {
      await request(`${app.url}/otlp/v1/traces`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    }
    // Scraped twice: copying the forwarder's numbers must not add them up.
    await scrape(app);
    const exposition = await scrape(app);
    expect(sampleValue(exposition, 'sightline_otlp_exports_received_total', {})).toBe(2);
    expect(sampleValue(exposition, 'sightline_otlp_exports_forwarded_total', {})).toBe(0);
    expect(sampleValue(exposition, 'sightline_otlp_exports_dropped_total', { reason: 'no_collector' })).toBe(2);
    expect(sampleValue(exposition, 'sightline_otlp_exports_dropped_total', { reason: 'rate_limited' })).toBe(0);
    expect(JSON.parse((await request(`${app.url}/api/telemetry/stats`)).body)).toMatchObject({ received: 2, dropped: { noCollector: 2 } });
  });

  it('reports dashboards loaded and invalid files, re-reading the folder at each scrape', async () => {
    const folder = emptyFolder();
    writeFileSync(join(folder, 'ok.yaml'), 'uid: ok\ntitle: OK\npanels: []\n');
    writeFileSync(join(folder, 'broken.yaml'), 'uid: [not, a, uid]\n');
    const app = await appWith({ dashboards: folder });
    let exposition = await scrape(app);
    expect(sampleValue(exposition, 'sightline_dashboards_loaded', {})).toBe(1);
    expect(sampleValue(exposition, 'sightline_dashboard_files_invalid', {})).toBe(1);

    writeFileSync(join(folder, 'second.yaml'), 'uid: second\ntitle: Second\npanels: []\n');
    exposition = await scrape(app);
    expect(sampleValue(exposition, 'sightline_dashboards_loaded', {})).toBe(2);
  });
});
