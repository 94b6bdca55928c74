import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from './config.ts';
import { startServer } from './productionServer.ts';
import { MissingBuildError } from './staticFiles.ts';
import { request } from './testSupport.ts';

const indexHtml = '<!doctype html><html><head><script type="module" src="/assets/index-Bx9f3kQ1.js"></script></head><body><div id="root"></div></body></html>';

function builtApp(): string {
  const dist = mkdtempSync(join(tmpdir(), 'sightline-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), indexHtml);
  writeFileSync(join(dist, 'assets', 'index-Bx9f3kQ1.js'), 'console.log("app")');
  writeFileSync(join(dist, 'mockServiceWorker.js'), '/* msw */');
  return dist;
}

const config = parseConfig({
  datasources: [{ uid: 'prom', type: 'prometheus', url: 'http://prom.internal.example:9090', bearerToken: 'very-secret-token' }],
  embedding: { allowedOrigins: ['https://wiki.example.com'] },
  server: { port: 0 },
});

let server: Server;
let base: string;
beforeAll(async () => {
  server = await startServer(config, { distDir: builtApp() });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('production server', () => {
  it('serves index.html at / uncached, unframeable', async () => {
    const res = await request(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(indexHtml);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self';.*frame-ancestors 'none'$/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('caches hashed assets forever and revalidates other files', async () => {
    const asset = await request(`${base}/assets/index-Bx9f3kQ1.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const worker = await request(`${base}/mockServiceWorker.js`);
    expect(worker.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with 404, not HTML', async () => {
    const res = await request(`${base}/assets/index-old.js`);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('<html');
  });

  it.each(['/d/overview', '/traces/4bf92f3577b34da6a3ce929d0e0e4736', '/explore/metrics?q=up'])('falls back to index.html for the deep link %s', async (path) => {
    const res = await request(`${base}${path}`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(indexHtml);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('lets the allowed origins frame embed routes', async () => {
    const res = await request(`${base}/embed/d/x/panel/1?theme=dark`);
    expect(res.body).toBe(indexHtml);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors https:\/\/wiki\.example\.com$/);
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('serves /api/config without URLs or secrets', async () => {
    const res = await request(`${base}/api/config`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(JSON.parse(res.body).datasources).toEqual([{ uid: 'prom', type: 'prometheus', name: 'prom' }]);
    expect(res.body).not.toMatch(/very-secret-token|prom\.internal|9090/);
  });

  it('serves /metrics as Prometheus text, not the app, with no datasource URL in it', async () => {
    await request(`${base}/api/datasources/proxy/uid/prom/api/v1/admin/tsdb/snapshot`, { method: 'POST' });
    const res = await request(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.body).not.toContain('<html');
    expect(res.body).toContain('sightline_proxy_refused_requests_total{datasource="prom"} 1');
    expect(res.body).toMatch(/^sightline_process_resident_memory_bytes \d+$/m);
    expect(res.body).not.toMatch(/very-secret-token|prom\.internal|9090/);
    // A trailing slash or a sub-path is a client route, as for any other page.
    expect((await request(`${base}/metrics/`)).body).toBe(indexHtml);
  });

  it('does not answer unknown API paths or non-GET page requests with the app', async () => {
    const api = await request(`${base}/api/dashboards-typo`);
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/json/);
    expect((await request(`${base}/d/overview`, { method: 'POST' })).status).toBe(404);
  });

  it('refuses to start without a build', async () => {
    await expect(startServer(config, { distDir: mkdtempSync(join(tmpdir(), 'sightline-empty-')) })).rejects.toThrow(MissingBuildError);
  });
});

describe('production server during a rebuild', () => {
  it('answers 404 for an asset deleted after start-up and keeps serving', async () => {
    const dist = builtApp();
    const rebuilt = await startServer(config, { distDir: dist });
    const url = `http://127.0.0.1:${(rebuilt.address() as AddressInfo).port}`;
    try {
      expect((await request(`${url}/assets/index-Bx9f3kQ1.js`)).status).toBe(200);
      rmSync(join(dist, 'assets', 'index-Bx9f3kQ1.js'));
      expect((await request(`${url}/assets/index-Bx9f3kQ1.js`)).status).toBe(404);
      expect((await request(`${url}/`)).status).toBe(200);
    } finally {
      rebuilt.closeAllConnections();
      await new Promise((resolve) => rebuilt.close(resolve));
    }
  });
});
