import { parseConfig } from './config.ts';
import { publicConfig } from './publicConfig.ts';

describe('publicConfig', () => {
  it('lists the demo datasources when none is configured', () => {
    const pub = publicConfig(parseConfig({}));
    expect(pub.demo).toBe(true);
    expect(pub.datasources).toEqual([
      { uid: 'prometheus', type: 'prometheus', name: 'Demo Prometheus' },
      { uid: 'loki', type: 'loki', name: 'Demo Loki' },
      { uid: 'tempo', type: 'tempo', name: 'Demo Tempo' },
      { uid: 'jaeger', type: 'jaeger', name: 'Demo Jaeger' },
    ]);
    expect(pub.telemetry).toMatchObject({ serviceName: 'sightline-web', sampleRatio: 1, environment: 'demo' });
    expect(pub.telemetry.serviceVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('never exposes URLs, credentials, tenants or headers', () => {
    const config = parseConfig(
      {
        datasources: [
          {
            uid: 'loki-prod',
            type: 'loki',
            url: 'https://loki.internal.example:3100',
            name: 'Loki (prod)',
            tenant: 'team-secret',
            basicAuth: { username: 'svc-user', password: 'hunter2' },
            bearerToken: 'tok-123',
            headers: { 'X-Api-Key': 'key-456' },
          },
        ],
        telemetry: { otlpUrl: 'http://collector.internal:4318', environment: 'prod', sampleRatio: 0.5 },
      },
      { env: { PROMETHEUS_URL: 'http://prom.internal:9090' } },
    );
    const pub = publicConfig(config);
    expect(pub).toEqual({
      demo: false,
      datasources: [
        { uid: 'loki-prod', type: 'loki', name: 'Loki (prod)' },
        { uid: 'prometheus', type: 'prometheus', name: 'Prometheus' },
      ],
      telemetry: { serviceName: 'sightline-web', serviceVersion: expect.any(String), environment: 'prod', sampleRatio: 0.5 },
      logs: { derivedFields: [] },
    });
    const json = JSON.stringify(pub);
    for (const secret of ['internal', 'team-secret', 'svc-user', 'hunter2', 'tok-123', 'key-456', 'X-Api-Key']) {
      expect(json).not.toContain(secret);
    }
  });

  it('passes derived-field rules for log lines to the browser, and refuses broken ones', () => {
    const rule = { name: 'Order', matcherRegex: 'order=(\\w+)', url: 'https://shop.example.com/orders/${__value.raw}' };
    expect(publicConfig(parseConfig({ logs: { derivedFields: [rule] } })).logs).toEqual({ derivedFields: [{ ...rule, field: undefined }] });
    expect(() => parseConfig({ logs: { derivedFields: [{ name: 'x', matcherRegex: '(', url: '/x' }] } })).toThrow(/not a valid regular expression/);
    expect(() => parseConfig({ logs: { derivedFields: [{ name: 'x', field: 'a', url: 'javascript:alert(1)' }] } })).toThrow(/http\(s\) URL/);
    expect(() => parseConfig({ logs: { derivedFields: [{ name: 'x', url: '/x' }] } })).toThrow(/exactly one of/);
  });
});
