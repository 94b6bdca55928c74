import { expect, test } from '@playwright/test';

const proxy = (uid: string, path: string) => `/api/datasources/proxy/uid/${uid}/${path}`;

test.describe('read-only proxy', () => {
  test('forwards an allowed Prometheus query to the real backend', async ({ request }) => {
    const response = await request.get(proxy('prometheus', 'api/v1/query?query=up'));
    expect(response.status()).toBe(200);
    expect((await response.json()).status).toBe('success');
  });

  const refused: [string, 'get' | 'post' | 'delete' | 'put', string][] = [
    ['prometheus', 'post', 'api/v1/admin/tsdb/delete_series?match[]=up'],
    ['prometheus', 'post', 'api/v1/admin/tsdb/snapshot'],
    ['prometheus', 'post', '-/quit'],
    ['prometheus', 'put', '-/reload'],
    ['prometheus', 'get', 'api/v1/../../-/quit'],
    ['prometheus', 'get', 'api/v1/%2e%2e/%2e%2e/-/quit'],
    ['prometheus', 'delete', 'api/v1/query?query=up'],
    ['loki', 'post', 'loki/api/v1/push'],
    ['loki', 'post', 'flush'],
    ['tempo', 'get', 'flush'],
    ['tempo', 'get', 'shutdown'],
  ];
  for (const [uid, method, path] of refused) {
    test(`refuses ${method.toUpperCase()} ${uid} ${path}`, async ({ request }) => {
      const response = await request[method](proxy(uid, path), { data: method === 'get' ? undefined : '{}' });
      expect(response.status()).toBe(403);
      const body = await response.json();
      expect(body.status).toBe('error');
      expect(typeof body.error).toBe('string');
    });
  }

  test('the admin endpoint really was not reached: Prometheus still answers', async ({ request }) => {
    await request.post(proxy('prometheus', '-/quit'));
    const response = await request.get(proxy('prometheus', '-/ready'));
    expect(response.status()).toBe(200);
  });

  test('/api/config shows datasources without their URLs', async ({ request }) => {
    const response = await request.get('/api/config');
    const text = await response.text();
    expect(text).not.toContain('127.0.0.1');
    const config = JSON.parse(text);
    expect(config.demo).toBe(false);
    expect(config.datasources.map((ds: { uid: string }) => ds.uid).sort()).toEqual(['jaeger', 'loki', 'prometheus', 'recorder', 'recorder-jaeger', 'tempo']);
  });

  test('security headers: no framing outside embed routes', async ({ request }) => {
    const response = await request.get('/explore/metrics');
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
  });
});
